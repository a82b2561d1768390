package cn.lantai.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Minimal command-line parsing for the benchmark mains: {@code --key value} options and {@code --flag} switches. An
 * option followed by another {@code --...} token, or by nothing, is a switch.
 */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    Args(String[] argv) {
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                values.put(key, argv[++i]);
            } else {
                flags.add(key);
            }
        }
    }

    boolean flag(String name) {
        return flags.contains(name) || "true".equalsIgnoreCase(values.get(name));
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String get(String name) {
        return values.get(name);
    }

    long getLong(String name, long fallback) {
        String v = values.get(name);
        return v == null ? fallback : Long.parseLong(v.replace("_", "").replace(",", ""));
    }

    int getInt(String name, int fallback) {
        return (int) getLong(name, fallback);
    }

    double getDouble(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    /** A duration written as {@code 30s}, {@code 2m}, {@code 500ms} or a bare number of seconds. */
    Duration getDuration(String name, Duration fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
    }
}
