package cn.lantai.supervision;

/**
 * An archive room's grade (档案室等级) as the province awards it, highest first; {@link #UNGRADED} (未定级) is a room
 * without one (never graded, or its grade withdrawn).
 */
public enum Grade {
    PROVINCIAL_FIRST, PROVINCIAL_SECOND, PROVINCIAL_THIRD, UNGRADED;

    /** Whether a room of this grade meets a target of that one ("省三级及以上": the target's grade or higher). */
    public boolean meets(Grade target) {
        return this != UNGRADED && ordinal() <= target.ordinal();
    }

    /** The grade so named (its code, as forms and the API send it). */
    public static Grade of(String code) {
        if (code != null) {
            for (Grade g : values()) {
                if (g.name().equals(code.strip())) {
                    return g;
                }
            }
        }
        throw new SupervisionProblem(422, "supervision.grade.unknown");
    }
}
