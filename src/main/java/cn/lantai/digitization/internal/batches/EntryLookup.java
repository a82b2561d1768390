package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds catalogue entries by 档号 for one batch's submitter: an entry they may not see or whose fonds and category
 * their roles do not reach (catalogue scope) is as good as none, so images are never attached to it. Each group
 * (fonds, category, year, retention, org) is read once.
 */
final class EntryLookup {

    private final CatalogManagement catalog;
    private final Viewer viewer;
    private final Map<String, Map<String, Item>> groups = new HashMap<>();

    EntryLookup(CatalogManagement catalog, Viewer viewer) {
        this.catalog = catalog;
        this.viewer = viewer;
    }

    Optional<Item> find(String code) {
        Optional<ArchivalCode> parsed = ArchivalCode.parse(code).or(() -> ArchivalCode.parseInFile(code));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ArchivalCode c = parsed.get();
        Map<String, Item> group = groups.computeIfAbsent(c.groupKey(), k -> {
            Map<String, Item> items = new HashMap<>();
            catalog.forEachItem(new ItemFilter(c.fonds(), c.category(), c.year(), c.year(), c.retention(),
                    c.org().isEmpty() ? null : c.org(), null, null, null), viewer, 1000,
                    batch -> batch.forEach(i -> ArchivalCode.normalise(i.archivalCode())
                            .ifPresent(n -> items.put(n, i))));
            return items;
        });
        return Optional.ofNullable(group.get(code)).filter(i -> viewer.maySee(i.description()));
    }

    /** The entries whose 档号 starts with the prefix (a batch's scope), as the viewer may see them. */
    void under(String prefix, Consumer<List<Item>> consumer) {
        String normal = prefix.toUpperCase(Locale.ROOT).replaceAll("[.．•・]", "·");
        String fonds = normal.length() >= 4 ? normal.substring(0, 4) : null;
        String category = normal.length() >= 7 && normal.charAt(4) == '-' ? normal.substring(5, 7) : null;
        catalog.forEachItem(new ItemFilter(fonds, category, null, null, null, null, null, null, null), viewer, 1000,
                batch -> consumer.accept(batch.stream().filter(i -> i.archivalCode() != null
                        && i.archivalCode().startsWith(normal) && viewer.maySee(i.description())).toList()));
    }

    /** The entry's 页数 where it is set. */
    static Integer pages(Item item) {
        String pages = item.description().get(DescriptionField.PAGES);
        if (pages == null || pages.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(pages.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
