package cn.lantai.catalog;

import java.util.Optional;

/**
 * Security classification (密级) of a record, and equally the clearance of a person: a record is visible only to
 * someone whose clearance rank is at least the record's.
 */
public enum Classification {
    NONE(0, "无"),
    CONFIDENTIAL(1, "秘密"),
    SECRET(2, "机密"),
    TOP_SECRET(3, "绝密");

    private final int rank;
    private final String label;

    Classification(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public int rank() {
        return rank;
    }

    public String label() {
        return label;
    }

    /** True when a person with this clearance may see a record of the given classification. */
    public boolean covers(Classification record) {
        return rank >= record.rank;
    }

    /** Accepts the Chinese label, the enum name, or blank and the non-secret marks (公开, 内部, 非密) as none. */
    public static Optional<Classification> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(NONE);
        }
        String t = text.strip();
        for (Classification c : values()) {
            if (c.label.equals(t) || c.name().equalsIgnoreCase(t)) {
                return Optional.of(c);
            }
        }
        return switch (t) {
            case "公开", "内部", "非密", "无密级", "-" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }
}
