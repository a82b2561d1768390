package cn.lantai.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded step of an inspection: which ({@link InspectionState} it led to), its date, who recorded it, when. */
public record InspectionStep(InspectionState step, LocalDate on, String recordedBy, Instant recordedAt) {
}
