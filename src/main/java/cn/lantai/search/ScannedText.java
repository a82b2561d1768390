package cn.lantai.search;

import cn.lantai.catalog.ItemId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The OCR text of entries' scanned pages, for the index. Search does not know how pages are scanned or read:
 * digitization implements this port; without an implementation no scan text is indexed.
 */
public interface ScannedText {

    /**
     * The text of each entry's pages, in page order (page 1 first, a page without text as an empty string); entries
     * without read pages are left out of the map.
     */
    Map<ItemId, List<String>> pageTexts(Collection<ItemId> items);
}
