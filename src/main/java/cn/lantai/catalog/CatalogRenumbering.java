package cn.lantai.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.GroupGate;
import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.Rights;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renumbering (调整件号) from a view of the group: the group in its order with a digest of its state (each item, its
 * version and its number), and a renumbering that carries the digest it was planned on. If the group changed since
 * (an item added, removed, renumbered or edited), the renumbering is refused and changes nothing, unless the group
 * already stands in the order asked for (the same form posted twice). The numbering itself is
 * {@link CatalogManagement#renumber}.
 */
@Service
public class CatalogRenumbering {

    private final CatalogManagement catalog;
    private final Items items;
    private final ItemGroups groups;
    private final GroupGate gate;
    private final Rights rights;
    private final AuditTrail trail;

    CatalogRenumbering(CatalogManagement catalog, Items items, ItemGroups groups, GroupGate gate, Rights rights,
            AuditTrail trail) {
        this.catalog = catalog;
        this.items = items;
        this.groups = groups;
        this.gate = gate;
        this.rights = rights;
        this.trail = trail;
    }

    /** A number group (the loose items of a group, or one file's items) in number order, and its state's digest. */
    public record GroupOrder(String fonds, String category, int year, Retention retention, String org, Integer volume,
            List<Item> items, String state) {
    }

    /**
     * The group as it stands, for whom may renumber it: refused alike (audited, neutral) where it holds a record the
     * viewer may not read and where it holds nothing, as {@link CatalogManagement#renumber} refuses.
     */
    @Transactional(readOnly = true)
    public GroupOrder group(String fonds, String category, int year, Retention retention, String org, Integer volume,
            Viewer viewer) {
        rights.require(viewer, CatalogRight.CATALOG_EDIT, "renumber");
        String orgCode = org == null ? "" : org;
        String arrangement = ArchivalCode.groupKey(fonds, category, year, retention, orgCode);
        List<Item> inGroup = items.inGroup(ArchivalCode.groupKey(fonds, category, year, retention, orgCode, volume));
        if (inGroup.isEmpty() || groups.holdsHiddenFrom(arrangement, viewer)) {
            trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "catalog.refused", "renumber", null,
                    "group beyond reach"));
            throw new NotPermitted("catalog.group-beyond-reach");
        }
        return new GroupOrder(fonds, category, year, retention, orgCode, volume, inGroup, state(inGroup));
    }

    /**
     * Renumbers as {@link CatalogManagement#renumber} does, if the group still stands as {@code expectedState} says
     * (null: unchecked, as before). A stale view is refused with {@code catalog.group-changed}.
     */
    @Transactional
    public List<ItemId> renumber(String fonds, String category, int year, Retention retention, String org,
            Integer volume, List<ItemId> order, String expectedState, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_EDIT, "renumber");
        String orgCode = org == null ? "" : org;
        String group = ArchivalCode.groupKey(fonds, category, year, retention, orgCode, volume);
        // the group's lock first, so the state compared is the state renumbered
        gate.enterToRenumber(actor, group, ArchivalCode.groupKey(fonds, category, year, retention, orgCode));
        if (expectedState != null) {
            List<Item> inGroup = items.inGroup(group);
            if (!state(inGroup).equals(expectedState)) {
                if (inOrder(inGroup, order)) {
                    return List.of();
                }
                throw new CatalogConflict("catalog.group-changed");
            }
        }
        return catalog.renumber(fonds, category, year, retention, orgCode, volume, order, actor);
    }

    /** The digest of a group's state: each item's id, version and number, in number order. */
    static String state(List<Item> inGroup) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Item i : inGroup) {
                sha.update((i.id().value() + ":" + i.version() + ":" + i.description().itemNo() + ";")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the group's first items are already the given ones, in the given order (numbers 1, 2, …). */
    private static boolean inOrder(List<Item> inGroup, List<ItemId> order) {
        if (order.size() > inGroup.size()) {
            return false;
        }
        for (int i = 0; i < order.size(); i++) {
            if (!inGroup.get(i).id().equals(order.get(i)) || inGroup.get(i).description().itemNo() != i + 1) {
                return false;
            }
        }
        return true;
    }
}
