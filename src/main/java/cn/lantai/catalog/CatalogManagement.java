package cn.lantai.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.Rights;
import cn.lantai.catalog.internal.CatalogWriter;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.EntryRules;
import cn.lantai.catalog.internal.GroupGate;
import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.Registry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: fonds, categories and their fields, items and their description, bulk edits and renumbering (files,
 * 卷, are {@link CatalogVolumes}'s). Every
 * read is made for a {@link Viewer} and answers only what their clearance and the records' open status allow; every
 * write is one versioned operation.
 */
@Service
public class CatalogManagement {

    private final Registry registry;
    private final Items items;
    private final ItemGroups groups;
    private final GroupGate gate;
    private final CatalogWriter writer;
    private final ChangeLog changes;
    private final EntryJudge judge;
    private final ApplicationEventPublisher events;
    private final AuditTrail trail;
    private final Rights rights;
    private final CatalogRegistry registryService;

    CatalogManagement(CatalogRegistry registryService, Registry registry, Items items, ItemGroups groups,
            GroupGate gate, CatalogWriter writer,
            ChangeLog changes, ApplicationEventPublisher events, EntryJudge judge, AuditTrail trail, Rights rights) {
        this.registryService = registryService;
        this.trail = trail;
        this.rights = rights;
        this.registry = registry;
        this.items = items;
        this.groups = groups;
        this.gate = gate;
        this.writer = writer;
        this.changes = changes;
        this.events = events;
        this.judge = judge;
    }

    // ---- fonds and categories: kept by CatalogRegistry, here for the callers that knew them here --------------

    public List<Fonds> fonds() {
        return registryService.fonds();
    }

    /** Registers a fonds or changes its registration (the API's PUT): {@link CatalogRegistry#saveFonds}. */
    public Fonds registerFonds(Fonds fonds, Viewer actor) {
        return registryService.saveFonds(fonds, CatalogRegistry.Intent.EITHER, actor);
    }

    public List<Category> categories() {
        return registryService.categories();
    }

    public Category category(String code) {
        return registryService.category(code);
    }

    /** Defines a category or replaces its definition (the API's PUT): {@link CatalogRegistry#saveCategory}. */
    public Category defineCategory(Category category, Viewer actor) {
        return registryService.saveCategory(category, CatalogRegistry.Intent.EITHER, actor);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /**
     * The item, if the viewer may see it; otherwise {@link ItemNotFound}. An item beyond the viewer's sight and one that
     * does not exist take the same path: one query that applies the viewer's sight finds nothing, and the refusal is
     * audited alike (the same entry, the same work), so neither the answer nor its time tells them apart. Views of
     * controlled records (classified or not open) go to the audit trail too.
     */
    public Item item(ItemId id, Viewer viewer) {
        Item item = items.visible(id.value(), viewer).orElseThrow(() -> {
            audit(viewer, "catalog.view-refused", "item:" + id.value(), null);
            return new ItemNotFound(id);
        });
        Description d = item.description();
        if (Viewer.controlled(d.classification(), d.openStatus())) {
            audit(viewer, "catalog.view", "item:" + id.value() + " " + item.archivalCode(),
                    d.classification().name() + "/" + d.openStatus().name());
        }
        return item;
    }

    /**
     * The item, if the viewer may see it, as {@link #item} (a refusal is audited alike), but its view is not audited
     * here: for callers that record views of a controlled record themselves, at a grain of their own (the IIIF images
     * of its pages, requested by the hundred as a viewer pans, audited once per page and hour).
     */
    public Item itemViewAuditedByCaller(ItemId id, Viewer viewer) {
        return items.visible(id.value(), viewer).orElseThrow(() -> {
            audit(viewer, "catalog.view-refused", "item:" + id.value(), null);
            return new ItemNotFound(id);
        });
    }

    /** The item for a change by the actor: as {@link #item}, without counting as a view. */
    private Item itemToChange(ItemId id, Viewer actor) {
        return items.visible(id.value(), actor).orElseThrow(() -> rights.changeRefused(actor, id));
    }

    private void audit(Viewer viewer, String action, String target, String detail) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, target, null, detail));
    }

    /** Items by id for other modules that keep derived copies (the search index); no viewer filter. */
    public List<Item> itemsForIndexing(Collection<ItemId> ids) {
        return items.byIds(ids.stream().map(ItemId::value).toList());
    }

    /** Walks the whole catalogue in archival-code order, for rebuilding derived copies. */
    public void forEachItem(int batchSize, Consumer<List<Item>> consumer) {
        items.forEachBatch(ItemFilter.all(), null, batchSize, consumer);
    }

    /** Walks the items of a selection that the viewer may see, for exports. */
    public void forEachItem(ItemFilter filter, Viewer viewer, int batchSize, Consumer<List<Item>> consumer) {
        items.forEachBatch(filter, viewer, batchSize, consumer);
    }

    /** How many items the catalogue holds, whoever may see them. */
    public long itemCount() {
        return items.count(ItemFilter.all(), null);
    }

    public ItemPage list(ItemFilter filter, Viewer viewer, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, 500));
        int safePage = Math.max(0, page);
        return new ItemPage(items.page(filter, viewer, safePage, safeSize), items.count(filter, viewer), safePage,
                safeSize);
    }

    /** The catalogue tree under a fonds (门类 → 年度) with the number of items the viewer may see in each year. */
    public List<Holding> holdings(String fonds, Viewer viewer) {
        return items.holdings(new ItemFilter(fonds, null, null, null, null, null, null, null, null), viewer);
    }

    /**
     * The next free item number (件号) of a number group (loose items, or one file when {@code volume} is given): what
     * a new item would get. Empty where the group holds a record beyond the viewer, as the {@link GroupGate} answers
     * such a group: its numbering speaks of records they may not read.
     */
    public OptionalInt nextItemNumber(String fonds, String category, int year, Retention retention, String org,
            Integer volume, Viewer viewer) {
        String arrangement = ArchivalCode.groupKey(fonds, category, year, retention, org == null ? "" : org);
        if (groups.holdsHiddenFrom(arrangement, viewer)) {
            return OptionalInt.empty();
        }
        int next = items.maxNumber(ArchivalCode.groupKey(fonds, category, year, retention, org == null ? "" : org,
                volume)) + 1;
        return next > ArchivalCode.MAX_ITEM_NO ? OptionalInt.empty() : OptionalInt.of(next);
    }

    public List<Change> history(ItemId id, Viewer viewer) {
        item(id, viewer);
        return changes.history(id.value());
    }

    /**
     * The history of an item shown with it on one page: the sight is checked again, but the reading is the view
     * {@link #item} has just recorded, not a second one.
     */
    public List<Change> historyShownWith(Item shown, Viewer viewer) {
        ItemId id = shown.id();
        items.visible(id.value(), viewer).orElseThrow(() -> new ItemNotFound(id));
        return changes.history(id.value());
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /**
     * Catalogues one item, numbered next in its group unless it names its number. Only who may read the whole group
     * writes in it: whether its 档号 is taken, its number continues the group, or the same record is there already is
     * judged after that, so it only ever speaks of records the writer may read.
     */
    @Transactional
    public Item create(EntryInput input, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "create item");
        EntryJudge.Snapshot snapshot = judge.snapshot();
        Entry entry = snapshot.judge(input);
        if (!entry.valid()) {
            throw new InvalidEntry(entry.violations());
        }
        Description d = entry.description();
        rights.requireReach(actor, d, "create item");
        // checked under the group's lock: a concurrent create of the same number must fail, not update
        gate.enter(actor, d.groupKey(), d.arrangementGroup(), "create item");
        List<Violation> arrangement = snapshot.arrangement(d);
        if (!arrangement.isEmpty()) {
            throw new InvalidEntry(arrangement);
        }
        int next = items.maxNumber(d.groupKey()) + 1;
        if (d.itemNo() > 0 && d.itemNo() < next) {
            throw new CatalogConflict("catalog.duplicate-archival-code", d.archivalCode().toString());
        }
        if (d.itemNo() > next) {
            throw new CatalogConflict("catalog.item-no-gap", d.itemNo(), next);
        }
        long op = changes.begin("CREATE", actor, null, 1);
        CatalogWriter.Outcome outcome = writer.write(List.of(new CatalogWriter.Valid(d, entry.extra())), op);
        if (outcome.created().isEmpty()) {
            // the same record (group, title, date, document number) exists: a create never rewrites it
            throw new CatalogConflict("catalog.same-record-exists");
        }
        return items.byId(outcome.created().get(0).value()).orElseThrow();
    }

    /**
     * Changes the given fields of one item. {@code expectedVersion} guards against overwriting someone else's
     * change made since the item was read. Changing an archival-code part moves the item (see {@link #bulkEdit}).
     * A change in place touches no other record and needs sight of the item only.
     */
    @Transactional
    public Item update(ItemId id, int expectedVersion, EntryInput changesGiven, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "item:" + id.value());
        Item item = itemToChange(id, actor);
        if (item.version() != expectedVersion) {
            throw new CatalogConflict("catalog.stale-version", item.version(), expectedVersion);
        }
        CatalogWriter.Valid next = edited(item, changesGiven, 0);
        requireMayChange(actor, item, next.description());
        gate.enterMoves(actor, Map.of(item, next), false, "item:" + id.value());
        long op = changes.begin("UPDATE", actor, item.archivalCode(), 1);
        writer.edit(Map.of(item, next), op);
        return items.byId(id.value()).orElseThrow();
    }

    /**
     * Sets the same fields on every selected item the actor may see (e.g. 保管期限 on 500 items), as one versioned
     * operation: all items change or none does. Items that change group move to the end of their new one and the
     * groups they leave are closed up: every such group must lie wholly within the actor's sight. A selection by ids
     * that names a record the actor does not see is refused whole.
     */
    @Transactional
    public BulkEditResult bulkEdit(ItemFilter selection, Map<DescriptionField, String> values, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "bulk edit");
        if (values.isEmpty()) {
            throw new InvalidEntry(List.of(new Violation("", "", "catalog.nothing-to-change")));
        }
        for (DescriptionField f : values.keySet()) {
            if (f == DescriptionField.ITEM_NO || f == DescriptionField.FONDS || f == DescriptionField.CATEGORY) {
                throw new InvalidEntry(List.of(new Violation(f.label(), values.get(f), "catalog.not-bulk-editable")));
            }
        }
        List<Long> ids = items.ids(selection, actor);
        rights.requireWholeSelection(actor, selection, ids.size(), "bulk edit");
        long op = changes.begin("BULK_EDIT", actor, summary(values), ids.size());
        Map<Item, CatalogWriter.Valid> edits = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        int row = 0;
        for (Item item : items.byIds(ids)) {
            row++;
            try {
                CatalogWriter.Valid next = edited(item, new EntryInput(null, values, null), row);
                requireMayChange(actor, item, next.description());
                edits.put(item, next);
            } catch (InvalidEntry e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations.subList(0, Math.min(100, violations.size())));
        }
        gate.enterMoves(actor, edits, true, "bulk edit");
        List<ItemId> touched = writer.edit(edits, op);
        changes.setCount(op, touched.size());
        return new BulkEditResult(op, ids.size(), touched.size());
    }

    /** The result of a bulk edit: the operation that versions it, how many items were selected and changed. */
    public record BulkEditResult(long operationId, int selected, int changed) {
    }

    /**
     * Renumbers a group (调整件号), or the items of one file (卷) when {@code volume} is given: the given items take
     * numbers 1, 2, … in this order; the others follow in their present order. One versioned operation. Refused alike
     * where the group holds a record the actor may not read and where it holds nothing at all.
     */
    @Transactional
    public List<ItemId> renumber(String fonds, String category, int year, Retention retention, String org,
            Integer volume, List<ItemId> order, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "renumber");
        String group = ArchivalCode.groupKey(fonds, category, year, retention, org == null ? "" : org, volume);
        for (ItemId id : order) {
            Item item = itemToChange(id, actor);
            if (!item.description().groupKey().equals(group)) {
                throw new CatalogConflict("catalog.not-in-group", item.archivalCode());
            }
        }
        gate.enterToRenumber(actor, group, ArchivalCode.groupKey(fonds, category, year, retention,
                org == null ? "" : org));
        long op = changes.begin("RENUMBER", actor, group, order.size());
        List<ItemId> moved = writer.renumber(group, order, op);
        changes.setCount(op, moved.size());
        return moved;
    }

    /**
     * Deletes an item; the items after it in its group move up a number, so the group stays gap-free. Closing up
     * renumbers the group, so, as for {@link #renumber}, only who may read the whole group deletes in it.
     */
    @Transactional
    public void delete(ItemId id, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "item:" + id.value());
        Item item = itemToChange(id, actor);
        gate.enter(actor, item.description().groupKey(), item.description().arrangementGroup(), "item:" + id.value());
        long op = changes.begin("DELETE", actor, item.archivalCode(), 1);
        changes.record(op, List.of(new ChangeLog.FieldChange(id.value(), "*", item.archivalCode(), null)));
        items.delete(List.of(id.value()));
        events.publishEvent(new ItemsRemoved(List.of(id)));
        writer.closeUp(item.description().groupKey(), op);
    }

    /**
     * What deleting the item would do to its group, before it is done: the items after it move up a number, each
     * with its 档号 before and after. Only who may delete in the group (who may read all of it) sees this; anyone else
     * gets the gate's one refusal, audited.
     */
    public CloseUp closeUp(ItemId id, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "item:" + id.value());
        Item item = itemToChange(id, actor);
        Description d = item.description();
        if (groups.holdsHiddenFrom(d.arrangementGroup(), actor)) {
            trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.refused", "item:" + id.value(),
                    null, "group beyond reach"));
            throw new NotPermitted("catalog.group-beyond-reach");
        }
        List<NumberChange> moves = new ArrayList<>();
        for (Item after : items.inGroup(d.groupKey())) {
            int no = after.description().itemNo();
            if (no > d.itemNo()) {
                moves.add(new NumberChange(after.id(), after.title(), after.archivalCode(), after.description()
                        .with(DescriptionField.ITEM_NO, Integer.toString(no - 1)).archivalCode().toString()));
            }
        }
        return new CloseUp(item, moves);
    }

    /** An item's deletion as it would close up its group: the items whose 件号 and 档号 change. */
    public record CloseUp(Item item, List<NumberChange> moves) {
    }

    /** An item's 档号 before and after a close-up. */
    public record NumberChange(ItemId id, String title, String before, String after) {
    }

    /**
     * A change must leave the record within the actor's reach, and changing its 密级 or 开放标识 (opening,
     * declassifying) is an appraisal decision that needs {@link CatalogRight#APPRAISE}.
     */
    private void requireMayChange(Viewer actor, Item item, Description next) {
        rights.requireReach(actor, next, "item:" + item.id().value());
        Description before = item.description();
        if (before.classification() != next.classification() || before.openStatus() != next.openStatus()) {
            rights.require(actor, CatalogRight.APPRAISE, "item:" + item.id().value());
        }
    }

    private CatalogWriter.Valid edited(Item item, EntryInput given, int row) {
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.putAll(item.description().asMap());
        fields.putAll(given.fields());
        Map<String, String> extra = new LinkedHashMap<>(item.extra());
        extra.putAll(given.extra());
        Entry entry = judge.rules().apply(null, fields, extra,
                registry.category(item.description().get(DescriptionField.CATEGORY)).orElse(null));
        if (!entry.valid()) {
            throw new InvalidEntry(row == 0 ? entry.violations() : GroupGate.named(item, entry.violations()));
        }
        return new CatalogWriter.Valid(entry.description(), entry.extra());
    }

    private static String summary(Map<DescriptionField, String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((f, v) -> sb.append(f.label()).append('=').append(v).append(' '));
        return sb.toString().strip();
    }
}
