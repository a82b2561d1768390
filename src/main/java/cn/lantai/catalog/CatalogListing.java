package cn.lantai.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.lantai.catalog.internal.ItemListing;
import cn.lantai.catalog.internal.ListColumns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as an archivist browses it: pages of a selection ordered by a column, the counts of the tree below a
 * year (保管期限 → 机构(问题) → 案卷), and the columns each person has chosen. Reads are made for a {@link Viewer} and
 * count and show only what their clearance, the records' open status and their scope allow, like
 * {@link CatalogManagement#list}.
 */
@Service
public class CatalogListing {

    /** Most items one page may hold. */
    public static final int MAX_SIZE = 500;

    /** The columns a list shows until its reader chooses: as the workbench always showed them. */
    public static final List<String> DEFAULT_COLUMNS = List.of(ListOrder.ARCHIVAL_CODE, "title", "date", "retention",
            "classification", "openStatus");

    private static final Pattern EXTRA_KEY = Pattern.compile("extra\\.[A-Za-z][A-Za-z0-9_]{0,31}");
    private static final int MAX_COLUMNS = 60;

    private final ItemListing listing;
    private final ListColumns columns;

    CatalogListing(ItemListing listing, ListColumns columns) {
        this.listing = listing;
        this.columns = columns;
    }

    /**
     * One page of the selection (and, if given, of one file, 卷) in the order; a negative page is the first, a size
     * outside 1…{@value #MAX_SIZE} the nearest bound. A page past the end is empty.
     */
    @Transactional(readOnly = true)
    public ItemPage list(ItemFilter filter, Integer volume, ListOrder order, Viewer viewer, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_SIZE));
        int safePage = Math.max(0, page);
        long total = listing.count(filter, volume, viewer);
        List<Item> items = (long) safePage * safeSize >= total ? List.of()
                : listing.page(filter, volume, order, viewer, safePage, safeSize);
        return new ItemPage(items, total, safePage, safeSize);
    }

    /** The tree below a year of a category of a fonds: items the viewer may see by retention, org code and file. */
    public List<GroupHolding> groups(String fonds, String category, int year, Viewer viewer) {
        return listing.groups(fonds, category, year, viewer);
    }

    /** Whether the key names a column a list can show: 档号, a description field but the full text, or extra.*. */
    public static boolean isColumn(String key) {
        return key != null && (key.equals(ListOrder.ARCHIVAL_CODE) || EXTRA_KEY.matcher(key).matches()
                || DescriptionField.byKey(key).filter(f -> f != DescriptionField.FULL_TEXT).isPresent());
    }

    /** The columns the viewer chose, in their order, or {@link #DEFAULT_COLUMNS}. */
    public List<String> columns(Viewer viewer) {
        return columns.of(viewer.name()).map(chosen -> chosen.stream().filter(CatalogListing::isColumn).toList())
                .filter(chosen -> !chosen.isEmpty()).orElse(DEFAULT_COLUMNS);
    }

    /**
     * Remembers the viewer's columns, in the order given, for every later visit on any computer; names that are no
     * column are left out, and choosing none goes back to {@link #DEFAULT_COLUMNS}.
     */
    public List<String> chooseColumns(List<String> chosen, Viewer viewer) {
        Set<String> kept = new LinkedHashSet<>();
        for (String key : chosen == null ? List.<String>of() : chosen) {
            if (isColumn(key) && kept.size() < MAX_COLUMNS) {
                kept.add(key);
            }
        }
        List<String> saved = kept.isEmpty() ? DEFAULT_COLUMNS : new ArrayList<>(kept);
        columns.save(viewer.name(), saved);
        return saved;
    }
}
