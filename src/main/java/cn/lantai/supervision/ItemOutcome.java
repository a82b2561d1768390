package cn.lantai.supervision;

/** A rectification item as the follow-up review (回头看) found it. */
public enum ItemOutcome {
    FIXED, NOT_FIXED;

    /** The bundle key of its name. */
    public String labelKey() {
        return this == FIXED ? "supervision.inspection.outcome.fixed" : "supervision.inspection.outcome.not-fixed";
    }
}
