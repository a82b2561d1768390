package cn.lantai.catalog;

import java.util.Locale;
import java.util.Optional;

/** Retention period (保管期限), DA/T 22-2015: permanent, 30 years or 10 years. */
public enum Retention {
    PERMANENT("Y", "永久"),
    THIRTY_YEARS("D30", "定期30年"),
    TEN_YEARS("D10", "定期10年");

    private final String code;
    private final String label;

    Retention(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used inside the archival code: {@code Y}, {@code D30}, {@code D10}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Accepts the code, the Chinese label, or the short forms archivists type (永久, 30年, 10年). */
    public static Optional<Retention> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (Retention r : values()) {
            if (r.code.equals(t) || r.label.equals(t) || r.name().equals(t)) {
                return Optional.of(r);
            }
        }
        return switch (t) {
            case "永久保存" -> Optional.of(PERMANENT);
            case "30年", "定期30", "30" -> Optional.of(THIRTY_YEARS);
            case "10年", "定期10", "10" -> Optional.of(TEN_YEARS);
            default -> Optional.empty();
        };
    }

    public static Retention ofCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("retention " + code));
    }
}
