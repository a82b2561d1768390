package cn.lantai.catalog;

import java.util.Optional;

/**
 * The scanned pages (画幅) attached to an item, as the module that attaches them (digitization) knows them, for the
 * item's JSON and page. The catalogue may not depend on that module (it depends on the catalogue), so it asks through
 * this port, which that module implements. The caller has already been allowed to read the item; without an
 * implementation an item shows no pages.
 */
public interface DigitizedPages {

    /** Where the item's IIIF Presentation 3.0 manifest is (a path from the application's root); empty without pages. */
    Optional<String> manifest(ItemId item);

    /** How many pages are attached to the item; 0 when none. */
    int pages(ItemId item);
}
