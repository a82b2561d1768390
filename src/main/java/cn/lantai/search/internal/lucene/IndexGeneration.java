package cn.lantai.search.internal.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One complete Lucene index in its own directory under the index root, with its writer and its searchers. The live
 * generation answers searches; a rebuild fills a new one aside and swaps it in.
 *
 * <p><b>Group commit.</b> {@link #sync(long)} returns once the writer's operations up to a sequence number are
 * committed (durable) and visible to searches. Whoever finds no commit running commits everything written so far and
 * refreshes the searchers once; callers arriving meanwhile wait and are covered by the next commit, so concurrent
 * batches (the indexer, a rebuild's live updates, several writers) share one fsync and one refresh instead of one
 * each. A retired generation releases its waiters: their changes went into the generation that replaced it.
 */
final class IndexGeneration {

    final Path dir;
    final Directory directory;
    final IndexWriter writer;
    private final SettlingMergePolicy merges = SettlingMergePolicy.create();
    private SearcherManager searchers;

    private final Object syncLock = new Object();
    /** Highest sequence number committed and visible; guarded by syncLock. */
    private long synced = -1;
    private boolean syncing;
    private boolean retired;

    private IndexGeneration(Path dir, Analyzer analyzer, IndexWriterConfig.OpenMode mode) throws IOException {
        this.dir = dir;
        this.directory = FSDirectory.open(Files.createDirectories(dir));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                // a commit must not wait for merges (Lucene's default waits up to 500 ms each)
                .setMaxFullFlushMergeWaitMillis(0)
                .setMergePolicy(merges)
                // segments written before it keep their own codec; merges rewrite them in this one
                .setCodec(new LantaiCodec())
                .setRAMBufferSizeMB(64);
        try {
            this.writer = new IndexWriter(directory, config);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        merges.attach(writer, this::publishMerges);
        if (writer.getDocStats().maxDoc == 0) {
            writer.setLiveCommitData(Map.of(LAYOUT, LuceneDocumentMapper.LAYOUT).entrySet());
        }
    }

    /** Commit data naming the layout of fields the documents were written in ({@link LuceneDocumentMapper#LAYOUT}). */
    private static final String LAYOUT = "lantai.layout";

    /**
     * True when this generation holds documents written in an older layout of fields: Lucene refuses to mix field
     * settings in one index, so it takes no new documents until a rebuild replaces it.
     */
    boolean outdated() {
        if (writer.getDocStats().maxDoc == 0) {
            return false;
        }
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (LAYOUT.equals(e.getKey())) {
                    return !LuceneDocumentMapper.LAYOUT.equals(e.getValue());
                }
            }
        }
        return true;
    }

    /** The generation in {@code dir}, created if empty, searchable at once. */
    static IndexGeneration open(Path dir, Analyzer analyzer) throws IOException {
        IndexGeneration g = new IndexGeneration(dir, analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        g.startSearching();
        return g;
    }

    /** A new, empty generation for a rebuild: written to, not searched until {@link #startSearching()}. */
    static IndexGeneration create(Path dir, Analyzer analyzer) throws IOException {
        return new IndexGeneration(dir, analyzer, IndexWriterConfig.OpenMode.CREATE);
    }

    void startSearching() throws IOException {
        searchers = new SearcherManager(writer, true, false, null);
    }

    /** A searcher to {@link #release}; throws {@link AlreadyClosedException} once the generation was swapped out. */
    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Returns once every operation up to {@code seqNo} is committed and visible to searches (group commit). */
    void sync(long seqNo) throws IOException {
        merges.written();
        commitUpTo(seqNo);
    }

    /** Commits and refreshes though nothing was written: merges finished since the last commit become searched. */
    private void publishMerges() {
        if (searchers == null) {
            return; // a rebuild's generation: committed as it is filled, searched once swapped in
        }
        try {
            commitUpTo(Long.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            // the next write commits them
        }
    }

    private void commitUpTo(long seqNo) throws IOException {
        synchronized (syncLock) {
            while (synced < seqNo && !retired && syncing) {
                try {
                    syncLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the index committed", e);
                }
            }
            if (synced >= seqNo || retired) {
                return;
            }
            syncing = true;
        }
        long reached = -1;
        try {
            reached = writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (AlreadyClosedException e) {
            synchronized (syncLock) {
                if (!retired) {
                    throw e;
                }
            }
        } finally {
            synchronized (syncLock) {
                syncing = false;
                synced = Math.max(synced, reached);
                syncLock.notifyAll();
            }
        }
    }

    /**
     * Takes this generation out of service after a swap: waiters are released, a running commit is let finish,
     * then writer and searchers close and the directory is deleted (open searches keep their files: they are
     * open already).
     */
    void retire(boolean deleteFiles) {
        synchronized (syncLock) {
            retired = true;
            syncLock.notifyAll();
            while (syncing) {
                try {
                    syncLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close(false);
        if (deleteFiles) {
            deleteTree(dir);
        }
    }

    /** Closes; {@code commit} false drops what was not committed (an abandoned rebuild, a retired generation). */
    void close(boolean commit) {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (commit) {
                writer.close();
            } else {
                writer.rollback();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the search index in " + dir + " failed", e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left for the next start's clean-up
                }
            });
        } catch (IOException e) {
            // left for the next start's clean-up
        }
    }
}
