package cn.lantai.supervision;

import java.time.LocalDate;

import cn.lantai.identity.UnitProfile;

/**
 * A unit of the district as the supervision list shows it: identity's profile, what supervision keeps of its archive
 * work, its room's current grade, and the days of its last inspection and last guidance visit ({@code null} when
 * none).
 */
public record SupervisedUnit(UnitProfile unit, UnitWork work, Grade grade, LocalDate lastInspection,
        LocalDate lastGuidance) {
}
