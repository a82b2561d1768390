package cn.lantai.jobs;

import java.time.Instant;

/**
 * A job as its caller sees it: {@code done} of {@code total} rows processed, of which {@code accepted} were taken and
 * {@code rejected} refused, and a message when it failed as a whole.
 */
public record JobStatus(JobId id, String kind, JobState state, long done, long total, long accepted, long rejected,
        String message, String params, String createdBy, Instant createdAt, Instant finishedAt) {
}
