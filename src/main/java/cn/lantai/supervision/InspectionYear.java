package cn.lantai.supervision;

/**
 * A year of law-enforcement inspections, as the yearly statistics count them: inspections done on site in the year,
 * rectification notices (整改通知书) issued, their items, the notices whose fixes were accepted, the notices past
 * their deadline without accepted fixes at the year's end (today, for the current year), results published and
 * follow-up reviews (回头看) done.
 */
public record InspectionYear(int year, long inspections, long rectificationNotices, long rectificationItems,
        long rectificationsClosed, long rectificationsOverdue, long resultsPublished, long followUps) {
}
