package cn.lantai.catalog.internal.imports;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.internal.sheets.ColumnMapping;
import cn.lantai.catalog.internal.sheets.SheetRows;

/** Turns a row of cells into an entry through the column mapping, filling empty cells from the sheet's defaults. */
public final class RowReader {

    private final ColumnMapping mapping;
    private final Map<DescriptionField, String> defaults;

    public RowReader(ColumnMapping mapping, Map<String, String> defaults) {
        this.mapping = mapping;
        this.defaults = new EnumMap<>(DescriptionField.class);
        defaults.forEach((k, v) -> DescriptionField.byKey(k).ifPresent(f -> this.defaults.put(f, v)));
    }

    public EntryInput read(SheetRows.Row row) {
        String code = null;
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        Map<String, String> extra = new LinkedHashMap<>();
        for (var column : mapping.columns().entrySet()) {
            String value = unneutralise(row.cell(column.getKey()));
            if (column.getValue() instanceof ColumnMapping.FieldColumn f) {
                fields.put(f.field(), value);
            } else if (column.getValue() instanceof ColumnMapping.ExtraColumn e) {
                extra.put(e.name(), value);
            } else {
                code = value;
            }
        }
        defaults.forEach((f, v) -> {
            String given = fields.get(f);
            if (given == null || given.isBlank()) {
                fields.put(f, v);
            }
        });
        return new EntryInput(code, fields, extra);
    }

    /** Undoes the apostrophe an export puts before formula-like text, so an exported sheet imports back unchanged. */
    private static String unneutralise(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
