package cn.lantai.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may write in a group. Numbering (the next 件号, gaps, a 档号 taken), closing up, arranging (files or loose
 * items) and finding the same record all speak of a group's other records, and renumbering changes them. So a write
 * that numbers, moves or closes up in an arrangement group (全宗·门类·年度·保管期限·机构, with its files and their
 * items) is let in only for someone who may read every record of it; everyone else gets one neutral refusal, audited,
 * whose text and status say nothing of what the group holds, and none of those checks runs for them. Each entry
 * locks the group first, so what was judged is what is written.
 */
@Component
public class GroupGate {

    private final ItemGroups groups;
    private final Items items;
    private final EntryJudge judge;
    private final AuditTrail trail;

    GroupGate(ItemGroups groups, Items items, EntryJudge judge, AuditTrail trail) {
        this.groups = groups;
        this.items = items;
        this.judge = judge;
        this.trail = trail;
    }

    /** Locks the number group (the 件 group, or a file) and lets the actor in if they may read its whole group. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enter(Viewer actor, String numberGroup, String arrangementGroup, String task) {
        groups.lock(numberGroup);
        if (groups.holdsHiddenFrom(arrangementGroup, actor)) {
            refuse(actor, task);
        }
    }

    /**
     * As {@link #enter}, for renumbering: a group that holds nothing is refused the same way, so that a group whose
     * every record is hidden answers as one that does not exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enterToRenumber(Viewer actor, String numberGroup, String arrangementGroup) {
        groups.lock(numberGroup);
        boolean hidden = groups.holdsHiddenFrom(arrangementGroup, actor);
        boolean empty = items.maxNumber(numberGroup) == 0;
        if (hidden || empty) {
            refuse(actor, "renumber");
        }
    }

    /**
     * For edits of items: locks every group the edit writes in, in one order. Items that change group (a new
     * 保管期限, another file …) leave theirs, which is closed up after them, and join the end of another: the actor must
     * may read both whole, and the new place must suit its group's arrangement. Edits in place touch no other record.
     *
     * @param named whether violations name the item (a bulk edit) or stand alone (an edit of one item)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enterMoves(Viewer actor, Map<Item, CatalogWriter.Valid> edits, boolean named, String task) {
        Set<String> numberGroups = new HashSet<>();
        Set<String> arrangementGroups = new TreeSet<>();
        Map<Item, Description> moves = new LinkedHashMap<>();
        edits.forEach((item, next) -> {
            Description before = item.description();
            Description after = next.description();
            numberGroups.add(before.groupKey());
            numberGroups.add(after.groupKey());
            if (!after.groupKey().equals(before.groupKey())) {
                arrangementGroups.add(before.arrangementGroup());
                arrangementGroups.add(after.arrangementGroup());
                moves.put(item, after);
            }
        });
        groups.lockAll(numberGroups);
        for (String group : arrangementGroups) {
            if (groups.holdsHiddenFrom(group, actor)) {
                refuse(actor, task);
            }
        }
        EntryJudge.Snapshot snapshot = judge.snapshot();
        List<Violation> violations = new ArrayList<>();
        moves.forEach((item, after) -> {
            List<Violation> arrangement = snapshot.arrangement(after);
            violations.addAll(named ? named(item, arrangement) : arrangement);
        });
        if (!violations.isEmpty()) {
            throw new InvalidEntry(violations.subList(0, Math.min(100, violations.size())));
        }
    }

    /** Violations of an item of a bulk edit, named by its 档号. */
    public static List<Violation> named(Item item, List<Violation> violations) {
        return violations.stream()
                .map(v -> new Violation(item.archivalCode() + " " + v.field(), v.value(), v.code(), v.args())).toList();
    }

    private void refuse(Viewer actor, String task) {
        trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.refused", task, null,
                "group beyond reach"));
        throw new NotPermitted("catalog.group-beyond-reach");
    }
}
