package cn.lantai.catalog.internal;

import java.util.HashSet;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import org.springframework.stereotype.Component;

/** Checks a catalogue right before a task; a refusal is audited (who tried what, from where) and answered 403. */
@Component
public class Rights {

    private final AuditTrail trail;

    Rights(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Refuses (audited) a record the actor could not see once written: beyond their clearance, open status or data
     * scope. Nobody writes what they may not read.
     */
    public void requireReach(Viewer actor, Description d, String task) {
        if (!actor.maySee(d)) {
            trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.refused", task, null,
                    "beyond reach"));
            throw new NotPermitted("catalog.beyond-reach");
        }
    }

    /**
     * Refuses (audited) a selection by ids that names records the actor does not see: hidden ones and ones that do
     * not exist answer alike, so the refusal tells nothing of what the catalogue holds.
     */
    public void requireWholeSelection(Viewer actor, ItemFilter selection, int seen, String task) {
        if (selection.ids() != null && new HashSet<>(selection.ids()).size() > seen) {
            trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.refused", task, null,
                    "selection beyond reach"));
            throw new NotPermitted("catalog.selection-beyond-reach");
        }
    }

    public void require(Viewer actor, CatalogRight right, String task) {
        if (!actor.may(right)) {
            trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.refused", task, null, right.name()));
            throw new NotPermitted(right);
        }
    }

    /** An item the actor asked to change but may not read: the refusal recorded apart, answered as not found. */
    public ItemNotFound changeRefused(Viewer actor, ItemId id) {
        trail.recordApart(new AuditEvent(actor.name(), actor.address(), "catalog.change-refused", "item:" + id.value(),
                null, null));
        return new ItemNotFound(id);
    }
}
