package cn.lantai.supervision;

import java.time.LocalDate;

/** A grade a unit's archive room reached, on which day, and who recorded it. */
public record GradeChange(String unitCode, Grade grade, LocalDate reachedOn, String recordedBy) {
}
