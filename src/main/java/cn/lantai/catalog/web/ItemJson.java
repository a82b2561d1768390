package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Violation;

/**
 * The JSON shape of items in the API: a flat object of description fields by key ({@code title}, {@code date} …),
 * {@code archivalCode}, and {@code extra} for the category's own fields.
 */
final class ItemJson {

    static final String ARCHIVAL_CODE = "archivalCode";
    static final String EXTRA = "extra";
    static final String VERSION = "version";

    private ItemJson() {
    }

    static Map<String, Object> of(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id().value());
        json.put(ARCHIVAL_CODE, item.archivalCode());
        json.put(VERSION, item.version());
        json.put("updatedAt", item.updatedAt());
        item.description().asMap().forEach((f, v) -> json.put(f.key(),
                f.kind() == DescriptionField.Kind.INTEGER ? (Object) Integer.valueOf(v) : v));
        json.put(EXTRA, item.extra());
        return json;
    }

    /** Reads an entry; names that are neither a description field nor one of the known keys are refused. */
    static EntryInput entry(Map<String, Object> body, String... ignoredKeys) {
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        Map<String, String> extra = new LinkedHashMap<>();
        String code = null;
        List<Violation> unknown = new ArrayList<>();
        List<String> ignored = List.of(ignoredKeys);
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.equals(ARCHIVAL_CODE)) {
                code = text(value);
            } else if (key.equals(EXTRA) && value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> extra.put(String.valueOf(k), text(v)));
            } else if (DescriptionField.byKey(key).isPresent()) {
                fields.put(DescriptionField.byKey(key).get(), text(value));
            } else if (!ignored.contains(key)) {
                unknown.add(new Violation(key, text(value), "catalog.unknown-field"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidEntry(unknown);
        }
        return new EntryInput(code, fields, extra);
    }

    static ItemFilter filter(Map<String, String> p) {
        return new ItemFilter(blank(p.get("fonds")), blank(p.get("category")), integer(p.get("yearFrom")),
                integer(p.get("yearTo")), blank(p.get("retention")) == null ? null
                        : cn.lantai.catalog.Retention.parse(p.get("retention")).orElseThrow(
                                () -> new IllegalArgumentException("retention")),
                blank(p.get("org")), blank(p.get("classification")) == null ? null
                        : cn.lantai.catalog.Classification.parse(p.get("classification")).orElseThrow(
                                () -> new IllegalArgumentException("classification")),
                blank(p.get("openStatus")) == null ? null
                        : cn.lantai.catalog.OpenStatus.parse(p.get("openStatus")).orElseThrow(
                                () -> new IllegalArgumentException("openStatus")),
                null);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer integer(String s) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }
}
