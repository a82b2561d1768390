package cn.lantai.support;

import java.util.EnumMap;
import java.util.Map;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;

/** Catalogue entries for tests: a well-formed 文书 item of a fonds and year, changed field by field. */
public final class Entries {

    private final Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);

    private Entries(String fonds, int year, String title) {
        fields.put(DescriptionField.FONDS, fonds);
        fields.put(DescriptionField.CATEGORY, "WS");
        fields.put(DescriptionField.YEAR, Integer.toString(year));
        fields.put(DescriptionField.RETENTION, "Y");
        fields.put(DescriptionField.ORG, "BGS");
        fields.put(DescriptionField.TITLE, title);
        fields.put(DescriptionField.DATE, year + "-03-12");
        fields.put(DescriptionField.CREATOR, "区人民政府办公室");
        fields.put(DescriptionField.OPEN_STATUS, "开放");
    }

    public static Entries item(String fonds, int year, String title) {
        return new Entries(fonds, year, title);
    }

    public Entries with(DescriptionField field, String value) {
        fields.put(field, value);
        return this;
    }

    public EntryInput input() {
        return new EntryInput(null, fields, Map.of());
    }
}
