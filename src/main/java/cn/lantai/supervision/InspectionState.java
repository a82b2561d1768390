package cn.lantai.supervision;

import java.util.Locale;

/**
 * Where a law-enforcement inspection (执法检查) stands: the last step recorded. Planned, notified (a month ahead),
 * its team set, inspected on site, under rectification (整改通知书 issued), fixes reported by the unit, rectified (the
 * fixes accepted, which closes the notice), its result published, reviewed (回头看).
 */
public enum InspectionState {
    PLANNED, NOTIFIED, TEAM_SET, INSPECTED, RECTIFYING, FIXES_REPORTED, RECTIFIED, PUBLISHED, REVIEWED;

    /** The bundle key of its name ({@code supervision.inspection.state.planned} …). */
    public String labelKey() {
        return "supervision.inspection.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
