package cn.lantai.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.catalog.internal.IdBlocks;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.Registry;
import cn.lantai.catalog.internal.Volumes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the catalogue back from a copy kept elsewhere (the archival store): fonds, categories, files (卷) and items
 * under their own ids, codes and versions, without the rules of entry, renumbering or events; then moves the id
 * sequence past what came back, so no id is ever given twice. Also gives that copy its material (every file).
 * A maintenance service of the system: the caller (the store's rebuild, run by the system administrator or at the
 * server) decides who may use it; it checks no viewer.
 */
@Service
public class CatalogRestore {

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Volumes volumes;
    private final Items items;
    private final IdBlocks ids;

    CatalogRestore(JdbcClient jdbc, Registry registry, Volumes volumes, Items items, IdBlocks ids) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.volumes = volumes;
        this.items = items;
        this.ids = ids;
    }

    /** Whether the catalogue holds no fonds, file or item (the categories a fresh archive is offered do not count). */
    public boolean isEmpty() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM item) + (SELECT COUNT(*) FROM volume) "
                + "+ (SELECT COUNT(*) FROM fonds)").query(Long.class).single() == 0;
    }

    /**
     * Removes every item, file, item-number group, fonds and category, for a rebuild asked to replace what is there.
     * The change history ({@code catalog_operation}, {@code item_change}) is kept: it cannot be rebuilt.
     */
    @Transactional
    public void clear() {
        for (String table : List.of("item", "volume", "item_group", "fonds", "category")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** Every file (卷), item counts left at 0, for the copy of the definitions. */
    public List<Volume> volumes() {
        return volumes.all();
    }

    /** Registers the fonds as they were (code, name, unit, years, notes), over any of the same code. */
    @Transactional
    public void restoreFonds(Collection<Fonds> fonds) {
        fonds.forEach(registry::saveFonds);
    }

    /**
     * Defines the categories as they were, with their own fields, and removes any other category no record uses (the
     * ones a fresh archive offers itself at its first start), so the catalogue has exactly the categories it had.
     */
    @Transactional
    public void restoreCategories(Collection<Category> categories) {
        categories.forEach(registry::saveCategory);
        Set<String> kept = categories.stream().map(Category::code).collect(Collectors.toSet());
        registry.categories().stream().map(Category::code).filter(code -> !kept.contains(code))
                .forEach(code -> jdbc.sql("DELETE FROM category WHERE code = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM item WHERE category_code = ?) AND NOT EXISTS "
                        + "(SELECT 1 FROM volume WHERE category_code = ?)").params(code, code, code).update());
    }

    /** Defines one category as it was, over any of the same code; the others stay. */
    @Transactional
    public void restoreCategory(Category category) {
        registry.saveCategory(category);
    }

    /** Puts files back under their own ids and numbers. */
    @Transactional
    public void restoreVolumes(Collection<Volume> files) {
        files.forEach(volumes::restore);
    }

    /**
     * Puts items back under their own ids and versions; the 档号 and number group follow from the description. A
     * description whose 档号 is not the one stored beside it is refused whole ({@link IllegalArgumentException}).
     */
    @Transactional
    public void restoreItems(List<Item> restored) {
        for (Item item : restored) {
            String code = item.description().archivalCode().toString();
            if (!code.equals(item.archivalCode())) {
                throw new IllegalArgumentException("item " + item.id() + ": its description makes the 档号 " + code
                        + ", not " + item.archivalCode());
            }
        }
        items.restore(restored);
    }

    /** Moves the id sequence past the highest id of an item or a file, so ids stay unique after a restore. */
    @Transactional
    public void continueIds() {
        long highest = jdbc.sql("SELECT GREATEST(COALESCE((SELECT MAX(id) FROM item), 0), "
                + "COALESCE((SELECT MAX(id) FROM volume), 0))").query(Long.class).single();
        ids.continueAfter(highest);
    }
}
