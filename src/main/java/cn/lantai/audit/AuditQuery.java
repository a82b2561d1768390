package cn.lantai.audit;

import java.time.Instant;

/** Which entries to list; every part optional. */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to) {
}
