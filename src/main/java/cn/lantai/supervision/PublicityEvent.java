package cn.lantai.supervision;

import java.time.LocalDate;

/** A publicity event (宣传活动): the day, occasion, title, place, participants and a note (place and note optional). */
public record PublicityEvent(long id, LocalDate heldOn, PublicityKind kind, String title, String place,
        int participants, String note) {
}
