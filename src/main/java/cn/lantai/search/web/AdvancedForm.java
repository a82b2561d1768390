package cn.lantai.search.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.search.FieldCriteria;

/**
 * The advanced search form (高级检索) as typed: the field values to show again, the chosen category's own fields to
 * offer (choices where the field has a vocabulary), and what the search reads of them. Only the chosen category's
 * fields are read from {@code x.<key>} parameters: any other name never reaches the index.
 *
 * @param values the typed values by parameter name ({@code title}, {@code codeFrom}, {@code x.groomName} …)
 * @param category the category chosen among the facets, or null
 */
record AdvancedForm(Map<String, String> values, Category category) {

    static final String EXTRA_PREFIX = "x.";
    private static final List<String> NAMES = List.of(FieldCriteria.TITLE, FieldCriteria.CREATOR,
            FieldCriteria.DOC_NUMBER, FieldCriteria.CODE_FROM, FieldCriteria.CODE_TO, FieldCriteria.DATE_FROM,
            FieldCriteria.DATE_TO);

    static AdvancedForm of(Map<String, String> params, Category category) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            put(values, name, params.get(name));
        }
        if (category != null) {
            for (FieldDefinition f : category.fields()) {
                put(values, EXTRA_PREFIX + f.key(), params.get(EXTRA_PREFIX + f.key()));
            }
        }
        return new AdvancedForm(Map.copyOf(values), category);
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    /** The value typed for a parameter, or the empty text. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean asksAnything() {
        return !values.isEmpty();
    }

    /** The chosen category's own fields, offered as inputs; none when no category is chosen. */
    public List<FieldDefinition> fields() {
        return category == null ? List.of() : category.fields();
    }

    /** The 题名 … date fields as the search reads them. */
    FieldCriteria criteria() {
        return FieldCriteria.read(values.get(FieldCriteria.TITLE), values.get(FieldCriteria.CREATOR),
                values.get(FieldCriteria.DOC_NUMBER), values.get(FieldCriteria.CODE_FROM),
                values.get(FieldCriteria.CODE_TO), values.get(FieldCriteria.DATE_FROM),
                values.get(FieldCriteria.DATE_TO));
    }

    /** The chosen category's own fields asked, by key, exact values. */
    Map<String, String> extra() {
        Map<String, String> extra = new LinkedHashMap<>();
        for (FieldDefinition f : fields()) {
            String value = values.get(EXTRA_PREFIX + f.key());
            if (value != null) {
                extra.put(f.key(), value.strip());
            }
        }
        return extra;
    }
}
