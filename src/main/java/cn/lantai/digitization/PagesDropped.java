package cn.lantai.digitization;

import cn.lantai.catalog.ItemId;

/**
 * Published in the transaction that attaches a re-scan leaving an entry fewer pages than it had: its pages above
 * {@code lastPage} are gone from {@code scan_page}, and what was made of them (OCR text and readings, IIIF tiles,
 * access images) follows them out. {@link PagesAttached} for the remaining pages comes with it.
 */
public record PagesDropped(ItemId item, int lastPage) {
}
