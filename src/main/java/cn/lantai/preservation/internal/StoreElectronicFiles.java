package cn.lantai.preservation.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.lantai.catalog.ElectronicFiles;
import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.StoredFile;
import org.springframework.stereotype.Component;

/**
 * The catalogue's item page asks here for an item's electronic files: the store's listing, with the workbench's links
 * to download each and to preview the formats a browser shows safely (PDF, raster images; never SVG or HTML, which
 * could run script in the archive's origin).
 */
@Component
public class StoreElectronicFiles implements ElectronicFiles {

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp");

    private final ArchivalStore store;

    StoreElectronicFiles(ArchivalStore store) {
        this.store = store;
    }

    @Override
    public List<ElectronicFile> of(ItemId item) {
        return store.files(item).stream().map(f -> file(item, f)).toList();
    }

    /** How a file of this format is shown inline, if at all. */
    public static Preview preview(String format) {
        String type = format == null ? "" : format.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.equals("application/pdf")) {
            return Preview.PDF;
        }
        return IMAGES.contains(type) ? Preview.IMAGE : Preview.NONE;
    }

    private static ElectronicFile file(ItemId item, StoredFile f) {
        String link = "/items/" + item.value() + "/files/content?name=" + URLEncoder.encode(f.name(),
                StandardCharsets.UTF_8).replace("+", "%20");
        Preview preview = preview(f.format());
        return new ElectronicFile(f.name(), f.size(), f.format(), f.sha256(), f.sm3(), f.version(), link,
                preview == Preview.NONE ? null : link + "&inline=true", preview);
    }
}
