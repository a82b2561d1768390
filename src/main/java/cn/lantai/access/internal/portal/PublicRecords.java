package cn.lantai.access.internal.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.DigitizedPages;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.ItemPage;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The portal's reading of the catalogue: always as the public ({@link #viewer}), whoever asks, so a member of staff
 * browsing the portal sees what the public sees. A record that is missing, controlled (控制/延期/未鉴定), classified
 * (密级) or asked for under an identifier that is not one all end in the same {@link ItemNotFound}, by the same path
 * through the catalogue (which audits each refusal alike).
 */
@Service
public class PublicRecords {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final CatalogManagement catalog;
    private final ObjectProvider<DigitizedPages> digitized;

    PublicRecords(CatalogManagement catalog, ObjectProvider<DigitizedPages> digitized) {
        this.catalog = catalog;
        this.digitized = digitized;
    }

    /** The public, at this address (kept for the audit trail's refusals). */
    public static Viewer viewer(String address) {
        return new Viewer("anonymous", address, Classification.NONE, false, Scope.ALL, Set.of());
    }

    /**
     * The record as the public may read it.
     *
     * @throws ItemNotFound for anything but an open, unclassified record under a well-formed identifier
     */
    public PublicRecord record(String id, String address) {
        if (id == null || !ID.matcher(id).matches()) {
            // the catalogue's own refusal, so a malformed identifier takes the path of a missing record
            return record(new ItemId(0), address);
        }
        return record(new ItemId(Long.parseLong(id)), address);
    }

    private PublicRecord record(ItemId id, String address) {
        Item item = catalog.item(id, viewer(address));
        Description d = item.description();
        if (Viewer.controlled(d.classification(), d.openStatus())) {
            throw new ItemNotFound(id); // the catalogue answered for the public: never reached, kept as a second lock
        }
        DigitizedPages scans = digitized.getIfAvailable();
        int pages = scans == null ? 0 : scans.pages(id);
        String manifest = pages == 0 ? null : scans.manifest(id).orElse(null);
        String fonds = d.get(DescriptionField.FONDS);
        String category = d.get(DescriptionField.CATEGORY);
        return new PublicRecord(id.value(), item.archivalCode(), item.title(), d.get(DescriptionField.DATE),
                d.year(), d.get(DescriptionField.CREATOR), d.get(DescriptionField.DOC_NUMBER), fonds,
                fondsNames().getOrDefault(fonds, fonds), category, categoryNames().getOrDefault(category, category),
                d.get(DescriptionField.PAGES), d.get(DescriptionField.CARRIER), d.get(DescriptionField.DOC_TYPE),
                d.get(DescriptionField.LANGUAGE), d.get(DescriptionField.KEYWORDS),
                d.get(DescriptionField.ATTACHMENTS), d.get(DescriptionField.SCOPE_NOTE), pages, manifest);
    }

    /** How many scanned pages an item the public has already been shown has (for thumbnails of search hits). */
    public int scannedPages(long id) {
        DigitizedPages scans = digitized.getIfAvailable();
        return scans == null ? 0 : scans.pages(new ItemId(id));
    }

    /** Fonds code to name (全宗名称), for naming the fonds that search facets count. */
    public Map<String, String> fondsNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Fonds f : catalog.fonds()) {
            names.put(f.code(), f.name());
        }
        return names;
    }

    /** Category code to name (门类), for naming the categories that search facets count. */
    public Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Category c : catalog.categories()) {
            names.put(c.code(), c.name());
        }
        return names;
    }

    /** How many records the public may see. */
    public long count() {
        return catalog.list(ItemFilter.all(), viewer(null), 0, 1).total();
    }

    /** Records are read for the sitemap in batches of this many; its files hold a multiple of it. */
    public static final int BATCH = 500;

    /**
     * The public's records from {@code offset} (a multiple of {@link #BATCH}), at most {@code limit}, in the
     * catalogue's order, batch by batch (for the sitemap).
     */
    public void forEach(long offset, int limit, Consumer<List<Item>> batch) {
        if (offset % BATCH != 0) {
            throw new IllegalArgumentException("the offset must be a multiple of " + BATCH);
        }
        int size = BATCH;
        for (long from = offset; from < offset + limit; from += size) {
            int page = Math.toIntExact(from / size);
            ItemPage items = catalog.list(ItemFilter.all(), viewer(null), page, size);
            List<Item> open = items.items().stream().filter(i -> !Viewer.controlled(
                    i.description().classification(), i.description().openStatus())).toList();
            if (!open.isEmpty()) {
                batch.accept(open);
            }
            if (items.items().size() < size) {
                return;
            }
        }
    }
}
