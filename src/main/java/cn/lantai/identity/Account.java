package cn.lantai.identity;

import java.time.Instant;
import java.util.Set;

import cn.lantai.catalog.Classification;

/**
 * A person's account: where they belong, their clearance (密级), duty or roles, and its state.
 *
 * @param resetUnconfirmed its password was reset by the system administrator and the security administrator has not
 *         confirmed the reset yet: until then it holds no rights
 */
public record Account(String username, String displayName, String unit, Classification clearance, AdminDuty duty,
        Set<String> roles, Set<String> groups, boolean enabled, boolean mustChangePassword, int failedAttempts,
        Instant lockedUntil, boolean resetUnconfirmed) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
