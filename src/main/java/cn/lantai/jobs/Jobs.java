package cn.lantai.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lantai.shared.PressingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Background jobs: persisted in the database, run on a small pool, and resumed after a restart. Progress updates
 * join the caller's transaction, so a batch and the count that says it is done commit together.
 */
@Service
public class Jobs implements PressingWork {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JdbcClient jdbc;
    private final TaskExecutor executor;
    private final TaskExecutor backgroundExecutor;
    private final ObjectProvider<JobHandler> handlerBeans;
    private volatile Map<String, JobHandler> handlers;
    /** Jobs somebody waits for ({@link JobHandler#pressing}) dispatched and not yet ended, in this process. */
    private final AtomicInteger pressingJobs = new AtomicInteger();

    Jobs(JdbcClient jdbc, @Qualifier("jobExecutor") TaskExecutor executor,
            @Qualifier("backgroundJobExecutor") TaskExecutor backgroundExecutor, ObjectProvider<JobHandler> handlers) {
        this.jdbc = jdbc;
        this.executor = executor;
        this.backgroundExecutor = backgroundExecutor;
        this.handlerBeans = handlers;
    }

    /** Handlers are looked up late: they depend on the modules that use this one. */
    private JobHandler handler(String kind) {
        if (handlers == null) {
            handlers = handlerBeans.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        }
        return handlers.get(kind);
    }

    /** Records a new job and starts it once the current transaction (if any) commits. */
    @Transactional
    public JobId submit(String kind, String params, String actor) {
        JobId id = new JobId(UUID.randomUUID().toString());
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO job (id, kind, state, done, total, accepted, rejected, params, created_by, created_at, updated_at)
                VALUES (?, ?, 'QUEUED', 0, 0, 0, 0, ?, ?, ?, ?)""")
                .params(id.value(), kind, params, actor, now, now).update();
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        dispatch(id);
                    }
                });
        return id;
    }

    /**
     * The job as the person who started it sees it; anyone else is told it does not exist (a job's progress, messages
     * and report speak of the records it handles).
     */
    public JobStatus statusFor(JobId id, String person) {
        JobStatus job = status(id);
        if (person == null || !person.equals(job.createdBy())) {
            throw new JobNotFound(id);
        }
        return job;
    }

    public JobStatus status(JobId id) {
        return jdbc.sql("SELECT * FROM job WHERE id = ?").param(id.value())
                .query((rs, n) -> new JobStatus(new JobId(rs.getString("id")), rs.getString("kind"),
                        JobState.valueOf(rs.getString("state")), rs.getLong("done"), rs.getLong("total"),
                        rs.getLong("accepted"), rs.getLong("rejected"), rs.getString("message"), rs.getString("params"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                .optional().orElseThrow(() -> new JobNotFound(id));
    }

    /** How many jobs of this kind the person started that are queued or running. */
    public int unfinished(String kind, String person) {
        return jdbc.sql("SELECT COUNT(*) FROM job WHERE kind = ? AND created_by = ? AND state IN ('QUEUED', 'RUNNING')")
                .params(kind, person).query(Integer.class).single();
    }

    /**
     * A job of this kind with these parameters that has not started yet, if any: a caller that wants at most one
     * pending run per subject (a remake of one entry's derivatives) asks before submitting another.
     */
    public Optional<JobId> queued(String kind, String params) {
        return jdbc.sql("SELECT id FROM job WHERE kind = ? AND params = ? AND state = 'QUEUED' ORDER BY created_at "
                + "FETCH FIRST 1 ROWS ONLY").params(kind, params).query(String.class).optional().map(JobId::new);
    }

    /** The jobs of this kind the person started, newest first (at most {@code limit}). */
    public List<JobStatus> startedBy(String kind, String person, int limit) {
        return jdbc.sql("SELECT id FROM job WHERE kind = ? AND created_by = ? ORDER BY created_at DESC, id "
                + "FETCH FIRST ? ROWS ONLY").params(kind, person, limit).query(String.class).list().stream()
                .map(id -> status(new JobId(id))).toList();
    }

    /** The link to the job's report, if its kind writes one. */
    public String reportLink(JobStatus job) {
        JobHandler handler = handler(job.kind());
        return handler == null ? null : handler.reportLink(job.id());
    }

    /**
     * Records progress and what the job is doing now ({@code phase}); joins the caller's transaction, if any, so a
     * batch of work and the count that says it is done commit together.
     */
    @Transactional
    public void progress(JobId id, String phase, long done, long total, long accepted, long rejected) {
        jdbc.sql("UPDATE job SET state = 'RUNNING', message = ?, done = ?, total = ?, accepted = ?, rejected = ?, "
                + "updated_at = ? WHERE id = ?")
                .params(phase, done, total, accepted, rejected, Timestamp.from(Instant.now()), id.value()).update();
    }

    @Transactional
    public void succeed(JobId id, long done, long total, long accepted, long rejected, String message) {
        end(id, JobState.SUCCEEDED, done, total, accepted, rejected, message);
    }

    @Transactional
    public void fail(JobId id, long done, long total, long accepted, long rejected, String message) {
        end(id, JobState.FAILED, done, total, accepted, rejected, message);
    }

    private void end(JobId id, JobState state, long done, long total, long accepted, long rejected, String message) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                UPDATE job SET state = ?, done = ?, total = ?, accepted = ?, rejected = ?, message = ?, updated_at = ?,
                finished_at = ? WHERE id = ?""")
                .params(state.name(), done, total, accepted, rejected, truncate(message), now, now, id.value()).update();
    }

    /** Picks up the jobs a previous run left queued or running. */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        List<String> ids = jdbc.sql("SELECT id FROM job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at")
                .query(String.class).list();
        for (String id : ids) {
            log.info("Resuming job {} left unfinished by the previous run", id);
            dispatch(new JobId(id));
        }
    }

    private void dispatch(JobId id) {
        JobHandler handler = handler(status(id).kind());
        TaskExecutor runner = handler != null && handler.background() ? backgroundExecutor : executor;
        if (handler == null || !handler.pressing()) {
            runner.execute(() -> runNow(id));
            return;
        }
        pressingJobs.incrementAndGet();
        try {
            runner.execute(() -> {
                try {
                    runNow(id);
                } finally {
                    pressingJobs.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pressingJobs.decrementAndGet();
            throw e;
        }
    }

    /** True while a job somebody waits for ({@link JobHandler#pressing}) is queued or running here. */
    @Override
    public boolean underWay() {
        return pressingJobs.get() > 0;
    }

    private void runNow(JobId id) {
        JobStatus job = status(id);
        JobHandler handler = handler(job.kind());
        if (handler == null) {
            fail(id, job.done(), job.total(), job.accepted(), job.rejected(), "no handler for job kind " + job.kind());
            return;
        }
        try {
            jdbc.sql("UPDATE job SET state = 'RUNNING', updated_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), id.value()).update();
            handler.run(status(id));
        } catch (RuntimeException e) {
            // an Error (out of memory …) leaves the job RUNNING: it is resumed when the application restarts
            log.error("Job {} failed", id, e);
            JobStatus now = status(id);
            fail(id, now.done(), now.total(), now.accepted(), now.rejected(), String.valueOf(e.getMessage()));
        }
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    }
}
