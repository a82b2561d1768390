package cn.lantai.catalog.web;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.BulkEditPreview;
import cn.lantai.catalog.CatalogBulkEdits;
import cn.lantai.catalog.CatalogListing;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogRenumbering;
import cn.lantai.catalog.Change;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.DigitizedPages;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemPage;
import cn.lantai.catalog.ListOrder;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Items (件): create, read, update, delete, list, history, bulk edit and renumbering. */
@RestController
@RequestMapping("/api/v1/items")
class ItemController {

    private final CatalogManagement catalog;
    private final CatalogListing listing;
    private final CatalogBulkEdits bulkEdits;
    private final CatalogRenumbering renumbering;
    private final ObjectProvider<DigitizedPages> digitizedPages;

    ItemController(CatalogManagement catalog, CatalogListing listing, CatalogBulkEdits bulkEdits,
            CatalogRenumbering renumbering, ObjectProvider<DigitizedPages> digitizedPages) {
        this.digitizedPages = digitizedPages;
        this.catalog = catalog;
        this.listing = listing;
        this.bulkEdits = bulkEdits;
        this.renumbering = renumbering;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body, Viewer viewer) {
        Item item = catalog.create(ItemJson.entry(body), viewer);
        return ResponseEntity.created(URI.create("/api/v1/items/" + item.id())).body(ItemJson.of(item));
    }

    /** The item; {@code manifest} is its pages' IIIF manifest, null when it has no pages. */
    @GetMapping("/{id}")
    Map<String, Object> read(@PathVariable long id, Viewer viewer) {
        Item item = catalog.item(new ItemId(id), viewer);
        Map<String, Object> json = ItemJson.of(item);
        DigitizedPages pages = digitizedPages.getIfAvailable();
        json.put("manifest", pages == null ? null : pages.manifest(item.id())
                .map(path -> ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString())
                .orElse(null));
        return json;
    }

    /** Changes the given fields; {@code version} must be the version read, so concurrent edits are not lost. */
    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody Map<String, Object> body, Viewer viewer) {
        Object version = body.get(ItemJson.VERSION);
        if (!(version instanceof Number n)) {
            throw new InvalidEntry(List.of(new Violation(ItemJson.VERSION, String.valueOf(version), "catalog.missing")));
        }
        return ItemJson.of(catalog.update(new ItemId(id), n.intValue(), ItemJson.entry(body, ItemJson.VERSION), viewer));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Viewer viewer) {
        catalog.delete(new ItemId(id), viewer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    Map<String, Object> list(@RequestParam Map<String, String> params, Viewer viewer) {
        int page = number(params, "page", 0);
        int size = number(params, "size", 50);
        // an unknown column is a 400 naming the sortable ones; the order is the page's, ties by 档号
        ListOrder order = ListOrder.parse(params.get("sort"));
        Integer volume = params.get("volume") == null || params.get("volume").isBlank() ? null
                : number(params, "volume", 0);
        ItemPage result = listing.list(ItemJson.filter(params), volume, order, viewer, page, size);
        return Map.of("total", result.total(), "page", result.page(), "size", result.size(),
                "items", result.items().stream().map(ItemJson::of).toList());
    }

    /** A whole number parameter; anything else (letters, beyond 2³¹) is a 400 that names the parameter. */
    private static int number(Map<String, String> params, String name, int otherwise) {
        String text = params.get(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not \"" + text + "\"");
        }
    }

    @GetMapping("/{id}/history")
    List<Change> history(@PathVariable long id, Viewer viewer) {
        return catalog.history(new ItemId(id), viewer);
    }

    /** A bulk edit: {@code {"ids": [..]} } or filter parts under {@code select}, and the values under {@code set}. */
    record BulkEdit(Map<String, String> select, List<Long> ids, Map<String, String> set) {

        ItemFilter filter() {
            return ids != null ? ItemFilter.ofIds(ids) : ItemJson.filter(select == null ? Map.of() : select);
        }

        Map<DescriptionField, String> values() {
            Map<DescriptionField, String> values = new EnumMap<>(DescriptionField.class);
            (set == null ? Map.<String, String>of() : set).forEach((k, v) -> values.put(
                    DescriptionField.byKey(k).orElseThrow(() -> new IllegalArgumentException("unknown field " + k)), v));
            return values;
        }
    }

    @PostMapping("/bulk-edit")
    CatalogManagement.BulkEditResult bulkEdit(@RequestBody BulkEdit request, Viewer viewer) {
        return catalog.bulkEdit(request.filter(), request.values(), viewer);
    }

    /** What the same request to {@code /bulk-edit} would change: counts and a sample, old → new; nothing written. */
    @PostMapping("/bulk-edit/preview")
    BulkEditPreview bulkEditPreview(@RequestBody BulkEdit request, Viewer viewer) {
        return bulkEdits.preview(request.filter(), request.values(), viewer);
    }

    /**
     * 调整件号: the group (and file, if any) and the new order of (some of) its items; {@code state}, if given, is the
     * group's state as read ({@code GET /renumber}), and a group changed since is refused (409).
     */
    record Renumber(String fonds, String category, int year, String retention, String org, Integer volume,
            List<Long> order, String state) {
    }

    @PostMapping("/renumber")
    Map<String, Object> renumber(@RequestBody Renumber r, Viewer viewer) {
        List<ItemId> moved = renumbering.renumber(r.fonds(), r.category(), r.year(), retention(r.retention()), r.org(),
                r.volume(), (r.order() == null ? List.<Long>of() : r.order()).stream().map(ItemId::new).toList(),
                r.state(), viewer);
        return Map.of("renumbered", moved.size());
    }

    /** A group in number order with its state, to renumber it: {@code {state, items: [{id, archivalCode}]}}. */
    @GetMapping("/renumber")
    Map<String, Object> group(@RequestParam String fonds, @RequestParam String category, @RequestParam int year,
            @RequestParam String retention, @RequestParam(required = false) String org,
            @RequestParam(required = false) Integer volume, Viewer viewer) {
        CatalogRenumbering.GroupOrder group = renumbering.group(fonds, category, year, retention(retention), org,
                volume, viewer);
        return Map.of("state", group.state(), "items", group.items().stream()
                .map(i -> Map.of("id", i.id().value(), "archivalCode", i.archivalCode())).toList());
    }

    private static Retention retention(String code) {
        return Retention.parse(code).orElseThrow(() -> new IllegalArgumentException("retention"));
    }
}
