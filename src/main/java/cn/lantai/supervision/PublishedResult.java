package cn.lantai.supervision;

import java.time.LocalDate;

/** An inspection's published result (检查结果公布): the unit, the date and the text. */
public record PublishedResult(long inspectionId, String unitCode, LocalDate on, String text) {
}
