package cn.lantai.digitization.internal.iiif;

import java.util.Optional;

import cn.lantai.catalog.DigitizedPages;
import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.ScannedPages;
import org.springframework.stereotype.Component;

/** The catalogue asks here for an item's pages: how many, and where their IIIF manifest is. */
@Component
class IiifDigitizedPages implements DigitizedPages {

    private final ScannedPages pages;

    IiifDigitizedPages(ScannedPages pages) {
        this.pages = pages;
    }

    @Override
    public Optional<String> manifest(ItemId item) {
        return pages(item) == 0 ? Optional.empty() : Optional.of(Manifests.PATH + item.value());
    }

    @Override
    public int pages(ItemId item) {
        return pages.of(item).size();
    }
}
