package cn.lantai.audit;

import java.time.Instant;

/** A stored entry. */
public record AuditEntry(long seq, Instant at, String actor, String address, String action, String target,
        String before, String after, String digest) {
}
