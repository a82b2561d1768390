package cn.lantai.digitization;

import cn.lantai.catalog.ItemId;
import java.util.List;

/**
 * Published after pages are attached to an entry (their masters in the store and in {@code scan_page}): derivatives
 * and OCR follow it. {@code pages} are the page numbers attached or replaced.
 */
public record PagesAttached(ItemId item, List<Integer> pages, String actor) {

    public PagesAttached {
        pages = List.copyOf(pages);
    }
}
