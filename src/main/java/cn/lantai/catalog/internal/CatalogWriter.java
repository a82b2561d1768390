package cn.lantai.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes valid entries into the catalogue inside the caller's transaction: numbers entries that have no item number,
 * updates the item that already holds an entry's archival code (or, without a code, the same record of the same
 * group), keeps item numbers gap-free when items move or leave a group, and versions every change.
 */
@Component
public class CatalogWriter {

    /**
     * What a write did; {@code refused} maps the index of each entry the admission refused to the refusal's code,
     * {@code changes} the index of each entry that updated an item to the fields it changed (old → new).
     */
    public record Outcome(List<ItemId> created, List<ItemId> updated, List<ItemId> unchanged,
            Map<Integer, String> refused, Map<Integer, List<ChangeLog.FieldChange>> changes) {

        public List<ItemId> touched() {
            List<ItemId> all = new ArrayList<>(created);
            all.addAll(updated);
            return all;
        }
    }

    /** An entry to write: its validated description and extra fields. */
    public record Valid(Description description, java.util.Map<String, String> extra) {
    }

    /**
     * Decides, under the locks of the entries' groups, whether an entry may be written over what the catalogue holds
     * now: {@code current} is the item it would update (null: it creates one). Answers null to write, or the message
     * code of the refusal.
     */
    @FunctionalInterface
    public interface Admission {

        Admission ALL = (index, entry, current) -> null;

        String refusal(int index, Valid entry, Item current);
    }

    static final String CREATED = "*";

    private final Items items;
    private final ItemGroups groups;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;

    CatalogWriter(Items items, ItemGroups groups, ChangeLog changes, ApplicationEventPublisher events) {
        this.items = items;
        this.groups = groups;
        this.changes = changes;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome write(List<Valid> entries, long operationId) {
        return write(entries, operationId, Admission.ALL);
    }

    /** Writes the entries the admission lets through, judged against the catalogue as it is under the locks. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome write(List<Valid> entries, long operationId, Admission admission) {
        groups.lockAll(entries.stream().map(e -> e.description().groupKey()).toList());
        List<String> codes = entries.stream().filter(e -> e.description().itemNo() > 0)
                .map(e -> e.description().archivalCode().toString()).toList();
        Map<String, Item> existing = items.byArchivalCodes(codes);
        Map<Items.RecordKey, Item> same = items.sameRecords(entries.stream().map(Valid::description)
                .filter(d -> d.itemNo() == 0).toList());
        Map<Integer, String> refused = new LinkedHashMap<>();
        Map<String, Integer> nextNumber = new HashMap<>();
        List<Items.Row> inserts = new ArrayList<>();
        List<Items.Row> updates = new ArrayList<>();
        List<ChangeLog.FieldChange> log = new ArrayList<>();
        List<ItemId> created = new ArrayList<>();
        List<ItemId> updated = new ArrayList<>();
        List<ItemId> unchanged = new ArrayList<>();
        Map<Integer, List<ChangeLog.FieldChange>> changed = new LinkedHashMap<>();
        for (int index = 0; index < entries.size(); index++) {
            Valid entry = entries.get(index);
            Description d = entry.description();
            Item current = d.itemNo() > 0 ? existing.get(d.archivalCode().toString())
                    : same.get(Items.RecordKey.of(d));
            String refusal = admission.refusal(index, entry, current);
            if (refusal != null) {
                refused.put(index, refusal);
                continue;
            }
            if (current == null) {
                if (d.itemNo() == 0) {
                    int n = nextNumber.computeIfAbsent(d.groupKey(), items::maxNumber) + 1;
                    nextNumber.put(d.groupKey(), n);
                    d = d.with(DescriptionField.ITEM_NO, Integer.toString(n));
                } else {
                    nextNumber.merge(d.groupKey(), d.itemNo(), Math::max);
                }
                long id = items.nextId();
                inserts.add(new Items.Row(id, d, entry.extra()));
                log.add(new ChangeLog.FieldChange(id, CREATED, null, d.archivalCode().toString()));
                created.add(new ItemId(id));
            } else {
                Description merged = merged(current, d);
                List<ChangeLog.FieldChange> diff = diff(current, merged, entry.extra());
                if (diff.isEmpty()) {
                    unchanged.add(current.id());
                } else {
                    updates.add(new Items.Row(current.id().value(), merged, entry.extra()));
                    log.addAll(diff);
                    updated.add(current.id());
                    changed.put(index, diff);
                }
            }
        }
        items.insert(inserts);
        items.update(updates);
        changes.record(operationId, log);
        Outcome outcome = new Outcome(created, updated, unchanged, refused, changed);
        publish(outcome.touched());
        return outcome;
    }

    /**
     * Applies edited descriptions to existing items. Items whose archival-code parts changed (a new 保管期限, say) move
     * to the end of their new group; the groups they leave are closed up, so numbers stay gap-free.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ItemId> edit(Map<Item, Valid> edits, long operationId) {
        List<String> keys = new ArrayList<>();
        edits.forEach((item, v) -> {
            keys.add(item.description().groupKey());
            keys.add(v.description().groupKey());
        });
        groups.lockAll(keys);
        Map<String, Integer> nextNumber = new HashMap<>();
        TreeSet<String> left = new TreeSet<>();
        List<Items.Row> updates = new ArrayList<>();
        List<ChangeLog.FieldChange> log = new ArrayList<>();
        List<ItemId> touched = new ArrayList<>();
        edits.forEach((item, v) -> {
            Description d = v.description();
            String oldGroup = item.description().groupKey();
            if (!d.groupKey().equals(oldGroup)) {
                int n = nextNumber.computeIfAbsent(d.groupKey(), items::maxNumber) + 1;
                nextNumber.put(d.groupKey(), n);
                d = d.with(DescriptionField.ITEM_NO, Integer.toString(n));
                left.add(oldGroup);
            } else {
                d = d.with(DescriptionField.ITEM_NO, Integer.toString(item.description().itemNo()));
            }
            List<ChangeLog.FieldChange> diff = diff(item, d, v.extra());
            if (!diff.isEmpty()) {
                updates.add(new Items.Row(item.id().value(), d, v.extra()));
                log.addAll(diff);
                touched.add(item.id());
            }
        });
        if (!left.isEmpty()) {
            // vacate the moved items' old numbers first, so closing up the old group cannot collide with them
            Map<Long, Description> aside = new LinkedHashMap<>();
            updates.forEach(r -> aside.put(r.id(), r.description()));
            items.renumber(aside);
        }
        items.update(updates);
        changes.record(operationId, log);
        for (String group : left) {
            touched.addAll(closeUp(group, operationId));
        }
        publish(touched);
        return touched;
    }

    /** Numbers a group's items 1..n in the given order (调整件号); items of the group left out keep their order after. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ItemId> renumber(String groupKey, List<ItemId> order, long operationId) {
        groups.lockAll(List.of(groupKey));
        List<Item> inGroup = items.inGroup(groupKey);
        Map<Long, Item> byId = new LinkedHashMap<>();
        inGroup.forEach(i -> byId.put(i.id().value(), i));
        List<Item> ordered = new ArrayList<>();
        for (ItemId id : order) {
            Item i = byId.remove(id.value());
            if (i != null) {
                ordered.add(i);
            }
        }
        ordered.addAll(byId.values());
        List<ItemId> moved = number(ordered, operationId);
        publish(moved);
        return moved;
    }

    /** Closes the gaps a group has after items left it, keeping the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ItemId> closeUp(String groupKey, long operationId) {
        groups.lockAll(List.of(groupKey));
        List<ItemId> moved = number(items.inGroup(groupKey), operationId);
        publish(moved);
        return moved;
    }

    private List<ItemId> number(List<Item> ordered, long operationId) {
        Map<Long, Description> renumbered = new LinkedHashMap<>();
        List<ChangeLog.FieldChange> log = new ArrayList<>();
        List<ItemId> moved = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Item item = ordered.get(i);
            int number = i + 1;
            if (item.description().itemNo() != number) {
                Description d = item.description().with(DescriptionField.ITEM_NO, Integer.toString(number));
                renumbered.put(item.id().value(), d);
                log.add(new ChangeLog.FieldChange(item.id().value(), DescriptionField.ITEM_NO.key(),
                        Integer.toString(item.description().itemNo()), Integer.toString(number)));
                moved.add(item.id());
            }
        }
        items.renumber(renumbered);
        changes.record(operationId, log);
        return moved;
    }

    private void publish(List<ItemId> ids) {
        ItemsChanged.inChunks(ids).forEach(events::publishEvent);
    }

    /** An entry without its number updating an item keeps the item's number. */
    private static Description merged(Item current, Description d) {
        return d.itemNo() == 0 ? d.with(DescriptionField.ITEM_NO, Integer.toString(current.description().itemNo())) : d;
    }

    /** The fields writing this entry over the item would change (old → new); empty when the entry says the same. */
    public static List<ChangeLog.FieldChange> changes(Item current, Valid entry) {
        return diff(current, merged(current, entry.description()), entry.extra());
    }

    private static List<ChangeLog.FieldChange> diff(Item current, Description next, Map<String, String> nextExtra) {
        List<ChangeLog.FieldChange> diff = new ArrayList<>();
        long id = current.id().value();
        for (DescriptionField f : DescriptionField.values()) {
            String before = current.description().get(f);
            String after = next.get(f);
            if (f == DescriptionField.ORG) {
                before = Objects.requireNonNullElse(before, "");
                after = Objects.requireNonNullElse(after, "");
            }
            if (!Objects.equals(before, after)) {
                diff.add(new ChangeLog.FieldChange(id, f.key(), before, after));
            }
        }
        Map<String, String> before = current.extra();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(nextExtra.keySet());
        for (String k : keys) {
            if (!Objects.equals(before.get(k), nextExtra.get(k))) {
                diff.add(new ChangeLog.FieldChange(id, "extra." + k, before.get(k), nextExtra.get(k)));
            }
        }
        return diff;
    }
}
