package cn.lantai.catalog;

import java.time.Instant;

import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;

/** One of a person's past imports, as their list shows it: when, which file, how far, and its counts. */
public record ImportRun(JobId id, String fileName, Instant startedAt, Instant finishedAt, JobState state, long total,
        long accepted, long rejected) {
}
