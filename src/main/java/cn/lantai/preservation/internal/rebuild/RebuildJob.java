package cn.lantai.preservation.internal.rebuild;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.CatalogueRebuilds;
import cn.lantai.preservation.RebuildOutcome;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rebuild as a job: {@code done} of {@code total} objects, {@code accepted} records put back, {@code rejected}
 * objects refused; the message names the problems so far (one a line), so a run resumed after a restart goes on from
 * the last committed batch with them, and the finished job's message is the outcome.
 */
@Component
class RebuildJob implements JobHandler {

    private final CatalogueRebuild rebuild;
    private final Jobs jobs;
    private final AuditTrail trail;

    RebuildJob(CatalogueRebuild rebuild, Jobs jobs, AuditTrail trail) {
        this.rebuild = rebuild;
        this.jobs = jobs;
        this.trail = trail;
    }

    @Override
    public String kind() {
        return CatalogueRebuilds.JOB_KIND;
    }

    @Override
    public void run(JobStatus job) {
        List<String> problems = job.message() == null || job.done() == 0 ? List.of()
                : Arrays.stream(job.message().split("\n")).filter(line -> !line.isBlank()).toList();
        CatalogueRebuild.State from = new CatalogueRebuild.State(job.done(), job.accepted(), job.rejected(), problems);
        RebuildOutcome outcome = rebuild.run(from, (state, total) -> jobs.progress(job.id(),
                String.join("\n", state.problems()), state.done(), total, state.records(), state.refused()));
        String summary = "records " + outcome.records() + ", deleted " + outcome.deleted() + ", files "
                + outcome.files() + ", indexed " + outcome.indexed() + ", problems " + outcome.problems().size();
        trail.record(new AuditEvent(job.createdBy(), null, "store.rebuild-catalogue.done", null, null, summary));
        JobStatus now = jobs.status(job.id());
        jobs.succeed(job.id(), now.done(), now.total(), now.accepted(), now.rejected(),
                outcome.problems().isEmpty() ? summary : summary + "\n" + String.join("\n", outcome.problems()));
    }
}
