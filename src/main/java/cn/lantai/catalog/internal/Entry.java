package cn.lantai.catalog.internal;

import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.Violation;

/**
 * An entry after the rules were applied: its normal description and extra fields, what it broke, and the values the
 * rules moved or read in another sense than written ({@code notices}: never silent, reports show them).
 */
public record Entry(Description description, Map<String, String> extra, List<Violation> violations,
        List<Violation> notices) {

    public Entry(Description description, Map<String, String> extra, List<Violation> violations) {
        this(description, extra, violations, List.of());
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
