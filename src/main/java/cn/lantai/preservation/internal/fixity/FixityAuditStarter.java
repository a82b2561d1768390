package cn.lantai.preservation.internal.fixity;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobNotFound;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.FixityAuditStart;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a fixity audit unless one is under way, whose id is answered instead: two audits would read every file twice
 * for nothing and append two events to each object. One application node decides this (the lock is this JVM's).
 */
@Component
public class FixityAuditStarter {

    private final Jobs jobs;
    private final FixityRuns runs;
    private final AuditTrail trail;
    private final TransactionTemplate transaction;

    FixityAuditStarter(Jobs jobs, FixityRuns runs, AuditTrail trail, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.runs = runs;
        this.trail = trail;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts an audit in the name of {@code actor} (a person, or {@code system} for the schedule). */
    public synchronized FixityAuditStart begin(String actor, String address) {
        return transaction.execute(status -> {
            Optional<JobId> underWay = underWay();
            if (underWay.isPresent()) {
                return new FixityAuditStart(underWay.get(), false);
            }
            JobId id = jobs.submit(FixityAuditJob.KIND, null, actor);
            runs.create(id, actor);
            trail.record(new AuditEvent(actor, address, "fixity.start", "fixity-audit:" + id, null, null));
            return new FixityAuditStart(id, true);
        });
    }

    /** The run queued or running, if any; a run whose job ended without finishing it is marked finished. */
    private Optional<JobId> underWay() {
        for (JobId id : runs.unfinished()) {
            JobState state;
            try {
                state = jobs.status(id).state();
            } catch (JobNotFound gone) {
                state = JobState.FAILED;
            }
            if (state == JobState.QUEUED || state == JobState.RUNNING) {
                return Optional.of(id);
            }
            runs.finish(id);
        }
        return Optional.empty();
    }
}
