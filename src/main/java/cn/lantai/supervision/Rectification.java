package cn.lantai.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification notice (整改通知书) of an inspection: its round (a follow-up review's unfixed items lead to the
 * next), its number ({@code 区档执改〔2026〕3号}), issue date and deadline, its items, the unit's evidence and the
 * dates of its report, of the acceptance of its fixes (which closes it) and of its follow-up review.
 */
public record Rectification(long id, int round, String number, LocalDate issuedOn, LocalDate deadline,
        List<RectificationItem> items, String evidence, LocalDate reportedOn, LocalDate acceptedOn,
        LocalDate reviewedOn) {

    public Rectification {
        items = List.copyOf(items);
    }

    /** Whether its fixes are accepted. */
    public boolean closed() {
        return acceptedOn != null;
    }

    /** Whether its deadline has passed on {@code today} without accepted fixes. */
    public boolean overdueOn(LocalDate today) {
        return acceptedOn == null && deadline.isBefore(today);
    }
}
