package cn.lantai.digitization;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanBatch.State;
import cn.lantai.digitization.internal.batches.BatchFolders;
import cn.lantai.digitization.internal.batches.BatchRows;
import cn.lantai.digitization.internal.batches.ScanBatchJob;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.Jobs;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scan batches (扫描批次, DA/T 31): page images submitted as a zip or named in the inbox, checked page by page and
 * attached to their entries by 档号 (挂接) in a background job. Submitting and steering a batch need the DIGITIZE
 * right; a batch is seen and steered only by the person who submitted it (anyone else is told it does not exist), and
 * its pages go only to entries that person may see and whose fonds and category their roles reach. Every step, and
 * every refused step, is in the audit trail.
 */
@Service
public class ScanBatches {

    private final BatchRows rows;
    private final BatchFolders folders;
    private final Jobs jobs;
    private final AuditTrail trail;

    ScanBatches(BatchRows rows, BatchFolders folders, Jobs jobs, AuditTrail trail) {
        this.rows = rows;
        this.folders = folders;
        this.jobs = jobs;
        this.trail = trail;
    }

    /** The largest zip an upload may send. */
    public long maxUpload() {
        return folders.maxUpload();
    }

    /**
     * Takes a zip of page images as a new batch and starts its job.
     *
     * @throws NotPermitted  without the DIGITIZE right (403, audited)
     * @throws BatchRefused  not a zip (400), or larger than the limit (413)
     */
    @Transactional
    public ScanBatch submitZip(InputStream upload, BatchOptions options, Viewer viewer) {
        requireRight(viewer, "scan-batch:new");
        long id = rows.create(BatchFolders.ZIP, "upload.zip", options, viewer);
        folders.receive(id, upload);
        return start(id, viewer, "upload");
    }

    /**
     * Takes a folder under the inbox (a path relative to it) as a new batch, read in place, and starts its job.
     *
     * @throws BatchRefused a path that climbs out of the inbox or names no folder (400, audited)
     */
    @Transactional
    public ScanBatch submitInbox(String path, BatchOptions options, Viewer viewer) {
        requireRight(viewer, "scan-batch:new");
        String folder;
        try {
            folder = folders.inboxFolder(path);
        } catch (BatchRefused e) {
            trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "digitization.batch.refused",
                    "scan-batch:new", null, e.code() + " " + path));
            throw e;
        }
        long id = rows.create(BatchFolders.INBOX, folder, options, viewer);
        return start(id, viewer, "inbox:" + folder);
    }

    public ScanBatch batch(long id, Viewer viewer) {
        return rows.batch(id).filter(b -> b.createdBy().equals(viewer.name())).orElseThrow(() -> new BatchNotFound(id));
    }

    /** The person's batches, newest first. */
    public List<ScanBatch> batches(Viewer viewer) {
        return rows.startedBy(viewer.name(), 200);
    }

    public ScanBatch.Report report(long id, Viewer viewer) {
        ScanBatch batch = batch(id, viewer);
        List<ScanBatch.Entry> entries = rows.entries(id).stream()
                .map(e -> new ScanBatch.Entry(e.archivalCode(), e.state(), e.itemId(), e.pages(), e.acceptedPages()))
                .toList();
        return new ScanBatch.Report(batch, entries, rows.problems(id));
    }

    /** Pauses the batch after the entry it is on (409 when it is not queued or running). */
    @Transactional
    public ScanBatch pause(long id, Viewer viewer) {
        steer(id, viewer);
        if (!rows.moveState(id, State.PAUSED, State.QUEUED, State.RUNNING)) {
            throw new BatchRefused(409, "digitization.batch.not-running");
        }
        audit(viewer, "digitization.batch.pause", id, null);
        return batch(id, viewer);
    }

    /** Goes on with a paused batch from its entries still pending, in a new run of its job. */
    @Transactional
    public ScanBatch resume(long id, Viewer viewer) {
        steer(id, viewer);
        if (!rows.moveState(id, State.QUEUED, State.PAUSED)) {
            throw new BatchRefused(409, "digitization.batch.not-paused");
        }
        newRun(id, viewer);
        audit(viewer, "digitization.batch.resume", id, null);
        return batch(id, viewer);
    }

    /**
     * Checks the held entries of a finished batch again (after their files or their 页数 were corrected), with the
     * catalogue as it is now; {@code accepted} gives, per 档号, a page count the person accepts in place of the
     * entry's 页数. The entries already attached are not touched.
     */
    @Transactional
    public ScanBatch rerun(long id, Map<String, Integer> accepted, Viewer viewer) {
        steer(id, viewer);
        Map<String, Integer> counts = accepted == null ? Map.of() : accepted;
        counts.forEach((code, n) -> {
            if (code == null || n == null || n < 0 || n > 100_000) {
                throw new BatchRefused("digitization.batch.bad-accept", code, n);
            }
        });
        ScanBatch batch = batch(id, viewer);
        if (batch.state() != State.DONE) {
            throw new BatchRefused(409, "digitization.batch.not-done");
        }
        int reopened = rows.reopenHeld(id, counts);
        long held = rows.entriesIn(id, "PENDING").stream().mapToLong(e -> e.pages()).sum();
        rows.setDone(id, batch.counts().pagesTotal() - held);
        rows.moveState(id, State.QUEUED, State.DONE);
        newRun(id, viewer);
        audit(viewer, "digitization.batch.rerun", id, reopened + " held entr(y/ies); accepted " + counts);
        return batch(id, viewer);
    }

    private ScanBatch start(long id, Viewer viewer, String source) {
        newRun(id, viewer);
        audit(viewer, "digitization.batch.submit", id, source);
        return batch(id, viewer);
    }

    /** A new run of the batch's job, with the person's catalogue view as it is now (not as it was at submission). */
    private void newRun(long id, Viewer viewer) {
        rows.setViewer(id, viewer);
        JobId job = jobs.submit(ScanBatchJob.KIND, "{\"batch\":" + id + "}", viewer.name());
        rows.setJob(id, job);
    }

    private void steer(long id, Viewer viewer) {
        requireRight(viewer, "scan-batch:" + id);
        batch(id, viewer);
    }

    private void audit(Viewer viewer, String action, long id, String detail) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action, "scan-batch:" + id, null, detail));
    }

    private void requireRight(Viewer viewer, String target) {
        if (!DigitizeRight.heldBy(viewer)) {
            trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "digitization.batch.refused", target,
                    null, "digitization.batch.not-permitted"));
            throw new NotPermitted("digitization.batch.not-permitted");
        }
    }

    /** Whether the signed-in person holds the DIGITIZE right (the workbench shows the batches to them). */
    public boolean digitizes(Viewer viewer) {
        return DigitizeRight.heldBy(viewer);
    }
}
