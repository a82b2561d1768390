package cn.lantai.supervision;

import java.util.Map;

/**
 * A year of guidance and grading, as the yearly statistics count it: guidance visits, training sessions and their
 * attendees (人次), publicity events, and the units at each archive-room grade at the year's end (grade code → units).
 */
public record OutreachYear(int year, long guidanceVisits, long trainings, long trainees, long publicityEvents,
        Map<String, Long> unitsByGrade) {

    public OutreachYear {
        unitsByGrade = Map.copyOf(unitsByGrade);
    }
}
