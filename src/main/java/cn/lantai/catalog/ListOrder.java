package cn.lantai.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order of a catalogue listing: one column, ascending or descending, then the archival code (档号) so the order is
 * total and a page never repeats or skips an item. Only the columns in {@link #SORTABLE} (short values of the item's
 * own row) may order a list; a category's own fields live in a JSON column and are shown, not sorted.
 *
 * @param field      the column, or null for 档号 order
 * @param descending whether the largest value comes first
 */
public record ListOrder(DescriptionField field, boolean descending) {

    /** The columns a list may be ordered by: the archival-code parts and the short description fields. */
    public static final Set<DescriptionField> SORTABLE = Set.copyOf(EnumSet.of(DescriptionField.FONDS,
            DescriptionField.CATEGORY, DescriptionField.YEAR, DescriptionField.RETENTION, DescriptionField.ORG,
            DescriptionField.VOLUME, DescriptionField.ITEM_NO, DescriptionField.TITLE, DescriptionField.DATE,
            DescriptionField.CREATOR, DescriptionField.DOC_NUMBER, DescriptionField.PAGES,
            DescriptionField.CLASSIFICATION, DescriptionField.OPEN_STATUS, DescriptionField.PUBLIC_ATTRIBUTE,
            DescriptionField.CARRIER, DescriptionField.DOC_TYPE, DescriptionField.LANGUAGE,
            DescriptionField.CLASS_NUMBER));

    /** The key of the archival code in {@code sort}: it is no description field of its own. */
    public static final String ARCHIVAL_CODE = "archivalCode";

    public static final ListOrder ARCHIVAL = new ListOrder(null, false);

    public ListOrder {
        if (field != null && !SORTABLE.contains(field)) {
            throw new IllegalArgumentException("sort: " + field.key() + " cannot order a list");
        }
    }

    /**
     * Reads {@code sort} as the list's address carries it: a column key ({@code title}), descending with a leading
     * minus ({@code -date}); blank is 档号 order.
     *
     * @throws IllegalArgumentException naming the sortable columns, for a key that is none of them
     */
    public static ListOrder parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return ARCHIVAL;
        }
        String s = sort.strip();
        boolean descending = s.startsWith("-");
        String key = descending ? s.substring(1) : s;
        if (key.equals(ARCHIVAL_CODE)) {
            return new ListOrder(null, descending);
        }
        DescriptionField field = DescriptionField.byKey(key).filter(SORTABLE::contains)
                .orElseThrow(() -> new IllegalArgumentException("unknown sort column \"" + key + "\"; one of "
                        + ARCHIVAL_CODE + ", " + String.join(", ", SORTABLE.stream().sorted()
                        .map(DescriptionField::key).toList()) + ", optionally preceded by - for descending"));
        return new ListOrder(field, descending);
    }

    /** Like {@link #parse}, but an unknown column gives 档号 order: for the pages, whose addresses people edit. */
    public static ListOrder parseOrDefault(String sort) {
        try {
            return parse(sort);
        } catch (IllegalArgumentException e) {
            return ARCHIVAL;
        }
    }

    /** The column's key, as {@code sort} names it. */
    public String key() {
        return field == null ? ARCHIVAL_CODE : field.key();
    }

    /** Whether the list is ordered by this column (key as in {@code sort}). */
    public boolean by(String key) {
        return key().equals(key);
    }

    /** The {@code sort} value of this order. */
    public String asParameter() {
        return (descending ? "-" : "") + key();
    }

    /** The {@code sort} value that orders by the column, ascending first, descending when it is already ascending. */
    public String toggle(String key) {
        return (by(key) && !descending ? "-" : "") + key;
    }
}
