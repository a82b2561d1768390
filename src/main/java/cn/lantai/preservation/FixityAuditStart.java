package cn.lantai.preservation;

import cn.lantai.jobs.JobId;

/** The audit asked for: a new one ({@code started}), or the one already under way, which a second request joins. */
public record FixityAuditStart(JobId id, boolean started) {
}
