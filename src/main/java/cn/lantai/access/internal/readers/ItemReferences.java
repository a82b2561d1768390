package cn.lantai.access.internal.readers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.lantai.access.ReadingRoomRefused;
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
 * Finds what the desk names as used, with the clerk's sight: an item by its id, or a file (卷) or an item (件) by its
 * 档号. Through the catalogue's own reads, so what the clerk may not see is not found (and the catalogue audits the
 * refusal and the view of a controlled record).
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
            throw new ReadingRoomRefused("access.item.reference");
        }
        if (ID.matcher(given).matches()) {
            return used(visitId, catalog.item(new ItemId(Long.parseLong(given)), clerk));
        }
        String code = ArchivalCode.normalise(given).orElseThrow(() -> new ReadingRoomRefused("access.item.reference"));
        Optional<Item> item = itemByCode(code, clerk);
        if (item.isPresent()) {
            return used(visitId, catalog.item(item.get().id(), clerk));
        }
        return volumeByCode(code, clerk).map(v -> volumes.volume(v.id(), clerk))
                .map(v -> new UsedItem(visitId, UsedItem.VOLUME, v.id(), v.archivalCode(), v.category(), null))
                .orElseThrow(() -> new ItemNotFound(code));
    }

    private static UsedItem used(long visitId, Item item) {
        return new UsedItem(visitId, UsedItem.ITEM, item.id().value(), item.archivalCode(),
                item.description().get(DescriptionField.CATEGORY), null);
    }

    private Optional<Item> itemByCode(String code, Viewer clerk) {
        // fonds, category, year and retention read alike in both shapes of a code; the org code may not
        ArchivalCode c = ArchivalCode.parse(code).or(() -> ArchivalCode.parseInFile(code)).orElseThrow();
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
