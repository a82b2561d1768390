package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;

/** An incident or near miss (事故/险情) as logged, closed once its measures are done. */
public record Incident(long id, LocalDate occurredOn, String room, Protection protection, String description,
        String loss, String measures, LocalDate closedOn, String recordedBy) {

    public boolean closed() {
        return closedOn != null;
    }
}
