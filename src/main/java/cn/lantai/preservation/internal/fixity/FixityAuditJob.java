package cn.lantai.preservation.internal.fixity;

import cn.lantai.catalog.ItemId;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fixity audit as a background job: every object of the store, in the order of record ids, audited by a pool of
 * as many readers as there are processors (the digests are CPU-bound). Each object's results commit as soon as it is
 * done, with the object marked finished, so failures are visible at once and a run interrupted by a restart goes on
 * with the objects it has not finished, keeping what it found. Objects stored after the run started are audited if
 * the run has not passed them. The one PREMIS event per object is appended before its results commit: a crash in
 * between audits that object again on resumption (two events for it, never none).
 */
@Component
public class FixityAuditJob implements JobHandler {

    public static final String KIND = "fixity-audit";
    private static final Logger log = LoggerFactory.getLogger(FixityAuditJob.class);
    private static final int OBJECTS_PER_ROUND = 64;

    private final ArchivalStore store;
    private final ObjectAuditor auditor;
    private final FixityRuns runs;
    private final Jobs jobs;
    private final int readers = Runtime.getRuntime().availableProcessors();

    FixityAuditJob(ArchivalStore store, ObjectAuditor auditor, FixityRuns runs, Jobs jobs) {
        this.store = store;
        this.auditor = auditor;
        this.runs = runs;
        this.jobs = jobs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** An audit of the whole store runs for hours at a million objects: the store's other upkeep does not wait for it. */
    @Override
    public boolean pressing() {
        return false;
    }

    @Override
    public void run(JobStatus job) {
        JobId id = job.id();
        try {
            long[] records = recordIds();
            runs.total(id, records.length);
            Set<Long> finished = runs.finishedObjects(id);
            long[] pending = Arrays.stream(records).filter(r -> !finished.contains(r)).toArray();
            long done = records.length - pending.length;
            ExecutorService pool = Executors.newFixedThreadPool(readers, readerThreads());
            try {
                int round = readers * OBJECTS_PER_ROUND;
                for (int from = 0; from < pending.length; from += round) {
                    long[] batch = Arrays.copyOfRange(pending, from, Math.min(pending.length, from + round));
                    awaitAll(pool.invokeAll(LongStream.of(batch).mapToObj(r -> (Callable<ObjectAudit>)
                            () -> auditObject(id, job.createdBy(), new ItemId(r))).toList()));
                    done += batch.length;
                    jobs.progress(id, "fixity", done, records.length, 0, 0);
                }
            } catch (InterruptedException stopping) {
                // the application is stopping: the run stays RUNNING with its resume point and goes on at the next start
                Thread.currentThread().interrupt();
                log.info("Fixity audit {} stopped after {} of {} objects; it goes on at the next start", id, done,
                        records.length);
                return;
            } finally {
                pool.shutdownNow();
            }
            long failed = runs.run(id).map(FixityRuns.Run::failures).orElse(0L);
            runs.finish(id);
            jobs.succeed(id, done, records.length, 0, failed,
                    failed == 0 ? "fixity.ok" : "fixity.failures");
        } catch (RuntimeException e) {
            runs.finish(id);
            throw e;
        }
    }

    /**
     * Audits one object for the run, appends its PREMIS event and commits its results. An object whose history cannot
     * be written (its PREMIS file is the damaged one) keeps its failures all the same.
     */
    public ObjectAudit auditObject(JobId run, String actor, ItemId record) {
        ObjectAudit audit = auditor.audit(record);
        try {
            store.recordEvents(record, audit.events(run), actor);
        } catch (RuntimeException e) {
            log.warn("Fixity audit {}: cannot append the PREMIS event of record {}: {}", run, record, e.toString());
        }
        runs.objectFinished(run, actor, audit);
        if (!audit.failures().isEmpty()) {
            log.error("Fixity audit {}: record {} failed: {}", run, record, audit.failures());
        }
        return audit;
    }

    private long[] recordIds() {
        try (Stream<ItemId> ids = store.records()) {
            return ids.mapToLong(ItemId::value).sorted().toArray();
        }
    }

    private static void awaitAll(List<Future<ObjectAudit>> futures) throws InterruptedException {
        List<Throwable> errors = new ArrayList<>();
        for (Future<ObjectAudit> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                errors.add(e.getCause());
            }
        }
        if (!errors.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("fixity audit stopped: " + errors.get(0), errors.get(0));
            errors.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }

    private static ThreadFactory readerThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "fixity-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
