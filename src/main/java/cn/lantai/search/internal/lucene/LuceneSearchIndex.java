package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchIndex;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;

/**
 * The embedded search engine: a Lucene index in a local directory, analysed for Chinese with the smartcn analyser
 * (智能中文分词). Changes are committed and made visible (near-real-time) before {@link #index} and {@link #delete}
 * return, so an acknowledged change survives a crash and is found by the next search. Thread-safe.
 */
public class LuceneSearchIndex implements SearchIndex {

    /** Fragment length and alignment, and how much of a field is analysed: Solr's unified highlighter defaults. */
    private static final int FRAGMENT_CHARS = 160;
    private static final float FRAGMENT_ALIGNMENT = 0.33f;
    private static final int MAX_ANALYSED_CHARS = 51_200;

    private final Analyzer analyzer = LuceneDocumentMapper.analyzer();
    private final LuceneQueryBuilder queries = new LuceneQueryBuilder(analyzer);
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Facet ordinal maps of the current reader, rebuilt when a refresh opens a new reader. */
    private volatile FacetStates facetStates = new FacetStates(null);

    public LuceneSearchIndex(Path indexDirectory) {
        try {
            this.directory = FSDirectory.open(Files.createDirectories(indexDirectory));
            // every index() commits: a commit must not wait for merges (Lucene's default waits up to 500 ms each)
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setMaxFullFlushMergeWaitMillis(0)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, true, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + indexDirectory, e);
        }
    }

    /** Batches at least this large are analysed in parallel (SmartChinese analysis is the costly part). */
    private static final int PARALLEL_FROM = 256;

    @Override
    public void index(List<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        // the last version of each document wins; distinct documents are analysed on all cores at once
        java.util.Map<String, SearchDocument> latest = new java.util.LinkedHashMap<>();
        documents.forEach(d -> latest.put(d.id(), d));
        List<SearchDocument> distinct = List.copyOf(latest.values());
        int parts = distinct.size() < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        try {
            java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
                for (int i = part; i < distinct.size(); i += parts) {
                    SearchDocument d = distinct.get(i);
                    try {
                        writer.updateDocument(LuceneDocumentMapper.idTerm(d.id()), LuceneDocumentMapper.toDocument(d));
                    } catch (IOException e) {
                        throw new UncheckedIOException("indexing failed", e);
                    }
                }
            });
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed", e);
        }
    }

    @Override
    public void delete(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(ids.stream().map(LuceneDocumentMapper::idTerm).toArray(Term[]::new));
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("deleting failed", e);
        }
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            commitAndRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("clearing the index failed", e);
        }
    }

    private void commitAndRefresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public long count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResult search(SearchQuery q) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, q);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query query = queries.build(q);
        int from = q.page() * q.size();
        int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
        int wanted = (int) Math.min((long) from + q.size(), maxDoc);
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, wanted,
                LuceneQueryBuilder.sort(q.sort()), true, new FacetsCollectorManager());
        FacetsCollector matching = result.facetsCollector();
        long total = matching.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();

        ScoreDoc[] all = result.topDocs().scoreDocs;
        List<ScoreDoc> page = from >= all.length ? List.of()
                : List.of(all).subList(from, Math.min(all.length, from + q.size()));
        List<SearchHit> hits = hits(searcher, q, page);
        return new SearchResult(total, hits, facets(searcher.getIndexReader(), matching));
    }

    private List<SearchHit> hits(IndexSearcher searcher, SearchQuery q, List<ScoreDoc> page) throws IOException {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> highlights = Map.of();
        if (words(q) != null) {
            // the highlighted fields hold bigrams with offsets: the highlighter reads the postings, never re-analyses
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "… ", true))
                    .withMaxNoHighlightPassages(0)
                    .withMaxLength(MAX_ANALYSED_CHARS)
                    .withBreakIterator(() -> LengthGoalBreakIterator.createMinLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), FRAGMENT_CHARS, FRAGMENT_ALIGNMENT))
                    .build();
            TopDocs pageDocs = new TopDocs(new TotalHits(page.size(), TotalHits.Relation.EQUAL_TO),
                    page.toArray(ScoreDoc[]::new));
            highlights = highlighter.highlightFields(HIGHLIGHTED.toArray(String[]::new), queries.highlightQuery(q),
                    pageDocs, new int[] {1, 2, 2});
        }
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            ScoreDoc sd = page.get(i);
            Document doc = searcher.storedFields().document(sd.doc);
            Map<String, String> fragments = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> e : highlights.entrySet()) {
                String fragment = e.getValue()[i];
                if (fragment != null && !fragment.isEmpty()) {
                    fragments.put(e.getKey(), joinAdjacentMarks(fragment));
                }
            }
            float score = Float.isNaN(sd.score) ? 0f : sd.score;
            hits.add(LuceneDocumentMapper.toHit(doc, score, Map.copyOf(fragments)));
        }
        return hits;
    }

    private Map<String, Map<String, Long>> facets(IndexReader reader, FacetsCollector matching) throws IOException {
        FacetStates states = facetStates;
        if (states.reader != reader) {
            states = new FacetStates(reader);
            facetStates = states;
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String dimension : SearchResult.FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            String field = LuceneDocumentMapper.facetField(dimension);
            FacetResult top = new StringValueFacetCounts(states.state(field), matching).getTopChildren(FACET_LIMIT,
                    field);
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    counts.put(lv.label, lv.value.longValue());
                }
            }
            facets.put(dimension, counts);
        }
        return facets;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the search index failed", e);
        }
    }

    /** Per-reader facet state (an ordinal map per facet field); cheap to keep, costly to rebuild per search. */
    private static final class FacetStates {
        private final IndexReader reader;
        private final Map<String, StringDocValuesReaderState> byField = new ConcurrentHashMap<>();

        FacetStates(IndexReader reader) {
            this.reader = reader;
        }

        StringDocValuesReaderState state(String field) throws IOException {
            StringDocValuesReaderState state = byField.get(field);
            if (state == null) {
                state = new StringDocValuesReaderState(reader, field);
                byField.put(field, state);
            }
            return state;
        }
    }
}
