package cn.lantai.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.GroupGate;
import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.Registry;
import cn.lantai.catalog.internal.Rights;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a bulk edit ({@link CatalogManagement#bulkEdit}) would do, before it is done: how many selected items change,
 * how many hold the value already, which move to another group (a new 年度, 保管期限, 机构 …: they take the next numbers
 * of their new group and the groups they leave close up), and a sample of them old → new. It judges as the edit
 * judges (the same rules, rights, reach and arrangement) and refuses what the edit would refuse, but writes nothing
 * and takes no lock, so what it shows may differ from what the edit then finds.
 */
@Service
public class CatalogBulkEdits {

    /** How many changing items the preview shows. */
    public static final int SAMPLE = 20;

    private final Items items;
    private final ItemGroups groups;
    private final Registry registry;
    private final EntryJudge judge;
    private final Rights rights;
    private final AuditTrail trail;

    CatalogBulkEdits(Items items, ItemGroups groups, Registry registry, EntryJudge judge, Rights rights,
            AuditTrail trail) {
        this.items = items;
        this.groups = groups;
        this.registry = registry;
        this.judge = judge;
        this.rights = rights;
        this.trail = trail;
    }

    /** Whether a bulk edit may set the field: not the parts that name the item's place (全宗, 门类, 件号). */
    public static boolean editable(DescriptionField f) {
        return f != DescriptionField.ITEM_NO && f != DescriptionField.FONDS && f != DescriptionField.CATEGORY;
    }

    /**
     * The preview of setting {@code values} on the selection. Refused as the edit is: {@link InvalidEntry} for a bad
     * value (named by the items' 档号), {@link NotPermitted} (audited, neutral) for a selection or a result beyond
     * the actor's reach, a change of 密级 or 开放标识 without the right to appraise, or a move in a group that holds a
     * record the actor may not read.
     */
    @Transactional(readOnly = true)
    public BulkEditPreview preview(ItemFilter selection, Map<DescriptionField, String> values, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "bulk edit preview");
        if (values.isEmpty()) {
            throw new InvalidEntry(List.of(new Violation("", "", "catalog.nothing-to-change")));
        }
        for (DescriptionField f : values.keySet()) {
            if (!editable(f)) {
                throw new InvalidEntry(List.of(new Violation(f.label(), values.get(f), "catalog.not-bulk-editable")));
            }
        }
        List<Long> ids = items.ids(selection, actor);
        rights.requireWholeSelection(actor, selection, ids.size(), "bulk edit preview");
        EntryJudge.Snapshot snapshot = judge.snapshot();
        Map<String, Integer> nextNumber = new HashMap<>();
        TreeSet<String> arrangementGroups = new TreeSet<>();
        List<Violation> violations = new ArrayList<>();
        List<BulkEditPreview.Row> sample = new ArrayList<>();
        int changing = 0;
        int moving = 0;
        int row = 0;
        for (Item item : items.byIds(ids)) {
            row++;
            Description before = item.description();
            Description after;
            try {
                after = edited(item, values);
            } catch (InvalidEntry e) {
                violations.addAll(GroupGate.named(item, e.violations()));
                continue;
            }
            requireMayChange(actor, item, after);
            boolean moves = !after.groupKey().equals(before.groupKey());
            if (moves) {
                int n = nextNumber.computeIfAbsent(after.groupKey(), items::maxNumber) + 1;
                nextNumber.put(after.groupKey(), n);
                after = after.with(DescriptionField.ITEM_NO, Integer.toString(n));
                arrangementGroups.add(before.arrangementGroup());
                arrangementGroups.add(after.arrangementGroup());
                violations.addAll(GroupGate.named(item, snapshot.arrangement(after)));
                moving++;
            } else {
                after = after.with(DescriptionField.ITEM_NO, Integer.toString(before.itemNo()));
            }
            List<BulkEditPreview.FieldChange> changes = changes(before, after);
            if (!changes.isEmpty()) {
                changing++;
                if (sample.size() < SAMPLE) {
                    sample.add(new BulkEditPreview.Row(item.id(), item.archivalCode(),
                            after.archivalCode().toString(), item.title(), changes));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations.subList(0, Math.min(100, violations.size())));
        }
        for (String group : arrangementGroups) {
            if (groups.holdsHiddenFrom(group, actor)) {
                trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.refused",
                        "bulk edit preview", null, "group beyond reach"));
                throw new NotPermitted("catalog.group-beyond-reach");
            }
        }
        return new BulkEditPreview(ids.size(), changing, ids.size() - changing, moving, sample);
    }

    /** The item's description with the values set, judged by the catalogue's rules (as {@code bulkEdit} does). */
    private Description edited(Item item, Map<DescriptionField, String> values) {
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.putAll(item.description().asMap());
        fields.putAll(values);
        Entry entry = judge.rules().apply(null, fields, new LinkedHashMap<>(item.extra()),
                registry.category(item.description().get(DescriptionField.CATEGORY)).orElse(null));
        if (!entry.valid()) {
            throw new InvalidEntry(entry.violations());
        }
        return entry.description();
    }

    /** As the edit requires: the result within reach; a new 密级 or 开放标识 is an appraisal decision. */
    private void requireMayChange(Viewer actor, Item item, Description next) {
        rights.requireReach(actor, next, "item:" + item.id().value());
        Description before = item.description();
        if (before.classification() != next.classification() || before.openStatus() != next.openStatus()) {
            rights.require(actor, CatalogRight.APPRAISE, "item:" + item.id().value());
        }
    }

    private static List<BulkEditPreview.FieldChange> changes(Description before, Description after) {
        List<BulkEditPreview.FieldChange> changes = new ArrayList<>();
        for (DescriptionField f : DescriptionField.values()) {
            String was = Objects.requireNonNullElse(before.get(f), "");
            String now = Objects.requireNonNullElse(after.get(f), "");
            if (!was.equals(now)) {
                changes.add(new BulkEditPreview.FieldChange(f, was, now));
            }
        }
        return changes;
    }
}
