package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;

import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;

/**
 * The embedded search engine: a Lucene index under a local directory, analysed for Chinese with the smartcn analyser
 * (智能中文分词). Thread-safe; searches never wait for each other or for indexing.
 *
 * <p><b>Durable and visible on return.</b> {@link #index} and {@link #delete} return once the change is committed
 * and searchable, by a group commit ({@link IndexGeneration#sync}): batches written at the same time share one
 * commit and one refresh. The catalogue's events are marked complete only when the indexer returns, so the event
 * registry stays the crash-safe record of what is still to index: a crash before the commit leaves the event
 * incomplete and it is indexed again at start. (Committing on a timer instead would need a second record of what the
 * last commit covers; the group commit gives the same saving when writers overlap, without one.)
 *
 * <p><b>Generations.</b> The index root holds one directory per generation ({@code g-1}, {@code g-2}, …) and a file
 * {@code CURRENT} naming the live one (an index written before generations sits in the root itself). A
 * {@link #rebuild()} writes a new generation aside while searches use the live one; changes indexed meanwhile go to
 * the live index and are recorded, and the swap applies them to the new one after its own documents, commits it,
 * switches the searchers and only then rewrites {@code CURRENT}: a crash at any point leaves a complete index.
 *
 * <p><b>Searching</b> is {@link LuceneSearching}'s: it counts, facets and marks the hits on a searcher of the live
 * generation.
 */
public class LuceneSearchIndex implements SearchIndex {

    /** Batches at least this large are analysed in parallel (SmartChinese analysis is the costly part). */
    private static final int PARALLEL_FROM = 256;

    private final Analyzer analyzer = LuceneDocumentMapper.analyzer();
    private final LuceneSearching searching = new LuceneSearching(analyzer);
    private final IndexRoot root;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Writers hold the read side while they write (and record for a rebuild); a swap takes the write side. */
    private final ReadWriteLock swapping = new ReentrantReadWriteLock();
    private volatile IndexGeneration live;
    private volatile String liveName;
    /** The rebuild under way, if any; guarded by {@link #swapping}. */
    private LuceneRebuild rebuilding;

    public LuceneSearchIndex(Path indexRoot) {
        try {
            root = new IndexRoot(indexRoot);
            liveName = root.liveGenerationName();
            live = IndexGeneration.open(root.generationDir(liveName), analyzer);
            root.recordLiveIfUnrecorded(liveName);
            root.removeGenerationsBut(liveName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + indexRoot, e);
        }
    }

    @Override
    public boolean outdated() {
        swapping.readLock().lock();
        try {
            return live.outdated();
        } finally {
            swapping.readLock().unlock();
        }
    }

    @Override
    public void index(List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        // the last version of each document wins
        Map<String, SearchDocument> latest = new LinkedHashMap<>();
        documents.forEach(d -> latest.put(d.id(), d));
        List<SearchDocument> distinct = List.copyOf(latest.values());
        // built before anything is written, so a bad document refuses the whole batch
        List<Document> built = distinct.stream().map(LuceneDocumentMapper::toDocument).toList();
        IndexGeneration g;
        long seqNo;
        swapping.readLock().lock();
        try {
            g = live;
            // recorded first: a rebuild must get the change even when the live index refuses it (an outdated layout)
            if (rebuilding != null) {
                rebuilding.recordIndexed(distinct);
            }
            seqNo = write(g.writer, distinct, built);
        } finally {
            swapping.readLock().unlock();
        }
        sync(g, seqNo);
    }

    @Override
    public void delete(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        IndexGeneration g;
        long seqNo;
        swapping.readLock().lock();
        try {
            g = live;
            if (rebuilding != null) {
                rebuilding.recordDeleted(ids);
            }
            seqNo = g.writer.deleteDocuments(ids.stream().map(LuceneDocumentMapper::idTerm).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting failed", e);
        } finally {
            swapping.readLock().unlock();
        }
        sync(g, seqNo);
    }

    @Override
    public void clear() {
        IndexGeneration g;
        long seqNo;
        swapping.readLock().lock();
        try {
            g = live;
            seqNo = g.writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("clearing the index failed", e);
        } finally {
            swapping.readLock().unlock();
        }
        sync(g, seqNo);
    }

    /** Writes documents (analysed on all cores for a large batch); answers the last operation's sequence number. */
    private static long write(IndexWriter writer, List<SearchDocument> documents) {
        return write(writer, documents, documents.stream().map(LuceneDocumentMapper::toDocument).toList());
    }

    private static long write(IndexWriter writer, List<SearchDocument> documents, List<Document> built) {
        int parts = documents.size() < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        AtomicLong last = new AtomicLong(-1);
        IntStream.range(0, parts).parallel().forEach(part -> {
            for (int i = part; i < documents.size(); i += parts) {
                SearchDocument d = documents.get(i);
                try {
                    long seqNo = writer.updateDocument(LuceneDocumentMapper.idTerm(d.id()), built.get(i));
                    last.accumulateAndGet(seqNo, Math::max);
                } catch (IOException e) {
                    throw new UncheckedIOException("indexing failed", e);
                }
            }
        });
        return last.get();
    }

    private static void sync(IndexGeneration g, long seqNo) {
        try {
            g.sync(seqNo);
        } catch (IOException e) {
            throw new UncheckedIOException("committing the index failed", e);
        }
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** The segments searches read now (each costs a query something). */
    int segments() {
        return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
    }

    @Override
    public SearchResult search(SearchQuery q) {
        return withSearcher(searcher -> searching.search(searcher, q));
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs on a searcher of the live generation; a swap between reading it and acquiring means: take the new one. */
    private <T> T withSearcher(SearcherWork<T> work) {
        while (true) {
            IndexGeneration g = live;
            IndexSearcher searcher;
            try {
                searcher = g.acquire();
            } catch (AlreadyClosedException e) {
                if (g == live) {
                    throw e;
                }
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("search failed", e);
            }
            try {
                return work.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException("search failed", e);
            } finally {
                try {
                    g.release(searcher);
                } catch (IOException | AlreadyClosedException e) {
                    // the generation was swapped out; its reader closes with its last user
                }
            }
        }
    }

    @Override
    public Rebuild rebuild() {
        swapping.writeLock().lock();
        try {
            if (rebuilding != null) {
                throw new IllegalStateException("a rebuild of the search index is already under way");
            }
            String name = root.nextGenerationName();
            rebuilding = new LuceneRebuild(name, IndexGeneration.create(root.generationDir(name), analyzer));
            return rebuilding;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a rebuild of the search index", e);
        } finally {
            swapping.writeLock().unlock();
        }
    }

    /**
     * The new generation: the rebuild's documents go straight in; the live index's changes meanwhile are kept, the
     * latest per id, and applied last at the swap.
     */
    private final class LuceneRebuild implements Rebuild {

        private final String name;
        private final IndexGeneration target;
        /** Live changes during the rebuild: id to the latest document, or null for a deletion; guarded by itself. */
        private final Map<String, SearchDocument> changed = new LinkedHashMap<>();
        private boolean done;

        LuceneRebuild(String name, IndexGeneration target) {
            this.name = name;
            this.target = target;
        }

        void recordIndexed(List<SearchDocument> documents) {
            synchronized (changed) {
                documents.forEach(d -> {
                    changed.remove(d.id());
                    changed.put(d.id(), d);
                });
            }
        }

        void recordDeleted(List<String> ids) {
            synchronized (changed) {
                ids.forEach(id -> {
                    changed.remove(id);
                    changed.put(id, null);
                });
            }
        }

        @Override
        public void add(List<SearchDocument> documents) {
            if (done) {
                throw new IllegalStateException("this rebuild is over");
            }
            Map<String, SearchDocument> latest = new LinkedHashMap<>();
            documents.forEach(d -> latest.put(d.id(), d));
            write(target.writer, List.copyOf(latest.values()));
        }

        @Override
        public void swap() {
            try {
                target.writer.commit(); // the long fsync, while searches and the indexer go on
                IndexGeneration old;
                String oldName;
                swapping.writeLock().lock();
                try {
                    applyChanges();
                    target.writer.commit();
                    target.startSearching();
                    root.writeCurrent(name);
                    old = live;
                    oldName = liveName;
                    live = target;
                    liveName = name;
                    rebuilding = null;
                    done = true;
                } finally {
                    swapping.writeLock().unlock();
                }
                old.retire(!IndexRoot.LEGACY.equals(oldName));
                if (IndexRoot.LEGACY.equals(oldName)) {
                    root.removeLegacyFiles();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("swapping in the rebuilt search index failed", e);
            }
        }

        private void applyChanges() throws IOException {
            synchronized (changed) {
                List<SearchDocument> indexed = new ArrayList<>();
                List<Term> deleted = new ArrayList<>();
                changed.forEach((id, d) -> {
                    if (d == null) {
                        deleted.add(LuceneDocumentMapper.idTerm(id));
                    } else {
                        indexed.add(d);
                    }
                });
                target.writer.deleteDocuments(deleted.toArray(Term[]::new));
                write(target.writer, indexed);
                changed.clear();
            }
        }

        @Override
        public void close() {
            swapping.writeLock().lock();
            try {
                if (done) {
                    return;
                }
                done = true;
                rebuilding = null;
            } finally {
                swapping.writeLock().unlock();
            }
            target.close(false);
            IndexGeneration.deleteTree(target.dir);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        swapping.writeLock().lock();
        LuceneRebuild unfinished = rebuilding;
        swapping.writeLock().unlock();
        if (unfinished != null) {
            unfinished.close();
        }
        live.close(true);
    }
}
