package cn.lantai.preservation;

import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import java.time.Instant;
import java.util.List;

/**
 * One fixity audit as it stands: the job's state, {@code done} of {@code total} objects audited, the files and bytes
 * re-read so far, and every failure found (at most the first {@link FixityAudits#FAILURES_SHOWN}; {@code failureCount}
 * counts them all).
 */
public record FixityAuditReport(JobId id, JobState state, long done, long total, long filesChecked, long bytesChecked,
        long failureCount, List<FixityFailure> failures, String startedBy, Instant startedAt, Instant finishedAt) {

    public FixityAuditReport {
        failures = List.copyOf(failures);
    }

    public boolean running() {
        return state == JobState.QUEUED || state == JobState.RUNNING;
    }
}
