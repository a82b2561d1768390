package cn.lantai.audit;

import java.util.List;

/** One page of entries (newest first) and the number of entries the query matches. {@code page} counts from 0. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
}
