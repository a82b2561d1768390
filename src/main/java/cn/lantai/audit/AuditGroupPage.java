package cn.lantai.audit;

import java.util.List;

/** One page of groups (newest first) and how many groups the query matches; {@code page} counts from 0. */
public record AuditGroupPage(List<AuditGroup> groups, long total, int page, int size) {
}
