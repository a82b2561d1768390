package cn.lantai.supervision;

import java.time.LocalDate;

/** A rectification notice past its deadline without accepted fixes: an alert for the inspectors. */
public record OverdueRectification(long inspectionId, String unitCode, String number, LocalDate deadline,
        long daysOverdue) {
}
