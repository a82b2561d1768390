package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;

import cn.lantai.search.SearchDocument;
import cn.lantai.search.internal.QueryWords;
import cn.lantai.search.internal.ScanText;
import cn.lantai.search.SearchHit;
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
 * <p><b>Counting.</b> One pass over the hits fills the page (a top-N queue no deeper than
 * {@link SearchQuery#MAX_DEPTH}), counts every hit and counts the six facets from doc values ({@link FacetCounter}):
 * exactly up to {@link SearchResult#EXACT_UP_TO} hits, from a 1-in-{@value #FACET_SAMPLE_STEP} sample beyond.
 * Blank text sorted by relevance lists in index order, with nothing to score. A search without words keeps its
 * counts for the reader ({@link BrowseCounts}), so browsing the same node again reads only its page.
 */
public class LuceneSearchIndex implements SearchIndex {

    /** How much of a long text is searched for marks: as much as Solr's highlighter analyses by default. */
    private static final int MAX_ANALYSED_CHARS = 51_200;
    /** Beyond {@link SearchResult#EXACT_UP_TO} hits, facets count one hit in this many (weighing as many). */
    static final int FACET_SAMPLE_STEP = 8;
    /** Batches at least this large are analysed in parallel (SmartChinese analysis is the costly part). */
    private static final int PARALLEL_FROM = 256;

    private static final List<String> FACET_FIELDS = SearchResult.FACETS.stream()
            .map(LuceneDocumentMapper::facetField).toList();

    private final Analyzer analyzer = LuceneDocumentMapper.analyzer();
    private final LuceneQueryBuilder queries = new LuceneQueryBuilder(analyzer);
    private final IndexRoot root;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Writers hold the read side while they write (and record for a rebuild); a swap takes the write side. */
    private final ReadWriteLock swapping = new ReentrantReadWriteLock();
    private final BrowseCounts browseCounts = new BrowseCounts();
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

    @Override
    public SearchResult search(SearchQuery q) {
        return withSearcher(searcher -> search(searcher, q));
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

    private SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query query = queries.build(q);
        boolean noWords = words(q) == null;
        boolean browsing = noWords && q.sort() == SearchQuery.Sort.RELEVANCE;
        // blank text has nothing to rank: list in index order, with no score to compute
        Sort sort = browsing ? Sort.INDEXORDER : LuceneQueryBuilder.sort(q.sort());
        int wanted = Math.max(1, q.from() + q.size());
        BrowseCounts.Counted counted = noWords ? browseCounts.find(searcher.getIndexReader(), query) : null;
        ScoreDoc[] all;
        if (counted != null) {
            // counted before on this reader: the page alone, which in index order stops after its last hit
            all = searcher.search(query, new TopFieldCollectorManager(sort, wanted, null, wanted, false)).scoreDocs;
        } else {
            TopFieldCollectorManager top = new TopFieldCollectorManager(sort, wanted, null, SearchResult.EXACT_UP_TO,
                    false);
            FacetCounter counter = new FacetCounter(SearchResult.FACETS, FACET_FIELDS, SearchResult.EXACT_UP_TO,
                    FACET_SAMPLE_STEP);
            Object[] results = searcher.search(query, new MultiCollectorManager(top, FacetCounter.manager(counter)));
            all = ((TopDocs) results[0]).scoreDocs;
            counted = new BrowseCounts.Counted(counter.hits(), counter.facets(FACET_LIMIT), counter.exact());
            if (noWords) {
                browseCounts.keep(searcher.getIndexReader(), query, counted);
            }
        }
        ScoreDoc[] page = q.from() >= all.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(all, q.from(), Math.min(all.length, q.from() + q.size()));
        if (!browsing && page.length > 0) {
            scores(page, sort, searcher, query);
        }
        return new SearchResult(counted.total(), true, hits(searcher, q, page), counted.facets(),
                counted.facetsExact());
    }

    /** Relevance order keeps each hit's score as its first sort value; other orders compute the page's scores. */
    private static void scores(ScoreDoc[] page, Sort sort, IndexSearcher searcher, Query query) throws IOException {
        if (sort.getSort()[0].getType() == SortField.Type.SCORE) {
            for (ScoreDoc sd : page) {
                sd.score = (Float) ((FieldDoc) sd).fields[0];
            }
        } else {
            TopFieldCollector.populateScores(page, searcher, query);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, SearchQuery q, ScoreDoc[] page) throws IOException {
        String words = words(q);
        List<String> marked = words == null || archivalCode(q) != null ? null
                : QueryWords.marked(QueryWords.parts(words));
        RunMarks marks = marked == null ? null : new RunMarks(marked);
        StoredFields stored = searcher.storedFields();
        Set<String> fields = marks == null ? LuceneDocumentMapper.SHOWN : LuceneDocumentMapper.SHOWN_AND_MARKED;
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (ScoreDoc sd : page) {
            Document doc = stored.document(sd.doc, fields);
            Map<String, String> fragments = new LinkedHashMap<>();
            if (marks != null) {
                mark(fragments, TITLE, marks.whole(doc.get(TITLE)));
                mark(fragments, TEXT, marks.passages(analysedPart(doc.get(TEXT)), 2));
                mark(fragments, FULL_TEXT, marks.passages(analysedPart(doc.get(FULL_TEXT)), 2));
                String scans = doc.get(SCAN_TEXT);
                if (scans != null) {
                    mark(fragments, SCAN_TEXT, marks.passages(
                            analysedPart(scans.replace(ScanText.PAGE_BREAK, '\n')), 2));
                }
            }
            float score = Float.isNaN(sd.score) ? 0f : sd.score;
            Integer scanPage = fragments.containsKey(SCAN_TEXT) ? ScanText.firstPage(doc.get(SCAN_TEXT), marked)
                    : null;
            hits.add(LuceneDocumentMapper.toHit(doc, score, Map.copyOf(fragments), scanPage));
        }
        return hits;
    }

    private static void mark(Map<String, String> fragments, String field, String marked) {
        if (marked != null && !marked.isEmpty()) {
            fragments.put(field, marked);
        }
    }

    /** The part of a long text that is searched for marks (as much as Solr's highlighter analyses by default). */
    private static String analysedPart(String text) {
        return text == null || text.length() <= MAX_ANALYSED_CHARS ? text : text.substring(0, MAX_ANALYSED_CHARS);
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
