package cn.lantai.accession;

import java.time.Instant;

import cn.lantai.jobs.JobState;

/**
 * One run of the four-properties check over stored records: its id (its job's), whether it covers the whole store
 * or chosen records, who started it (the schedule is {@code Lantai}), its state and progress, and how many records
 * were checked and failed so far.
 */
public record RecheckRun(String id, String scope, String startedBy, Instant startedAt, Instant finishedAt,
        JobState state, long done, long total, long checked, long failed) {
}
