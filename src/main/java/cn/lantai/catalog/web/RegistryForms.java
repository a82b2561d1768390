package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.CatalogRegistry;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Violation;

/**
 * The forms of the catalogue's set-up: a fonds's, and a category's with one row per field of its own. They keep what
 * was typed (as text: a year that is no number is shown back as typed) and put each refusal beside the input it
 * concerns, or above the form where it concerns none.
 */
final class RegistryForms {

    /** Form field names of a fonds. */
    static final String CODE = "code";
    static final String NAME = "name";
    static final String UNIT = "unit";
    static final String START = "startYear";
    static final String END = "endYear";
    static final String NOTES = "notes";
    /** The prefix of a category's field rows: {@code f0.key}, {@code f0.label} … */
    static final String ROW = "f";
    static final String[] ROW_PARTS = {"key", "label", "type", "maxLength", "mandatory", "vocabulary", "remove"};

    private RegistryForms() {
    }

    /** What a form shows: the values as typed, the messages by input, the messages above it. */
    record State(Map<String, String> values, Map<String, List<String>> errors, List<String> problems) {

        static State of(Map<String, String> values) {
            return new State(values, new LinkedHashMap<>(), new ArrayList<>());
        }

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean invalid(String name) {
            return errors.containsKey(name);
        }

        public List<String> errors(String name) {
            return errors.getOrDefault(name, List.of());
        }

        public boolean failed() {
            return !errors.isEmpty() || !problems.isEmpty();
        }

        void add(String input, String message) {
            if (input == null) {
                problems.add(message);
            } else {
                errors.computeIfAbsent(input, k -> new ArrayList<>()).add(message);
            }
        }
    }

    // ---- fonds ----------------------------------------------------------------------------------------------

    static Map<String, String> values(Fonds f) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CODE, f.code());
        values.put(NAME, text(f.name()));
        values.put(UNIT, text(f.unit()));
        values.put(START, f.startYear() == null ? "" : f.startYear().toString());
        values.put(END, f.endYear() == null ? "" : f.endYear().toString());
        values.put(NOTES, text(f.notes()));
        return values;
    }

    static Map<String, String> fondsTyped(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of(CODE, NAME, UNIT, START, END, NOTES)) {
            values.put(name, form.getOrDefault(name, ""));
        }
        return values;
    }

    /** The fonds typed; a year that is no whole number is put in {@code errors} and left out. */
    static Fonds fonds(Map<String, String> typed, State state, String notAYear) {
        return new Fonds(typed.get(CODE).strip(), typed.get(NAME), typed.get(UNIT),
                year(typed.get(START), START, state, notAYear), year(typed.get(END), END, state, notAYear),
                typed.get(NOTES));
    }

    private static Integer year(String text, String input, State state, String notAYear) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            state.add(input, notAYear);
            return null;
        }
    }

    /** The input of the fonds form a violation concerns (by the name the registry gives it). */
    static String fondsInput(Violation v) {
        return switch (v.field()) {
            case CatalogRegistry.FONDS_NAME -> NAME;
            case CatalogRegistry.FONDS_UNIT -> UNIT;
            case CatalogRegistry.START_YEAR -> START;
            case CatalogRegistry.END_YEAR -> END;
            case CatalogRegistry.FONDS_NOTES -> NOTES;
            default -> v.field().equals(DescriptionField.FONDS.label()) ? CODE : null;
        };
    }

    // ---- categories -----------------------------------------------------------------------------------------

    static Map<String, String> values(Category c) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CODE, c.code());
        values.put(NAME, c.name());
        for (int i = 0; i < c.fields().size(); i++) {
            FieldDefinition d = c.fields().get(i);
            values.put(row(i, "key"), d.key());
            values.put(row(i, "label"), d.label());
            values.put(row(i, "type"), d.type() == null ? "" : d.type().name());
            values.put(row(i, "maxLength"), Integer.toString(d.maxLength()));
            values.put(row(i, "mandatory"), d.mandatory() ? "true" : "");
            values.put(row(i, "vocabulary"), String.join("\n", d.vocabulary()));
        }
        return values;
    }

    static String row(int i, String part) {
        return ROW + i + "." + part;
    }

    /** How many field rows the typed values hold (rows are numbered from 0 without gaps). */
    static int rows(Map<String, String> values) {
        int n = 0;
        while (values.containsKey(row(n, "key")) || values.containsKey(row(n, "label"))) {
            n++;
        }
        return n;
    }

    /**
     * The category form as typed, rows renumbered from 0: rows marked for removal are dropped, and so are rows left
     * wholly blank (an added row not used); {@code addRow} appends a blank one.
     */
    static Map<String, String> categoryTyped(Map<String, String> form, boolean addRow) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CODE, form.getOrDefault(CODE, ""));
        values.put(NAME, form.getOrDefault(NAME, ""));
        List<Integer> indexes = new ArrayList<>();
        form.keySet().forEach(k -> {
            if (k.matches(ROW + "\\d{1,3}\\.[a-zA-Z]+")) {
                int i = Integer.parseInt(k.substring(ROW.length(), k.indexOf('.')));
                if (!indexes.contains(i)) {
                    indexes.add(i);
                }
            }
        });
        indexes.sort(Integer::compare);
        int n = 0;
        for (int i : indexes) {
            boolean removed = !form.getOrDefault(row(i, "remove"), "").isEmpty();
            boolean blank = Arrays.stream(new String[] {"key", "label", "vocabulary"})
                    .allMatch(p -> form.getOrDefault(row(i, p), "").isBlank());
            if (removed || blank) {
                continue;
            }
            for (String part : ROW_PARTS) {
                if (!part.equals("remove")) {
                    values.put(row(n, part), form.getOrDefault(row(i, part), ""));
                }
            }
            n++;
        }
        if (addRow) {
            blankRow(values, n);
        }
        return values;
    }

    static void blankRow(Map<String, String> values, int n) {
        values.put(row(n, "key"), "");
        values.put(row(n, "label"), "");
        values.put(row(n, "type"), FieldDefinition.Type.TEXT.name());
        values.put(row(n, "maxLength"), "");
        values.put(row(n, "mandatory"), "");
        values.put(row(n, "vocabulary"), "");
    }

    /** The category typed; a length that is no whole number is put in {@code errors} and left to the default. */
    static Category category(Map<String, String> typed, State state, String notANumber) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (int i = 0; i < rows(typed); i++) {
            String type = typed.getOrDefault(row(i, "type"), "");
            String length = typed.getOrDefault(row(i, "maxLength"), "").strip();
            Integer maxLength = null;
            if (!length.isEmpty()) {
                try {
                    maxLength = Integer.valueOf(length);
                } catch (NumberFormatException e) {
                    state.add(row(i, "maxLength"), notANumber);
                }
            }
            List<String> vocabulary = typed.getOrDefault(row(i, "vocabulary"), "").lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).distinct().toList();
            fields.add(new FieldDefinition(typed.get(row(i, "key")).strip(), typed.get(row(i, "label")).strip(),
                    type(type), maxLength, !typed.getOrDefault(row(i, "mandatory"), "").isEmpty(), vocabulary));
        }
        return new Category(typed.get(CODE).strip(), typed.get(NAME).strip(), fields);
    }

    private static FieldDefinition.Type type(String name) {
        return Arrays.stream(FieldDefinition.Type.values()).filter(t -> t.name().equals(name)).findFirst()
                .orElse(null);
    }

    /**
     * The input of the category form a violation concerns: the code, the name, or a row's key, label or vocabulary
     * (a row found by the key or label the violation names); null when none.
     */
    static String categoryInput(Violation v, Map<String, String> typed) {
        if (v.field().equals(DescriptionField.CATEGORY.label())) {
            return CODE;
        }
        if (v.field().equals(CatalogRegistry.CATEGORY_NAME)) {
            return NAME;
        }
        for (int i = 0; i < rows(typed); i++) {
            String key = typed.get(row(i, "key")).strip();
            String label = typed.get(row(i, "label")).strip();
            if (v.field().equals(CatalogRegistry.FIELD_KEY_NAME) && key.equals(v.value())) {
                return row(i, "key");
            }
            if (v.field().equals(CatalogRegistry.FIELD_LABEL_NAME) && label.equals(v.value())) {
                return row(i, "label");
            }
            if (v.field().equals(label)) {
                return row(i, switch (v.code()) {
                    case "catalog.empty-vocabulary", "registry.field-values-outside" -> "vocabulary";
                    case "registry.field-values-longer" -> "maxLength";
                    case "registry.field-values-missing" -> "mandatory";
                    case "catalog.bad-field-type", "registry.field-values-wrong-type" -> "type";
                    default -> "key";
                });
            }
        }
        return null;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
