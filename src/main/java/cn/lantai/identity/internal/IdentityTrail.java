package cn.lantai.identity.internal;

import java.util.List;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Appends identity's events (logins, accounts, permissions, tokens) to the audit trail, with who and from where. */
@Component
public class IdentityTrail {

    private final AuditTrail trail;

    IdentityTrail(AuditTrail trail) {
        this.trail = trail;
    }

    public void record(String action, String target, String before, String after) {
        trail.record(new AuditEvent(Actor.name(), Actor.address(), action, target, before, after));
    }

    /** For refusals: kept although the refused work's transaction rolls back. */
    public void recordRefusal(String action, String target) {
        trail.recordApart(new AuditEvent(Actor.name(), Actor.address(), action, target, null, null));
    }

    /** Several events at once, each naming its own actor and address (refusals counted over a while). */
    public void recordAll(List<AuditEvent> events) {
        trail.recordAll(events);
    }

    /** For events where the actor is not the signed-in user (a failed login names who tried). */
    public void recordAs(String actor, String address, String action, String target, String before, String after) {
        trail.record(new AuditEvent(actor, address, action, target, before, after));
    }
}
