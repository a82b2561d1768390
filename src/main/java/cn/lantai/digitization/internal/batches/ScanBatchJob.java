package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchProblem.Code;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatch.State;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.batches.BatchRows.EntryRow;
import cn.lantai.digitization.internal.batches.PageChecks.Checked;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scan batch (job kind {@value #KIND}): prepares it once (unpacks the zip, names its files by 档号, one row per
 * 档号), then checks and attaches or holds each pending 档号 in a transaction of its own with the progress, and looks
 * across the batch at its end (duplicate pages, entries of the scope without images). Pausing is seen between
 * entries; a run started again (a restart, a resume, a re-run) goes on from the entries still pending, and an entry
 * interrupted between the store and the database deposits nothing twice (see {@link Attaching}).
 *
 * <p>The checks (copy and hash, decode, blank and skew looks) are the batch's heavy part and read only the entry's own
 * files: they run ahead on a pool sized to the cores, at most {@link #AHEAD_PER_CORE} entries a core ahead of the one
 * being attached, while the job thread attaches strictly in order, one transaction an entry, as before. Checks run
 * ahead of a pause are thrown away: the entries stay pending and are checked again when the batch goes on.
 */
@Component
public class ScanBatchJob implements JobHandler {

    public static final String KIND = "scan-batch";
    private static final Logger log = LoggerFactory.getLogger(ScanBatchJob.class);
    /** Entries checked ahead of the one being attached, per core: bounds the memory the checks hold. */
    public static final int AHEAD_PER_CORE = 2;
    private static final AtomicInteger CHECKERS = new AtomicInteger();

    private final BatchRows rows;
    private final BatchFolders folders;
    private final Jobs jobs;
    private final CatalogManagement catalog;
    private final PageLedger ledger;
    private final Attaching attaching;
    private final EntryLocks locks;
    private final MessageSource messages;
    private final PageOrientations orientations;
    private final TransactionTemplate tx;
    private final Map<Long, ReentrantLock> running = new ConcurrentHashMap<>();
    private final int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    private final ThreadPoolExecutor checkers = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "scan-check-" + CHECKERS.incrementAndGet());
                t.setDaemon(true);
                return t;
            },
            // once the pool is shut down (the application stopping) the job thread checks the entry itself, as it
            // did before there was a pool: a check handed over is never dropped unrun, so no one waits on it forever
            (task, pool) -> task.run());

    ScanBatchJob(BatchRows rows, BatchFolders folders, Jobs jobs, CatalogManagement catalog, PageLedger ledger,
            Attaching attaching, EntryLocks locks, MessageSource messages, PageOrientations orientations,
            PlatformTransactionManager transactions) {
        this.messages = messages;
        this.rows = rows;
        this.folders = folders;
        this.jobs = jobs;
        this.catalog = catalog;
        this.ledger = ledger;
        this.attaching = attaching;
        this.locks = locks;
        this.orientations = orientations;
        this.tx = new TransactionTemplate(transactions);
        this.checkers.allowCoreThreadTimeOut(true);
    }

    /** Lets the checks handed over finish (a few entries at most): a check cut short would fail its batch. */
    @PreDestroy
    void stop() {
        checkers.shutdown();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String reportLink(JobId id) {
        return rows.byJob(id).map(batch -> "/api/v1/scan-batches/" + batch + "/report").orElse(null);
    }

    @Override
    public void run(JobStatus job) {
        Optional<Long> found = rows.byJob(job.id());
        if (found.isEmpty()) {
            // a run that a resume or re-run replaced: the batch now belongs to its newer job
            jobs.succeed(job.id(), 0, 0, 0, 0, zh("digitization.batch.job.superseded"));
            return;
        }
        long id = found.get();
        ReentrantLock lock = running.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            runLocked(job.id(), id);
        } finally {
            lock.unlock();
        }
    }

    private void runLocked(JobId job, long id) {
        ScanBatch batch = rows.batch(id).orElseThrow();
        if (batch.state() != State.QUEUED && batch.state() != State.RUNNING) {
            end(job, id, batch.state() == State.PAUSED ? "paused" : batch.state().name().toLowerCase());
            return;
        }
        if (!rows.moveState(id, State.RUNNING, State.QUEUED, State.RUNNING)) {
            end(job, id, "paused");
            return;
        }
        try {
            Path root = prepare(id, batch.source());
            Viewer viewer = rows.viewer(id);
            EntryLookup lookup = new EntryLookup(catalog, viewer);
            Path staging = BatchFolders.INBOX.equals(batch.source()) ? folders.staging(id) : null;
            ScanBatch.Counts before = rows.batch(id).orElseThrow().counts();
            int[] tally = {before.attached(), before.held()};
            if (!entries(id, job, root, staging, batch.options(), lookup, viewer, tally)) {
                end(job, id, "paused");
                return;
            }
            tx.executeWithoutResult(s -> finish(id, batch.options(), lookup));
            if (rows.entriesIn(id, "HELD").isEmpty()) {
                folders.removeWork(id);
            }
            end(job, id, "done");
        } catch (BatchFailure e) {
            log.info("Scan batch {} refused: {}", id, e.getMessage());
            String reason = zh(e.key(), e.args());
            rows.setState(id, State.FAILED, reason);
            removeFailedWork(id, batch.source());
            ScanBatch.Counts c = rows.batch(id).orElseThrow().counts();
            jobs.fail(job, c.pagesDone(), c.pagesTotal(), c.attached(), c.held(), reason);
        } catch (RuntimeException e) {
            rows.setState(id, State.FAILED, String.valueOf(e.getMessage()));
            removeFailedWork(id, batch.source());
            throw e;
        }
    }

    /**
     * A failed batch is never run again (a re-run takes only a finished one), so its upload and what was unpacked of
     * it would stay on disk for good: they go at once. An inbox folder is the bureau's and stays.
     */
    private void removeFailedWork(long id, String source) {
        if (BatchFolders.ZIP.equals(source)) {
            try {
                folders.removeWork(id);
            } catch (RuntimeException e) {
                log.warn("Scan batch {}: its work folder could not be removed: {}", id, e.toString());
            }
        }
    }

    /** Unpacks and names the batch once; a preparation cut short is done again from the start. */
    private Path prepare(long id, String source) {
        Path root = folders.pages(id, source, rows.sourcePath(id));
        if (rows.prepared(id)) {
            return root;
        }
        List<BatchProblem> problems = new ArrayList<>();
        if (BatchFolders.ZIP.equals(source)) {
            folders.clearPages(id);
            problems.addAll(folders.unzip(id));
        }
        BatchNaming.Named named = BatchNaming.name(root);
        problems.addAll(named.problems());
        tx.executeWithoutResult(s -> {
            rows.forgetPreparation(id);
            long total = 0;
            for (Map.Entry<String, List<BatchFile>> e : named.codes().entrySet()) {
                int pages = BatchFolders.pageCount(root, e.getValue());
                total += pages;
                rows.addEntry(id, e.getKey(), "PENDING", e.getValue(), pages);
            }
            problems.forEach(p -> rows.addProblem(id, null, p));
            rows.markPrepared(id, total);
        });
        return root;
    }

    /** An entry whose checks were started: its row, its catalogue entry, its state so far and its checks. */
    private record Ahead(EntryRow entry, Optional<Item> item, String state, FutureTask<Checked> checked,
            Path staging) {
    }

    /**
     * Attaches or holds the pending entries in order, their checks running ahead on the pool; false when the batch
     * was paused (or taken over by another run) before it got through them. Whatever ends the loop, the checks still
     * queued are dropped and those running are waited for before their staged copies are removed.
     */
    private boolean entries(long id, JobId job, Path root, Path staging, BatchOptions options, EntryLookup lookup,
            Viewer viewer, int[] tally) {
        List<EntryRow> pending = rows.entriesIn(id, "PENDING");
        int window = AHEAD_PER_CORE * cores;
        Deque<Ahead> ahead = new ArrayDeque<>();
        int next = 0;
        if (staging != null) {
            // copies left by a run that stopped without its clean-up (the process killed): each entry's folder is new
            folders.clearStaging(id);
        }
        try {
            for (int i = 0; i < pending.size(); i++) {
                while (next < pending.size() && ahead.size() < window) {
                    ahead.add(start(pending.get(next), next, root, staging, options, lookup));
                    next++;
                }
                BatchRows.Steering now = rows.steering(id);
                if (now.state() != State.RUNNING || !job.equals(now.job())) {
                    return false;
                }
                Ahead entry = ahead.poll();
                try {
                    entry(id, job, entry, options, viewer, tally);
                } finally {
                    if (entry.staging() != null) {
                        folders.clearStaging(entry.staging());
                    }
                }
            }
            return true;
        } finally {
            for (Ahead a : ahead) {
                if (!checkers.remove(a.checked())) {
                    try {
                        waitFor(a.checked());
                    } catch (ExecutionException e) {
                        // a check thrown away: the entry stays pending and is checked again
                    }
                }
            }
            if (staging != null) {
                folders.clearStaging(id);
            }
        }
    }

    /** Looks the entry up (here, in order) and starts its checks on the pool. */
    private Ahead start(EntryRow entry, int index, Path root, Path batchStaging, BatchOptions options,
            EntryLookup lookup) {
        String code = entry.archivalCode();
        Optional<Item> item = entry.files().isEmpty() ? Optional.empty() : lookup.find(code);
        Path staging = batchStaging == null ? null : batchStaging.resolve(Integer.toString(index));
        PageChecks checks = new PageChecks(folders.maxFileBytes(), staging);
        FutureTask<Checked> task;
        String state;
        if (entry.files().isEmpty()) {
            task = new FutureTask<>(() -> checks.check(root, code, entry.files(), options, null));
            state = "SKIPPED";
        } else if (item.isEmpty()) {
            task = new FutureTask<>(() -> new Checked(List.of(), List.of(BatchProblem.of(Code.NO_ENTRY, code,
                    place(entry), null, "no-entry"))));
            state = "ORPHAN";
        } else {
            Integer expected = entry.acceptedPages() != null ? entry.acceptedPages() : EntryLookup.pages(item.get());
            task = new FutureTask<>(() -> checks.check(root, code, entry.files(), options, expected));
            state = null;
        }
        if (state == null) {
            checkers.execute(task);
        } else {
            task.run();
        }
        return new Ahead(entry, item, state, task, staging);
    }

    private void entry(long id, JobId job, Ahead ahead, BatchOptions options, Viewer viewer, int[] tally) {
        EntryRow entry = ahead.entry();
        String code = entry.archivalCode();
        Optional<Item> item = ahead.item();
        Checked checked = result(ahead.checked());
        String state = ahead.state() != null ? ahead.state() : checked.blocked() ? "HELD" : "ATTACHED";
        // the pages' orientation is read before the entry's transaction: it runs the OCR engine
        List<Integer> turns = "ATTACHED".equals(state) ? orientations.turns(checked.pages(), options) : List.of();
        List<String> digests = checked.pages().stream()
                .map(p -> p.sha256() + "|" + p.file().file() + "|" + (p.file().whole() ? "" : p.file().number()))
                .distinct().toList();
        String finalState = state;
        Runnable commit = () -> tx.executeWithoutResult(s -> {
            if ("ATTACHED".equals(finalState)) {
                // another batch attaching the same entry waits here until this one's ledger is committed
                locks.inTransaction(item.get().id());
                attaching.deposit(id, item.get(), code, checked.pages(), options, checked.problems(),
                        viewer.name());
                attaching.record(item.get(), code, checked.pages(), turns, viewer.name());
            }
            rows.forgetProblems(id, code);
            checked.problems().forEach(p -> rows.addProblem(id, code, p));
            rows.finishEntry(id, code, finalState, item.map(i -> i.id().value()).orElse(null), digests);
            rows.addDone(id, entry.pages());
            tally[0] += "ATTACHED".equals(finalState) ? 1 : 0;
            tally[1] += "HELD".equals(finalState) ? 1 : 0;
            BatchRows.Steering now = rows.steering(id);
            jobs.progress(job, "checking", now.pagesDone(), now.pagesTotal(), tally[0], tally[1]);
        });
        if ("ATTACHED".equals(state)) {
            locks.inProcess(item.get().id(), commit);
        } else {
            commit.run();
        }
    }

    /** The checks' result, waited for as the job thread waited for them when it ran them itself (not interrupted). */
    private static Checked result(FutureTask<Checked> task) {
        try {
            return waitFor(task);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Checked waitFor(FutureTask<Checked> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Across the batch: the same file content twice, and the scope's entries that got no images. */
    private void finish(long id, BatchOptions options, EntryLookup lookup) {
        rows.forgetBatchProblems(id, List.of(Code.DUPLICATE_PAGE, Code.NO_IMAGES));
        List<EntryRow> entries = rows.entries(id);
        Map<String, String> firstBySha = new LinkedHashMap<>();
        for (EntryRow e : entries) {
            for (String d : e.digests()) {
                String[] parts = d.split("\\|", -1);
                String before = firstBySha.putIfAbsent(parts[0], parts[1]);
                if (before != null && !before.equals(parts[1])) {
                    rows.addProblem(id, null, BatchProblem.of(Code.DUPLICATE_PAGE, e.archivalCode(), parts[1],
                            parts[2].isEmpty() ? null : Integer.valueOf(parts[2]), "duplicate-page", before));
                }
            }
        }
        if (options.scope() != null) {
            Set<String> inBatch = new HashSet<>();
            entries.forEach(e -> inBatch.add(e.archivalCode()));
            lookup.under(options.scope(), items -> {
                for (Item i : items) {
                    String code = ArchivalCode.normalise(i.archivalCode()).orElse(i.archivalCode());
                    if (!inBatch.contains(code) && ledger.pages(i.id()).isEmpty()) {
                        rows.addProblem(id, null, BatchProblem.of(Code.NO_IMAGES, code, null, null,
                                "no-images-in-scope", options.scope()));
                    }
                }
            });
        }
    }

    private void end(JobId job, long id, String how) {
        ScanBatch b = rows.batch(id).orElseThrow();
        if ("done".equals(how)) {
            rows.setState(id, State.DONE, null);
            rows.setDone(id, b.counts().pagesTotal());
        }
        ScanBatch.Counts c = rows.batch(id).orElseThrow().counts();
        jobs.succeed(job, c.pagesDone(), c.pagesTotal(), c.attached(), c.held(), zh("digitization.batch.job." + how));
    }

    /** Job and batch messages are stored as words, in the bundles' default language (zh-CN), as the other jobs' are. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static String place(EntryRow entry) {
        BatchFile first = entry.files().get(0);
        if (first.whole()) {
            return first.file();
        }
        int slash = first.file().lastIndexOf('/');
        return entry.files().size() == 1 || slash < 0 ? first.file() : first.file().substring(0, slash);
    }
}
