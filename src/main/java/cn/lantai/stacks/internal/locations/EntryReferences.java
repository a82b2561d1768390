package cn.lantai.stacks.internal.locations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import cn.lantai.stacks.Kept;
import cn.lantai.stacks.StacksProblem;
import org.springframework.stereotype.Component;

/**
 * What the stacks staff name when they shelve or take out a 卷 or 件: its 档号 (a file's code has a loose item's shape,
 * so the file is looked for where no item has it), or an item's id. Read through the catalogue's public API with the
 * viewer's sight: what they may not see is not found, as what does not exist.
 */
@Component
public class EntryReferences {

    /** The longest reference read: anything longer is refused unread. */
    public static final int MAX = 64;
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final CatalogManagement catalog;
    private final CatalogVolumes volumes;

    EntryReferences(CatalogManagement catalog, CatalogVolumes volumes) {
        this.catalog = catalog;
        this.volumes = volumes;
    }

    /**
     * The entry named.
     *
     * @throws StacksProblem 422 {@code stacks.entry.bad-reference} for what is no 档号 nor id, 404
     *         {@code stacks.entry.unknown} for a 档号 or id not in the catalogue (or beyond the viewer's sight)
     */
    public Entry resolve(String reference, Viewer viewer) {
        String given = reference == null ? "" : reference.strip();
        String shown = given.length() > 40 ? given.substring(0, 40) + "…" : given;
        if (given.isEmpty() || given.length() > MAX) {
            throw new StacksProblem(422, "stacks.entry.bad-reference", shown);
        }
        if (ID.matcher(given).matches()) {
            try {
                Item item = catalog.item(new ItemId(Long.parseLong(given)), viewer);
                return new Entry(Kept.ITEM, item.id().value(), item.archivalCode(), item.title());
            } catch (ItemNotFound e) {
                throw new StacksProblem(404, "stacks.entry.unknown", shown);
            }
        }
        String code = ArchivalCode.normalise(given)
                .orElseThrow(() -> new StacksProblem(422, "stacks.entry.bad-reference", shown));
        Optional<Entry> item = itemByCode(code, viewer).map(i -> new Entry(Kept.ITEM, i.id().value(),
                i.archivalCode(), i.title()));
        return item.or(() -> volumeByCode(code, viewer).map(v -> new Entry(Kept.VOLUME, v.id(), v.archivalCode(),
                v.title()))).orElseThrow(() -> new StacksProblem(404, "stacks.entry.unknown", code));
    }

    private Optional<Item> itemByCode(String code, Viewer viewer) {
        ArchivalCode c = ArchivalCode.parse(code).or(() -> ArchivalCode.parseInFile(code)).orElseThrow();
        List<Item> found = new ArrayList<>();
        catalog.forEachItem(new ItemFilter(c.fonds(), c.category(), c.year(), c.year(), c.retention(), null, null,
                null, null), viewer, 1000, batch -> batch.stream().filter(i -> i.archivalCode() != null
                && ArchivalCode.normalise(i.archivalCode()).filter(code::equals).isPresent()
                && viewer.maySee(i.description())).forEach(found::add));
        return found.stream().findFirst();
    }

    private Optional<Volume> volumeByCode(String code, Viewer viewer) {
        return ArchivalCode.parse(code).flatMap(c -> volumes.volumes(c.fonds(), c.category(), c.year(), c.retention(),
                c.org().isEmpty() ? null : c.org(), viewer).stream()
                .filter(v -> ArchivalCode.normalise(v.archivalCode()).filter(code::equals).isPresent()).findFirst());
    }
}
