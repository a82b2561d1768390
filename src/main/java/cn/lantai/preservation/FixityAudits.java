package cn.lantai.preservation;

import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobNotFound;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.internal.fixity.FixityAuditStarter;
import cn.lantai.preservation.internal.fixity.FixityRuns;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Fixity audits (固定性检查) of the archival store: every stored file re-read and both its digests compared with the
 * inventory's, a PREMIS fixity-check event appended to each object, damage and loss reported at once. The system
 * administrator starts them (they keep the system and its storage) and the schedule does; the system administrator
 * and the archivists who define the holdings ({@code CATALOG_DEFINE}) read them and see the alert, since it is they
 * who must have a damaged record restored from a copy. Failures name records by id and files by name, never what a
 * record says.
 */
@Service
public class FixityAudits {

    /** A report lists at most this many failures; its {@code failureCount} counts them all. */
    public static final int FAILURES_SHOWN = 1000;
    private static final String READERS = "hasRole('SYSTEM_ADMIN') or hasAuthority('CATALOG_DEFINE')";

    private final FixityAuditStarter starter;
    private final FixityRuns runs;
    private final Jobs jobs;

    FixityAudits(FixityAuditStarter starter, FixityRuns runs, Jobs jobs) {
        this.starter = starter;
        this.runs = runs;
        this.jobs = jobs;
    }

    /** Starts an audit of the whole store, or answers the one under way (only one runs at a time). */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public FixityAuditStart start(Viewer viewer) {
        return starter.begin(viewer.name(), viewer.address());
    }

    /** The audit as it stands, with its first {@link #FAILURES_SHOWN} failures; {@link JobNotFound} if no such audit. */
    @PreAuthorize(READERS)
    public FixityAuditReport report(JobId id) {
        return report(runs.run(id).orElseThrow(() -> new JobNotFound(id)), FAILURES_SHOWN);
    }

    /** The newest audits, newest first, each with its first {@code failuresEach} failures. */
    @PreAuthorize(READERS)
    public List<FixityAuditReport> recent(int limit, int failuresEach) {
        return runs.newest(Math.max(1, Math.min(limit, 100))).stream()
                .map(run -> report(run, Math.max(0, Math.min(failuresEach, FAILURES_SHOWN)))).toList();
    }

    /**
     * The audit whose failures stand, for the workbench's alert: the newest audit, or while it runs and has found
     * nothing yet, the one before it; empty when that audit found the store whole. A failure stays shown until an
     * audit finds the store whole again.
     */
    @PreAuthorize(READERS)
    public Optional<FixityAuditReport> alert() {
        List<FixityRuns.Run> newest = runs.newest(2);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        FixityRuns.Run standing = newest.get(0);
        if (standing.finishedAt() == null && standing.failures() == 0 && newest.size() > 1) {
            standing = newest.get(1);
        }
        return standing.failures() == 0 ? Optional.empty() : Optional.of(report(standing, 0));
    }

    private FixityAuditReport report(FixityRuns.Run run, int failures) {
        JobState state;
        try {
            JobStatus job = jobs.status(run.id());
            state = job.state();
        } catch (JobNotFound gone) {
            state = run.finishedAt() == null ? JobState.FAILED : JobState.SUCCEEDED;
        }
        return new FixityAuditReport(run.id(), state, run.done(), run.total(), run.filesChecked(), run.bytesChecked(),
                run.failures(), failures == 0 ? List.of() : runs.failures(run.id(), failures), run.startedBy(),
                run.startedAt(), run.finishedAt());
    }
}
