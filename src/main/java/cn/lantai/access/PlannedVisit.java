package cn.lantai.access;

import java.time.LocalDate;

/** A visit a person announced on the portal (预约登记): the day they plan to come and why. */
public record PlannedVisit(LocalDate on, Purpose purpose) {
}
