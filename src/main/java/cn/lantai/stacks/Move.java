package cn.lantai.stacks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One taking out (出库) from the stacks and its return (入库): what (an entry or a box, named by its 档号 or number), who
 * took it, why, when and until which day; who returned it and when ({@code null} while it is out).
 */
public record Move(long id, Kept kind, long targetId, String label, MoveReason reason, String note, String takenBy,
        Instant takenAt, LocalDate due, String returnedBy, Instant returnedAt) {

    public boolean out() {
        return returnedAt == null;
    }

    /** Out past its due day, as the archive counts days ({@code today} in its zone). */
    public boolean overdue(LocalDate today) {
        return out() && due.isBefore(today);
    }
}
