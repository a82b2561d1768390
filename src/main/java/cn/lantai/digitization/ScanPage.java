package cn.lantai.digitization;

import cn.lantai.catalog.ItemId;

/**
 * One attached page (画幅) of an entry: its number in the entry (1, 2, …), the master file in the record's stored
 * object that holds it ({@code master}, a name under {@code content/}, e.g. {@code scans/0001.tif}) and its index in
 * that file (0 for a single-page image; the page of a multi-page TIFF or PDF otherwise), the master's SHA-256, the
 * page's size in pixels, its resolution as the file states it (0 where it states none) and its colour mode.
 */
public record ScanPage(ItemId item, int page, String master, int masterIndex, String sha256, int width, int height,
        int dpiX, int dpiY, ColourMode colourMode) {

    /** The page's identifier in IIIF URLs: {@code <item id>-<page number>}. */
    public String imageId() {
        return item.value() + "-" + page;
    }

    /** How a page was scanned (DA/T 31: colour for seals and photos, greyscale for faint text, bitonal for clean text). */
    public enum ColourMode { COLOUR, GREYSCALE, BITONAL }
}
