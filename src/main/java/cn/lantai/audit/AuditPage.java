package cn.lantai.audit;

import java.util.List;

/** A page of entries, newest first. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
}
