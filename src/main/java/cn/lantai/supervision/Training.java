package cn.lantai.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A training session (培训): the day, title, hours, trainer and attendees (each attendee one trainee, 人次). */
public record Training(long id, LocalDate heldOn, String title, BigDecimal hours, String trainer,
        List<Attendee> attendees) {

    public Training {
        attendees = List.copyOf(attendees);
    }
}
