package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Violation;
import cn.lantai.catalog.Vocabularies;

/**
 * The item edit form: which description fields it offers and how, the values it shows (stored or as typed), and
 * each broken rule beside the field it concerns. The archival-code parts (全宗号 … 件号) are shown but not edited
 * here: changing them moves the item in its group, which bulk edit and renumbering do.
 */
final class ItemForm {

    static final String VERSION = "version";
    static final String EXTRA_PREFIX = "x.";

    static final Set<DescriptionField> CODE_PARTS = EnumSet.of(DescriptionField.FONDS, DescriptionField.CATEGORY,
            DescriptionField.YEAR, DescriptionField.RETENTION, DescriptionField.ORG, DescriptionField.VOLUME,
            DescriptionField.ITEM_NO);

    /** How a field is typed in. */
    enum Control { TEXT, TEXTAREA, SELECT }

    /**
     * One input of the form. {@code field} is the description field, or null for a category's own field, whose
     * Chinese name is {@code label}. {@code options} are stored values for a select.
     */
    record Input(String name, DescriptionField field, String label, Control control, List<String> options,
            String value, boolean mandatory, int maxLength, List<String> errors, Map<String, String> optionLabels) {

        Input(String name, DescriptionField field, String label, Control control, List<String> options,
                String value, boolean mandatory, int maxLength, List<String> errors) {
            this(name, field, label, control, options, value, mandatory, maxLength, errors, Map.of());
        }

        /** The text of a choice: its own label where given (a fonds: code and name), else the stored value named. */
        public String optionLabel(String option, String named) {
            return optionLabels.getOrDefault(option, named);
        }

        /** The element id: names hold dots and non-ASCII letters, ids stay plain. */
        public String id() {
            return "f-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }
    }

    private ItemForm() {
    }

    static List<DescriptionField> editable() {
        return Arrays.stream(DescriptionField.values()).filter(f -> !CODE_PARTS.contains(f)).toList();
    }

    /** The inputs, with the given values (by input name) and error messages (by input name). */
    static List<Input> inputs(Category category, Map<String, String> values, Map<String, List<String>> errors) {
        List<Input> inputs = new ArrayList<>();
        for (DescriptionField f : editable()) {
            String value = values.getOrDefault(f.key(), "");
            inputs.add(new Input(f.key(), f, f.label(), control(f), options(f, value), value,
                    f.mandatory(), f.maxLength(), errors.getOrDefault(f.key(), List.of())));
        }
        if (category != null) {
            for (FieldDefinition d : category.fields()) {
                String name = EXTRA_PREFIX + d.key();
                boolean choice = d.type() == FieldDefinition.Type.CHOICE;
                List<String> options = new ArrayList<>();
                if (choice) {
                    options.add("");
                    options.addAll(d.vocabulary());
                }
                inputs.add(new Input(name, null, d.label(), choice ? Control.SELECT
                        : d.maxLength() > 500 ? Control.TEXTAREA : Control.TEXT, options,
                        values.getOrDefault(name, ""), d.mandatory(), d.maxLength(),
                        errors.getOrDefault(name, List.of())));
            }
        }
        return inputs;
    }

    /** The stored values of an item, by input name. */
    static Map<String, String> values(Item item) {
        Map<String, String> values = new LinkedHashMap<>();
        for (DescriptionField f : editable()) {
            values.put(f.key(), item.description().getOrEmpty(f));
        }
        item.extra().forEach((k, v) -> values.put(EXTRA_PREFIX + k, v == null ? "" : v));
        return values;
    }

    /** What was typed, by input name: the editable fields and the category's own, nothing else. */
    static Map<String, String> submitted(Map<String, String> form, Category category) {
        Map<String, String> values = new LinkedHashMap<>();
        for (DescriptionField f : editable()) {
            values.put(f.key(), form.getOrDefault(f.key(), ""));
        }
        if (category != null) {
            category.fields().forEach(d -> values.put(EXTRA_PREFIX + d.key(),
                    form.getOrDefault(EXTRA_PREFIX + d.key(), "")));
        }
        return values;
    }

    /** The change to ask the catalogue for: every editable field as typed (blank clears it). */
    static EntryInput entry(Map<String, String> submitted) {
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        Map<String, String> extra = new LinkedHashMap<>();
        submitted.forEach((name, value) -> {
            if (name.startsWith(EXTRA_PREFIX)) {
                extra.put(name.substring(EXTRA_PREFIX.length()), value);
            } else {
                DescriptionField.byKey(name).ifPresent(f -> fields.put(f, value));
            }
        });
        return new EntryInput(null, fields, extra);
    }

    /** The input a violation concerns, found by the field name it carries (Chinese label); null when none. */
    static String inputOf(Violation v, Category category) {
        for (DescriptionField f : editable()) {
            if (f.label().equals(v.field()) || f.key().equals(v.field())) {
                return f.key();
            }
        }
        if (category != null) {
            return category.field(v.field()).map(d -> EXTRA_PREFIX + d.key()).orElse(null);
        }
        return null;
    }

    static Control control(DescriptionField f) {
        if (!Vocabularies.of(f).isEmpty()) {
            return Control.SELECT;
        }
        return f.kind() == DescriptionField.Kind.TEXT && f.maxLength() > 500 ? Control.TEXTAREA : Control.TEXT;
    }

    /**
     * The choices of a controlled field: its vocabulary, with a blank first where it may be left empty, and a value
     * stored before the vocabulary existed kept as it is, so opening and saving the form never changes it unseen.
     */
    static List<String> options(DescriptionField f, String current) {
        List<String> vocabulary = Vocabularies.of(f);
        if (vocabulary.isEmpty()) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        if (Vocabularies.listed(f)) {
            options.add("");
        }
        if (current != null && !current.isEmpty() && !vocabulary.contains(current)) {
            options.add(current);
        }
        options.addAll(vocabulary);
        return options;
    }
}
