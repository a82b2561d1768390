package cn.lantai.identity;

import java.time.Instant;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.identity.PendingChange.Kind;

/**
 * A person's account: where they belong, their clearance (密级), duty or roles, and its state.
 *
 * @param heldBackBy what holds every right of the account back until the security administrator confirms it: the
 *         account is new ({@link Kind#NEW_ACCOUNT}, named first when both wait) or its password was reset
 *         ({@link Kind#PASSWORD_RESET}); {@code null} when nothing does. The roles, groups and clearance it is given
 *         meanwhile take effect with the confirmation
 */
public record Account(String username, String displayName, String unit, Classification clearance, AdminDuty duty,
        Set<String> roles, Set<String> groups, boolean enabled, boolean mustChangePassword, int failedAttempts,
        Instant lockedUntil, Kind heldBackBy) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether the account holds no rights at all for now (see {@code heldBackBy}). */
    public boolean heldBack() {
        return heldBackBy != null;
    }
}
