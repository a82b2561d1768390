package cn.lantai.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.lantai.access.AccessProblem;
import cn.lantai.access.UsedItem;
import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import org.springframework.stereotype.Component;

/**
 * The one lookup of what the module's users name by 档号, with the sight of the viewer given: the desk's item used (an
 * item by its id, or a file (卷) or an item (件) by its 档号) and the items a request asks for (an item by its 档号).
 * Through the catalogue's own reads, so what the viewer may not see is not found (and the catalogue audits the refusal
 * and the view of a controlled record).
 */
@Component
public class ItemReferences {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private final CatalogManagement catalog;
    private final CatalogVolumes volumes;

    ItemReferences(CatalogManagement catalog, CatalogVolumes volumes) {
        this.catalog = catalog;
        this.volumes = volumes;
    }

    /** What was named, as a use of the visit (its time left to the caller); {@link ItemNotFound} if not seen. */
    public UsedItem resolve(long visitId, String reference, Viewer clerk) {
        String given = reference == null ? "" : reference.strip();
        if (given.isEmpty() || given.length() > 100) {
            throw new AccessProblem("access.item.reference");
        }
        if (ID.matcher(given).matches()) {
            return used(visitId, catalog.item(new ItemId(Long.parseLong(given)), clerk));
        }
        String code = ArchivalCode.normalise(given).orElseThrow(() -> new AccessProblem("access.item.reference"));
        Optional<Item> item = itemByCode(code, clerk);
        if (item.isPresent()) {
            return used(visitId, catalog.item(item.get().id(), clerk));
        }
        return volumeByCode(code, clerk).map(v -> volumes.volume(v.id(), clerk))
                .map(v -> new UsedItem(visitId, UsedItem.VOLUME, v.id(), v.archivalCode(), v.category(), null))
                .orElseThrow(() -> new ItemNotFound(code));
    }

    /**
     * The item (件) a person named by its id or its 档号 (as the desk writes it), among those the viewer may see.
     *
     * @throws AccessProblem (400) for nothing named or something that is neither an id nor a 档号
     * @throws ItemNotFound when no such item is in the viewer's sight
     */
    public ItemId item(String reference, Viewer viewer) {
        String named = reference == null ? "" : reference.strip();
        if (named.isEmpty()) {
            throw new AccessProblem(400, "access.certificate.no-item");
        }
        if (ID.matcher(named).matches()) {
            return new ItemId(Long.parseLong(named));
        }
        String shown = named.length() > 40 ? named.substring(0, 40) + "…" : named;
        String code = ArchivalCode.normalise(named).orElseThrow(() -> new AccessProblem(400,
                "access.request.bad-code", shown));
        return itemId(code, viewer).orElseThrow(() -> new ItemNotFound(code));
    }

    /**
     * The item (件) whose 档号 is {@code code} (as {@link ArchivalCode#normalise} gives it), among those the viewer may
     * see; empty when there is none.
     */
    public Optional<ItemId> itemId(String code, Viewer viewer) {
        return itemByCode(code, viewer).map(Item::id);
    }

    private static UsedItem used(long visitId, Item item) {
        return new UsedItem(visitId, UsedItem.ITEM, item.id().value(), item.archivalCode(),
                item.description().get(DescriptionField.CATEGORY), null);
    }

    private Optional<Item> itemByCode(String code, Viewer clerk) {
        // fonds, category, year and retention read alike in both shapes of a code; the org code may not
        Optional<ArchivalCode> parsed = ArchivalCode.parse(code).or(() -> ArchivalCode.parseInFile(code));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ArchivalCode c = parsed.get();
        List<Item> found = new ArrayList<>();
        catalog.forEachItem(new ItemFilter(c.fonds(), c.category(), c.year(), c.year(), c.retention(), null, null,
                null, null), clerk, 1000,
                batch -> batch.stream().filter(i -> i.archivalCode() != null
                        && ArchivalCode.normalise(i.archivalCode()).filter(code::equals).isPresent()
                        && clerk.maySee(i.description())).forEach(found::add));
        return found.stream().findFirst();
    }

    /** A file's code has the shape of a loose item's: the group's files are read for it. */
    private Optional<Volume> volumeByCode(String code, Viewer clerk) {
        return ArchivalCode.parse(code).flatMap(c -> volumes.volumes(c.fonds(), c.category(), c.year(), c.retention(),
                c.org().isEmpty() ? null : c.org(), clerk).stream()
                .filter(v -> ArchivalCode.normalise(v.archivalCode()).filter(code::equals).isPresent()).findFirst());
    }
}
