package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ListOrder;

/**
 * A column of the catalogue list: 档号, a description field, or a field the chosen category defines ({@code extra.x}).
 *
 * @param key   as {@code columns} and {@code sort} name it
 * @param label the name to show when it is no description field (a category's own field's label), else null: the
 *              template names description fields through the bundles ({@code @labels.field})
 */
record ListColumn(String key, String label) {

    /** The fields in the order a catalogue (目录) lists them; the others follow in DA/T 18's order. */
    private static final List<DescriptionField> FIRST = List.of(DescriptionField.ITEM_NO, DescriptionField.TITLE,
            DescriptionField.CREATOR, DescriptionField.DOC_NUMBER, DescriptionField.DATE, DescriptionField.PAGES,
            DescriptionField.RETENTION, DescriptionField.CLASSIFICATION, DescriptionField.OPEN_STATUS);

    /** Every column the list can show for the category (or none chosen): 档号, each field but the full text, its own. */
    static List<ListColumn> available(Category category) {
        List<ListColumn> all = new ArrayList<>();
        all.add(new ListColumn(ListOrder.ARCHIVAL_CODE, null));
        Set<DescriptionField> fields = new LinkedHashSet<>(FIRST);
        fields.addAll(List.of(DescriptionField.values()));
        fields.remove(DescriptionField.FULL_TEXT);
        fields.forEach(f -> all.add(new ListColumn(f.key(), null)));
        if (category != null) {
            for (FieldDefinition f : category.fields()) {
                all.add(new ListColumn("extra." + f.key(), f.label()));
            }
        }
        return all;
    }

    /** The chosen columns this list can show, in the order of {@link #available}. */
    static List<ListColumn> shown(List<String> chosen, Category category) {
        return available(category).stream().filter(c -> chosen.contains(c.key())).toList();
    }

    public boolean sortable() {
        return key.equals(ListOrder.ARCHIVAL_CODE)
                || DescriptionField.byKey(key).filter(ListOrder.SORTABLE::contains).isPresent();
    }

    public boolean archivalCode() {
        return key.equals(ListOrder.ARCHIVAL_CODE);
    }

    /** The item's stored value in this column (the template turns codes into names), or empty. */
    public String value(Item item) {
        if (archivalCode()) {
            return item.archivalCode();
        }
        if (key.startsWith("extra.")) {
            return item.extra().getOrDefault(key.substring(6), "");
        }
        return DescriptionField.byKey(key).map(item.description()::getOrEmpty).orElse("");
    }
}
