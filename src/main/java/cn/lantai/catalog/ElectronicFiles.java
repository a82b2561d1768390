package cn.lantai.catalog;

import java.util.List;

/**
 * The electronic files (电子文件) the archive keeps for an item, as the module that keeps them (preservation) knows
 * them, for the item page. The catalogue may not depend on that module (it depends on the catalogue), so it asks
 * through this port, which that module implements. The caller has already been allowed to read the item; without an
 * implementation an item shows no files.
 */
public interface ElectronicFiles {

    /** The item's files in its stored head version, by name; empty when the archive keeps none. */
    List<ElectronicFile> of(ItemId item);

    /**
     * One file: name inside the record, size in bytes, format (media type), SHA-256 and SM3 as hex, the version that
     * last wrote it, where to download it, and where to show it in the page ({@code null} when its format is not
     * shown there).
     */
    record ElectronicFile(String name, long size, String format, String sha256, String sm3, int version,
            String downloadLink, String previewLink, Preview preview) {
    }

    /** How the page shows a file: a PDF in a frame, an image as an image, or not at all. */
    enum Preview { PDF, IMAGE, NONE }
}
