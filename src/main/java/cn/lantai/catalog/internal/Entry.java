package cn.lantai.catalog.internal;

import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.Violation;

/** An entry after the rules were applied: its normal description and extra fields, and what it broke. */
public record Entry(Description description, Map<String, String> extra, List<Violation> violations) {

    public boolean valid() {
        return violations.isEmpty();
    }
}
