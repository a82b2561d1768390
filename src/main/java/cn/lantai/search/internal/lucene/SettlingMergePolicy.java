package cn.lantai.search.internal.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Lucene's tiered merging, lax while documents keep coming and tight once the index has been quiet for
 * {@value #QUIET_MILLIS} ms. Every committed batch flushes a small segment. A query pays for each segment, so a settled
 * index keeps four segments to a tier (Lucene's default is ten); but merging that tightly while an import streams in
 * rewrites the same documents again and again, and on two cores the merges took most of the processor from the import
 * (100,000 rows searchable after 58 s against 41 s with ten to a tier, docs/BENCHMARKS.md). So writes get ten to a
 * tier, and the first quiet moment merges down to four, when nobody is waiting for the index; once those merges are
 * done, {@code onSettled} commits them and lets searches see the merged segments.
 *
 * <p>Settled, the tiers still leave the small segments of the last batches be (an import of 100,000 rows ended with two
 * large segments and six of about 500 documents each), and every segment costs each query the same: its terms looked
 * up, its scorers and doc-values readers opened. So once the tiers have nothing to merge, the segments under
 * {@value #TAIL_MB} MB (the floor below which Lucene 10's tiered policy merges freely) are merged into one: on that
 * index 8 segments became 2 and a words search took 0.80 ms instead of 0.95 in process (the public search 0.79 instead
 * of 0.99). An archivist's edit afterwards rewrites at most that much.
 */
final class SettlingMergePolicy extends FilterMergePolicy {

    private static final long QUIET_MILLIS = 3_000;
    /** Segments under this size are merged into one once the index is settled. */
    private static final int TAIL_MB = 16;
    /** At most this many small segments go into one merge; the next merge takes the rest. */
    private static final int TAIL_MAX_SEGMENTS = 30;

    /** One thread for every index in the process: it only looks at the clock and asks a writer to merge. */
    private static final ScheduledExecutorService SETTLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-index-settler");
        t.setDaemon(true);
        return t;
    });

    private final TieredMergePolicy whileWriting;
    private IndexWriter writer;
    private Runnable onSettled;
    /** When the last batch was written; guarded by this. */
    private long lastWrite;
    private boolean writing;

    private SettlingMergePolicy(TieredMergePolicy settled, TieredMergePolicy whileWriting) {
        super(settled);
        this.whileWriting = whileWriting;
    }

    /** Four segments a tier when settled, ten while writing. */
    static SettlingMergePolicy create() {
        TieredMergePolicy settled = new TieredMergePolicy();
        settled.setSegmentsPerTier(4);
        return new SettlingMergePolicy(settled, new TieredMergePolicy());
    }

    /** The writer to merge down once quiet, and what publishes its merges when they are done. */
    synchronized void attach(IndexWriter writer, Runnable onSettled) {
        this.writer = writer;
        this.onSettled = onSettled;
    }

    /** A batch was written: merge laxly until the index has been quiet a while, then settle. */
    synchronized void written() {
        lastWrite = System.nanoTime();
        if (!writing) {
            writing = true;
            SETTLER.schedule(this::settleIfQuiet, QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** True while batches keep coming (merging ten to a tier). */
    synchronized boolean writing() {
        return writing;
    }

    private void settleIfQuiet() {
        IndexWriter toMerge;
        synchronized (this) {
            long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWrite);
            if (quietFor < QUIET_MILLIS) {
                SETTLER.schedule(this::settleIfQuiet, QUIET_MILLIS - quietFor, TimeUnit.MILLISECONDS);
                return;
            }
            writing = false;
            toMerge = writer;
        }
        if (toMerge == null) {
            return;
        }
        try {
            toMerge.maybeMerge();
            awaitMerges(toMerge);
        } catch (AlreadyClosedException | IOException e) {
            // the generation was closed or swapped out meanwhile: nothing left to settle
        }
    }

    /** Publishes once the writer's merges are done, unless writing began again (its own quiet moment settles it). */
    private void awaitMerges(IndexWriter toMerge) {
        if (writing()) {
            return;
        }
        boolean merging;
        synchronized (toMerge) { // the writer's own lock: a finished merge and the merge it cascades to, seen at once
            merging = toMerge.hasPendingMerges() || !toMerge.getMergingSegments().isEmpty();
        }
        if (merging) {
            SETTLER.schedule(() -> awaitMerges(toMerge), 500, TimeUnit.MILLISECONDS);
            return;
        }
        onSettled.run();
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        if (writing()) {
            return whileWriting.findMerges(trigger, infos, context);
        }
        MergeSpecification tiers = in.findMerges(trigger, infos, context);
        return tiers != null ? tiers : tail(infos, context);
    }

    /** The small segments not already merging, smallest first, as one merge; null when fewer than two. */
    private MergeSpecification tail(SegmentInfos infos, MergeContext context) throws IOException {
        Set<SegmentCommitInfo> merging = context.getMergingSegments();
        List<SegmentCommitInfo> small = new ArrayList<>();
        for (SegmentCommitInfo info : infos) {
            if (!merging.contains(info) && size(info, context) < TAIL_MB * 1024L * 1024L) {
                small.add(info);
            }
        }
        if (small.size() < 2) {
            return null;
        }
        small.sort(Comparator.comparingLong(info -> info.info.maxDoc()));
        MergeSpecification spec = new MergeSpecification();
        spec.add(new OneMerge(small.subList(0, Math.min(small.size(), TAIL_MAX_SEGMENTS))));
        return spec;
    }
}
