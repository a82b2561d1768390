package cn.lantai.catalog;

import java.util.Optional;

/** Open status (开放标识): the outcome of the opening appraisal (开放鉴定). */
public enum OpenStatus {
    /** Not yet appraised (未鉴定): treated as closed to the public. */
    PENDING("未鉴定"),
    OPEN("开放"),
    CONTROLLED("控制使用"),
    DELAYED("延期开放");

    private final String label;

    OpenStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<OpenStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(PENDING);
        }
        String t = text.strip();
        for (OpenStatus s : values()) {
            if (s.label.equals(t) || s.name().equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return switch (t) {
            case "待鉴定" -> Optional.of(PENDING);
            case "控制", "不开放" -> Optional.of(CONTROLLED);
            case "延期" -> Optional.of(DELAYED);
            default -> Optional.empty();
        };
    }
}
