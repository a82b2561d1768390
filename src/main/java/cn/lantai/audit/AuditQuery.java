package cn.lantai.audit;

import java.time.Instant;

/**
 * What an auditor looks for; every part optional (null = any). {@code actor} and {@code target} match as substrings
 * (ignoring case), {@code action} exactly; {@code from} is inclusive, {@code to} exclusive.
 */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to) {

    /** Every entry. */
    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null);
    }
}
