package cn.lantai.digitization;

import cn.lantai.jobs.JobId;
import java.time.Instant;
import java.util.List;

/**
 * A scan batch (扫描批次) as its submitter sees it: where it stands, its options, the job now or last running it, and
 * its counts.
 */
public record ScanBatch(long id, State state, String source, BatchOptions options, JobId job, Counts counts,
        String message, String createdBy, Instant createdAt, Instant finishedAt) {

    /** QUEUED until its job starts; PAUSED between entries when asked; DONE with every entry attached or held. */
    public enum State { QUEUED, RUNNING, PAUSED, DONE, FAILED }

    /**
     * @param pagesTotal pages (画幅) found in the batch
     * @param pagesDone  pages checked so far
     * @param entries    档号 found in the batch
     * @param attached   entries whose pages are attached
     * @param held       entries held by a blocking problem
     * @param orphans    档号 without an entry (NO_ENTRY)
     * @param problems   problems found
     */
    public record Counts(long pagesTotal, long pagesDone, int entries, int attached, int held, int orphans,
            int problems) {
    }

    /** One 档号 of the batch and what became of it. */
    public record Entry(String archivalCode, String state, Long itemId, int pages, Integer acceptedPages) {
    }

    /** The report: the batch, its entries and its problems. */
    public record Report(ScanBatch batch, List<Entry> entries, List<BatchProblem> problems) {
    }
}
