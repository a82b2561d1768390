package cn.lantai.catalog;

import java.util.List;

/**
 * One broken rule in an entry: the field (its Chinese label, or the extra field's label), the value as given, and a
 * message code with arguments from the {@code catalog.*} keys of the i18n bundle.
 */
public record Violation(String field, String value, String code, List<Object> args) {

    public Violation(String field, String value, String code, Object... args) {
        this(field, value, code, List.of(args));
    }
}
