package cn.lantai.catalog;

import java.util.Map;

/**
 * An entry as a person or a catalogue row gives it: optionally the archival code (档号), the description fields as
 * text, and the category's extra fields by key or label. Absent item number means "allocate the next".
 */
public record EntryInput(String archivalCode, Map<DescriptionField, String> fields, Map<String, String> extra) {

    public EntryInput {
        fields = fields == null ? Map.of() : fields;
        extra = extra == null ? Map.of() : extra;
    }
}
