package cn.lantai.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemsChanged;
import cn.lantai.catalog.ItemsRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Search over the catalogue. The index follows the catalogue's events (after each commit, in order, on one indexing
 * thread; the event registry replays what a crash interrupted) and can always be rebuilt from the database.
 */
@Service
public class SearchManagement {

    private static final Logger log = LoggerFactory.getLogger(SearchManagement.class);
    private static final int REBUILD_BATCH = 2000;

    /** Description fields that go to the index on their own (or are codes), not into the general text. */
    private static final List<DescriptionField> OWN_FIELDS = List.of(DescriptionField.TITLE,
            DescriptionField.FULL_TEXT, DescriptionField.CREATOR, DescriptionField.ARCHIVE_CODE, DescriptionField.FONDS,
            DescriptionField.CATEGORY, DescriptionField.ORG);

    private final SearchIndex index;
    private final CatalogManagement catalog;
    private final ObjectProvider<ScannedText> scannedText;

    SearchManagement(SearchIndex index, CatalogManagement catalog, ObjectProvider<ScannedText> scannedText) {
        this.index = index;
        this.catalog = catalog;
        this.scannedText = scannedText;
    }

    /** Searches for the query's viewer: what they may not see is neither found nor counted. */
    public SearchResult search(SearchQuery query) {
        return index.search(query);
    }

    /**
     * Builds the index again from the catalogue, aside, and swaps it in: searches see the whole current index until
     * the swap, and changes the indexer makes meanwhile are in the new one. Answers the number of items indexed.
     */
    public synchronized long rebuild() {
        AtomicLong count = new AtomicLong();
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            catalog.forEachItem(REBUILD_BATCH, batch -> {
                rebuild.add(documents(batch));
                count.addAndGet(batch.size());
            });
            rebuild.swap();
        }
        log.info("Search index rebuilt: {} items", count.get());
        return count.get();
    }

    /**
     * True when the index must be built from the catalogue: it holds nothing although the catalogue does (lost or
     * new), or it was written by an earlier version in another layout of fields.
     */
    public boolean indexNeedsRebuild() {
        return index.outdated() || index.count() == 0 && catalog.itemCount() > 0;
    }

    @Async("searchIndexer")
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    @TransactionalEventListener
    void on(ItemsChanged event) {
        index.index(documents(catalog.itemsForIndexing(event.ids())));
    }

    /**
     * Indexes these entries again from the catalogue and their scanned pages' text (after OCR read them), on the
     * caller's thread: found with their new text once this returns. Entries no longer in the catalogue are skipped.
     */
    public void reindex(Collection<ItemId> items) {
        if (!items.isEmpty()) {
            index.index(documents(catalog.itemsForIndexing(items)));
        }
    }

    /** The items' documents with the OCR text of their scanned pages, read for the whole batch at once. */
    private List<SearchDocument> documents(List<Item> items) {
        ScannedText scans = scannedText.getIfAvailable();
        Map<ItemId, List<String>> pages = scans == null || items.isEmpty() ? Map.of()
                : scans.pageTexts(items.stream().map(Item::id).toList());
        return items.stream().map(item -> {
            SearchDocument d = document(item);
            List<String> texts = pages.get(item.id());
            return texts == null ? d : d.withScanPages(texts);
        }).toList();
    }

    @Async("searchIndexer")
    @TransactionalEventListener
    void on(ItemsRemoved event) {
        index.delete(event.ids().stream().map(ItemId::toString).toList());
    }

    static SearchDocument document(Item item) {
        Description d = item.description();
        StringBuilder text = new StringBuilder();
        for (DescriptionField f : DescriptionField.values()) {
            if (f.kind() == DescriptionField.Kind.TEXT && !OWN_FIELDS.contains(f) && d.get(f) != null) {
                text.append(d.get(f)).append('\n');
            }
        }
        return new SearchDocument(item.id().toString(), item.archivalCode(), item.title(),
                d.get(DescriptionField.FONDS), d.get(DescriptionField.CATEGORY), d.year(), d.retention().code(),
                d.classification(), d.openStatus(), d.date(), d.get(DescriptionField.CREATOR), text.toString(),
                d.get(DescriptionField.FULL_TEXT), item.extra(), d.get(DescriptionField.DOC_NUMBER));
    }
}
