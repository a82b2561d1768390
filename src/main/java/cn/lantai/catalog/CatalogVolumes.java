package cn.lantai.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.CatalogWriter;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.EntryRules;
import cn.lantai.catalog.internal.GroupGate;
import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.Registry;
import cn.lantai.catalog.internal.Rights;
import cn.lantai.catalog.internal.Volumes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files (卷, 案卷, DA/T 22-2015 and the older paper archives): create one, retitle it and give it a date range, move
 * items into it and out of it, delete an empty one. A group (全宗·门类·年度·保管期限·机构) is arranged in files or in
 * loose items, never both, so an item leaves a file only for another file of its group. Files are numbered gap-free in
 * their group and items gap-free in their file: every change that numbers, moves or closes up goes through the
 * {@link GroupGate} (only who may read the whole group) under the group's lock, as one versioned, audited operation.
 */
@Service
public class CatalogVolumes {

    private static final int MAX_TITLE = 500;

    private final Registry registry;
    private final Items items;
    private final Volumes volumes;
    private final ItemGroups groups;
    private final GroupGate gate;
    private final CatalogWriter writer;
    private final ChangeLog changes;
    private final EntryJudge judge;
    private final ApplicationEventPublisher events;
    private final AuditTrail trail;
    private final Rights rights;

    CatalogVolumes(Registry registry, Items items, Volumes volumes, ItemGroups groups, GroupGate gate,
            CatalogWriter writer, ChangeLog changes, EntryJudge judge, ApplicationEventPublisher events,
            AuditTrail trail, Rights rights) {
        this.registry = registry;
        this.items = items;
        this.volumes = volumes;
        this.groups = groups;
        this.gate = gate;
        this.writer = writer;
        this.changes = changes;
        this.judge = judge;
        this.events = events;
        this.trail = trail;
        this.rights = rights;
    }

    /**
     * Creates a file (卷) with the next number of its group. A group is arranged in files or in loose items, never
     * both: a group that already holds loose items gets no file. Only who may read the whole group adds to it.
     */
    @Transactional
    public Volume create(NewVolume given, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "create file");
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.put(DescriptionField.FONDS, given.fonds());
        fields.put(DescriptionField.CATEGORY, given.category());
        fields.put(DescriptionField.YEAR, given.year() == null ? null : given.year().toString());
        fields.put(DescriptionField.RETENTION, given.retention());
        fields.put(DescriptionField.ORG, given.org());
        fields.put(DescriptionField.TITLE, given.title());
        fields.put(DescriptionField.CLASSIFICATION, given.classification());
        fields.put(DescriptionField.OPEN_STATUS, given.openStatus());
        fields.put(DescriptionField.NOTES, given.notes());
        // a category's own fields describe its items, not the file that holds them: a file is judged against the
        // category without them, or no file could be made in a category with a mandatory field of its own
        Category category = registry.category(String.valueOf(given.category()).strip().toUpperCase(Locale.ROOT))
                .map(c -> new Category(c.code(), c.name(), List.of())).orElse(null);
        Entry entry = judge.rules().apply(null, fields, Map.of(), category, EntryRules.FILE_MANDATORY);
        List<Violation> violations = new ArrayList<>(entry.violations());
        Description d = entry.description();
        if (d.get(DescriptionField.FONDS) != null && registry.fonds(d.get(DescriptionField.FONDS)).isEmpty()) {
            violations.add(new Violation(DescriptionField.FONDS.label(), d.get(DescriptionField.FONDS),
                    "catalog.unknown-fonds"));
        }
        DateRange range = DateRange.of(given.startDate(), given.endDate(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations);
        }
        rights.requireReach(actor, d, "create file");
        String group = d.arrangementGroup();
        gate.enter(actor, group, group, "create file");
        if (items.maxNumber(group) > 0) {
            throw new CatalogConflict("catalog.group-has-items");
        }
        ArchivalCode code = new ArchivalCode(d.get(DescriptionField.FONDS), d.get(DescriptionField.CATEGORY), d.year(),
                d.retention(), d.getOrEmpty(DescriptionField.ORG), volumes.maxNumber(group) + 1);
        Volume volume = volumes.insert(code, d.get(DescriptionField.TITLE), d.classification(), d.openStatus(),
                d.get(DescriptionField.NOTES), range.start(), range.end());
        long op = changes.begin("CREATE_FILE", actor, volume.archivalCode(), 0);
        changes.record(op, List.of(new ChangeLog.FieldChange(volume.id(), ChangeLog.VOLUME_CREATED, null,
                volume.archivalCode())));
        events.publishEvent(new CatalogDefinitionsChanged("file:" + volume.id()));
        return volume;
    }

    /** The file, if the viewer may see it; otherwise {@link ItemNotFound}, answered as an item's read answers. */
    public Volume volume(long id, Viewer viewer) {
        Volume volume = volumes.visible(id, viewer).orElseThrow(() -> {
            audit(viewer, "catalog.view-refused", "file:" + id, null);
            return new ItemNotFound("file " + id);
        });
        if (Viewer.controlled(volume.classification(), volume.openStatus())) {
            audit(viewer, "catalog.view", "file:" + id + " " + volume.archivalCode(),
                    volume.classification().name() + "/" + volume.openStatus().name());
        }
        return volume;
    }

    /** The files of one group that the viewer may see, by number. */
    public List<Volume> volumes(String fonds, String category, int year, Retention retention, String org,
            Viewer viewer) {
        return volumes.inGroup(ArchivalCode.groupKey(fonds, category, year, retention, org == null ? "" : org), viewer)
                .stream()
                .filter(v -> viewer.maySee(v.classification(), v.openStatus(), v.fonds(), v.category())).toList();
    }

    /** The items of a file in their order (卷内件号), those the viewer may see. */
    public List<Item> items(long id, Viewer viewer) {
        Volume v = volume(id, viewer);
        return items.inGroup(fileGroup(v)).stream().filter(i -> viewer.maySee(i.description())).toList();
    }

    /**
     * Retitles a file and gives it a date range (起止日期). A change in place: it numbers nothing and needs sight of
     * the file only. Recorded field by field in the file's history and the audit trail.
     */
    @Transactional
    public Volume describe(long id, VolumeChange change, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "file:" + id);
        Volume before = toChange(id, actor);
        List<Violation> violations = new ArrayList<>();
        String title = change.title() == null ? "" : change.title().strip();
        if (title.isEmpty()) {
            violations.add(new Violation(DescriptionField.TITLE.label(), "", "catalog.missing"));
        } else if (title.length() > MAX_TITLE) {
            violations.add(new Violation(DescriptionField.TITLE.label(), title.substring(0, 57) + "…",
                    "catalog.too-long", MAX_TITLE, title.length()));
        }
        DateRange range = DateRange.of(change.startDate(), change.endDate(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations);
        }
        List<ChangeLog.FieldChange> diff = new ArrayList<>();
        diff(diff, id, "file.title", before.title(), title);
        diff(diff, id, "file.startDate", text(before.startDate()), text(range.start()));
        diff(diff, id, "file.endDate", text(before.endDate()), text(range.end()));
        if (!diff.isEmpty()) {
            volumes.describe(id, title, range.start(), range.end());
            long op = changes.begin("UPDATE_FILE", actor, before.archivalCode(), 0);
            changes.record(op, diff);
            events.publishEvent(new CatalogDefinitionsChanged("file:" + id));
        }
        return volumes.byId(id).orElseThrow();
    }

    /**
     * Moves the given items into the file, after its last item, in the given order; the files they leave are closed
     * up. Only items of the file's own group (its other files) may come in: an item of another group would change its
     * 档号 parts, which bulk edit does, and a group is never arranged both ways. Items already in the file stay.
     */
    @Transactional
    public List<ItemId> addItems(long id, List<ItemId> given, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "file:" + id);
        Volume file = toChange(id, actor);
        String arrangement = ArchivalCode.groupKey(file.fonds(), file.category(), file.year(), file.retention(),
                file.org());
        Map<Item, CatalogWriter.Valid> edits = new LinkedHashMap<>();
        for (ItemId itemId : given) {
            Item item = itemToChange(itemId, actor);
            Description d = item.description();
            if (!d.arrangementGroup().equals(arrangement)) {
                throw new CatalogConflict("catalog.item-of-other-group", item.archivalCode(), file.archivalCode());
            }
            if (!Objects.equals(d.volume(), file.number())) {
                edits.put(item, new CatalogWriter.Valid(d.with(DescriptionField.VOLUME,
                        Integer.toString(file.number())), item.extra()));
            }
        }
        if (edits.isEmpty()) {
            return List.of();
        }
        gate.enterMoves(actor, edits, true, "file:" + id);
        long op = changes.begin("FILE_ITEMS", actor, file.archivalCode(), edits.size());
        List<ItemId> touched = writer.edit(edits, op);
        changes.setCount(op, touched.size());
        return touched;
    }

    /**
     * Takes an item out of a file into another file of its group (a group in files holds no loose items), at that
     * file's end; the file it leaves is closed up.
     */
    @Transactional
    public List<ItemId> removeItem(long id, ItemId itemId, long toFile, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "file:" + id);
        Volume file = toChange(id, actor);
        Item item = itemToChange(itemId, actor);
        if (!item.description().groupKey().equals(fileGroup(file))) {
            throw new CatalogConflict("catalog.not-in-file", item.archivalCode(), file.archivalCode());
        }
        if (toFile == id) {
            throw new CatalogConflict("catalog.same-file", file.archivalCode());
        }
        return addItems(toFile, List.of(itemId), actor);
    }

    /**
     * Deletes an empty file; the files after it in its group move up a number (and their items' 档号 with them), so
     * file numbers stay gap-free. A file that holds items is refused with their count: its items go first.
     */
    @Transactional
    public void delete(long id, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "file:" + id);
        Volume file = toChange(id, actor);
        String arrangement = ArchivalCode.groupKey(file.fonds(), file.category(), file.year(), file.retention(),
                file.org());
        gate.enter(actor, arrangement, arrangement, "file:" + id);
        List<Volume> inGroup = volumes.inGroup(arrangement, Viewer.system());
        List<String> fileGroups = inGroup.stream().map(CatalogVolumes::fileGroup).toList();
        groups.lockAll(fileGroups);
        int held = items.maxNumber(fileGroup(file));
        if (held > 0) {
            throw new CatalogConflict("catalog.file-not-empty", file.archivalCode(), held);
        }
        long op = changes.begin("DELETE_FILE", actor, file.archivalCode(), 0);
        List<ChangeLog.FieldChange> log = new ArrayList<>();
        log.add(new ChangeLog.FieldChange(id, ChangeLog.VOLUME_CREATED, file.archivalCode(), null));
        volumes.delete(id);
        List<ItemId> moved = new ArrayList<>();
        for (Volume later : inGroup) {
            if (later.number() <= file.number()) {
                continue;
            }
            int number = later.number() - 1;
            ArchivalCode code = new ArchivalCode(later.fonds(), later.category(), later.year(), later.retention(),
                    later.org(), number);
            volumes.renumber(later.id(), number, code.toString());
            log.add(new ChangeLog.FieldChange(later.id(), ChangeLog.VOLUME_CREATED, later.archivalCode(),
                    code.toString()));
            Map<Long, Description> renumbered = new LinkedHashMap<>();
            for (Item item : items.inGroup(fileGroup(later))) {
                renumbered.put(item.id().value(), item.description().with(DescriptionField.VOLUME,
                        Integer.toString(number)));
                log.add(new ChangeLog.FieldChange(item.id().value(), DescriptionField.VOLUME.key(),
                        Integer.toString(later.number()), Integer.toString(number)));
                moved.add(item.id());
            }
            items.renumber(renumbered);
        }
        changes.record(op, log);
        events.publishEvent(new CatalogDefinitionsChanged("file:" + id));
        ItemsChanged.inChunks(moved).forEach(events::publishEvent);
    }

    /** The file for a change by the actor: one they may not see is not found, and the refusal audited apart. */
    private Volume toChange(long id, Viewer actor) {
        Optional<Volume> file = volumes.visible(id, actor);
        if (file.isEmpty()) {
            trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.change-refused", "file:" + id,
                    null, null));
            throw new ItemNotFound("file " + id);
        }
        return file.get();
    }

    private Item itemToChange(ItemId id, Viewer actor) {
        return items.visible(id.value(), actor).orElseThrow(() -> rights.changeRefused(actor, id));
    }

    private void audit(Viewer viewer, String action, String target, String detail) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, target, null, detail));
    }

    /** The number group of a file's items: its group and its number. */
    static String fileGroup(Volume v) {
        return ArchivalCode.groupKey(v.fonds(), v.category(), v.year(), v.retention(), v.org(), v.number());
    }

    private static void diff(List<ChangeLog.FieldChange> diff, long id, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            diff.add(new ChangeLog.FieldChange(id, field, before, after));
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A date range as typed: each date readable (as 日期 is), the start not after the end; blank is absent. */
    private record DateRange(LocalDate start, LocalDate end) {

        static DateRange of(String start, String end, List<Violation> violations) {
            LocalDate from = parse(start, "起始日期", violations);
            LocalDate to = parse(end, "终止日期", violations);
            if (from != null && to != null && from.isAfter(to)) {
                violations.add(new Violation("终止日期", to.toString(), "catalog.date-range-reversed",
                        from.toString()));
            }
            return new DateRange(from, to);
        }

        private static LocalDate parse(String text, String label, List<Violation> violations) {
            if (text == null || text.isBlank()) {
                return null;
            }
            Optional<LocalDate> date = ArchivalDates.parse(text.strip());
            if (date.isEmpty()) {
                violations.add(new Violation(label, text.strip(), "catalog.bad-date"));
            }
            return date.orElse(null);
        }
    }
}
