package cn.lantai.access;

import java.util.Locale;

/** How the use statistics are grouped: by day, month or year of the use, by purpose (利用目的) or by category (门类). */
public enum UseGrouping {
    DAY, MONTH, YEAR, PURPOSE, CATEGORY;

    /** The grouping named as the API names it ({@code day}, {@code month} …), or {@link AccessProblem}. */
    public static UseGrouping of(String name) {
        if (name == null || name.isBlank()) {
            return DAY;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AccessProblem("access.statistics.bad-by");
        }
    }

    /** Whether the groups are periods of time, shown in order with empty periods too. */
    public boolean byTime() {
        return this == DAY || this == MONTH || this == YEAR;
    }
}
