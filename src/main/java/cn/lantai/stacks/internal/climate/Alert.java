package cn.lantai.stacks.internal.climate;

import java.time.Instant;
import java.time.LocalDate;

/** A climate alert of a room's day, open until a person of the stacks acknowledges it. */
public record Alert(long id, String room, AlertKind kind, LocalDate day, String detail, Instant raisedAt,
        Instant acknowledgedAt, String acknowledgedBy) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
