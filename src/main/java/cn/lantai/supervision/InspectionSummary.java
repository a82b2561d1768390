package cn.lantai.supervision;

import java.time.LocalDate;

/**
 * One inspection of a unit as its history shows it: its state (the workflow's last step), the planned and on-site
 * dates, the rectification deadline ({@code null} without one) and whether the rectification is closed.
 */
public record InspectionSummary(long id, String unitCode, String state, LocalDate planned, LocalDate inspected,
        LocalDate deadline, boolean closed) {
}
