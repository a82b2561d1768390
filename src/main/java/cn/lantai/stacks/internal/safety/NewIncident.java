package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;

/** An incident or near miss (事故/险情) as reported: the day, the room, the protection concerned and what happened. */
public record NewIncident(LocalDate occurredOn, String room, Protection protection, String description, String loss,
        String measures) {
}
