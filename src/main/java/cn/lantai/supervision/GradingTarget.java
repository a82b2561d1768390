package cn.lantai.supervision;

/**
 * A unit's grading target for a year (年度创建目标), with the grade its room holds at that year's end (or today, for
 * the current year) and whether that meets the target.
 */
public record GradingTarget(String unitCode, String unitName, int year, Grade target, Grade reached, boolean met) {
}
