package cn.lantai.audit;

/**
 * One thing that happened, as the trail records it. before/after are JSON or plain text, may be null.
 *
 * @param actor   who did it (user name; for a failed login, the name that was tried)
 * @param address from where (the client's IP address), may be null
 * @param action  what kind of thing happened, e.g. {@code item.update}, {@code login.failed}; required
 * @param target  what it was done to (an archival code, an item id, a user name), may be null
 * @param before  the state before, may be null
 * @param after   the state after, may be null
 */
public record AuditEvent(String actor, String address, String action, String target, String before, String after) {

    public AuditEvent {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action");
        }
    }
}
