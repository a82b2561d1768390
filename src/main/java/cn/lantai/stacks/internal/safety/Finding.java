package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;

/**
 * A finding of a safety check, tracked to its closure: the point it failed, its note and room, the fix (who, what, by
 * which day) and the closure (day, by whom, note). It counts as found on the day its check was done.
 */
public record Finding(long id, long checkId, int year, int quarter, LocalDate foundOn, Protection protection,
        String point, String note, String room, String fixBy, String fixAction, LocalDate fixDue, LocalDate closedOn,
        String closedBy, String closingNote) {

    public boolean open() {
        return closedOn == null;
    }

    public boolean fixed() {
        return fixAction != null;
    }
}
