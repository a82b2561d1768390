package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;

import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;
import cn.lantai.search.internal.QueryWords;
import cn.lantai.search.internal.ScanText;
import cn.lantai.search.internal.lucene.BrowseCounts.Counted;

/**
 * One search on a searcher: the page, the total, the six facets and the marks of the hits shown.
 *
 * <p><b>Counting.</b> A search with words fills its page (a top-N queue no deeper than {@link SearchQuery#MAX_DEPTH})
 * and counts its hits and six facets from doc values ({@link FacetCounter}) in one pass, exactly up to
 * {@link SearchResult#EXACT_UP_TO} hits; beyond that the page collector skips blocks that cannot reach the page, the
 * total is a lower bound (shown as 10,000+) and the facets of the rest are estimated from windows over one id in
 * {@value #FACET_WINDOW_SHARE}. A search without words fills its page and counts in one pass, exactly up to
 * {@link SearchResult#EXACT_UP_TO} hits and from a 1-in-{@value #FACET_SAMPLE_STEP} sample beyond; blank text sorted
 * by relevance lists in index order, with nothing to score, and keeps its counts for the reader ({@link BrowseCounts}),
 * so browsing the same node again reads only its page.
 */
final class LuceneSearching {

    /** How much of a long text is searched for marks: as much as Solr's highlighter analyses by default. */
    private static final int MAX_ANALYSED_CHARS = 51_200;
    /** Beyond {@link SearchResult#EXACT_UP_TO} hits, facets count one hit in this many (weighing as many). */
    static final int FACET_SAMPLE_STEP = 8;
    /** Facets of a search with words past {@link SearchResult#EXACT_UP_TO} hits: windows over one id in this many. */
    static final int FACET_WINDOW_SHARE = 8;

    private static final List<String> FACET_FIELDS = SearchResult.FACETS.stream()
            .map(LuceneDocumentMapper::facetField).toList();

    private final LuceneQueryBuilder queries;
    private final BrowseCounts browseCounts = new BrowseCounts();

    LuceneSearching(Analyzer analyzer) {
        this.queries = new LuceneQueryBuilder(analyzer);
    }

    SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query query = queries.build(q);
        boolean noWords = words(q) == null;
        boolean relevance = q.sort() == SearchQuery.Sort.RELEVANCE;
        int wanted = Math.max(1, q.from() + q.size());
        Found found;
        if (noWords) {
            // blank text has nothing to rank: list in index order, with no score to compute
            found = browse(searcher, query, LuceneQueryBuilder.sort(q.sort()), wanted);
        } else {
            // by relevance, ties in index order: Lucene's own top-score queue, which compares a hit's score alone
            // (ties by a sort field cost a sixth of the scored query)
            TopDocsCollector<?> page = relevance
                    ? new TopScoreDocCollectorManager(wanted, null, SearchResult.EXACT_UP_TO, false).newCollector()
                    : new TopFieldCollectorManager(LuceneQueryBuilder.sort(q.sort()), wanted, null,
                            SearchResult.EXACT_UP_TO, false).newCollector();
            found = findWords(searcher, query, page);
        }
        ScoreDoc[] all = found.top();
        ScoreDoc[] page = q.from() >= all.length ? new ScoreDoc[0]
                : Arrays.copyOfRange(all, q.from(), Math.min(all.length, q.from() + q.size()));
        if (!relevance && page.length > 0) {
            TopFieldCollector.populateScores(page, searcher, query);
        }
        Counted counted = found.counted();
        return new SearchResult(counted.total(), counted.totalExact(), hits(searcher, q, page), counted.facets(),
                counted.facetsExact());
    }

    /** The first {@code wanted} hits in order, and the counts. */
    private record Found(ScoreDoc[] top, Counted counted) {
    }

    /**
     * Words: the page and the counts in one pass, which keeps the page collector's score mode, so that past
     * {@link SearchResult#EXACT_UP_TO} hits Lucene skips blocks that cannot reach the page; the total is then a lower
     * bound, and the facets of the hits not seen are estimated from windows of ids.
     */
    private Found findWords(IndexSearcher searcher, Query query, TopDocsCollector<?> page) throws IOException {
        FacetCounter counter = FacetCounter.stopping(SearchResult.FACETS, FACET_FIELDS, SearchResult.EXACT_UP_TO);
        searcher.search(query, counter.beside(page));
        counter.countRemainder(searcher, query, FACET_WINDOW_SHARE);
        TopDocs top = page.topDocs();
        boolean totalExact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        return new Found(top.scoreDocs, new Counted(top.totalHits.value, totalExact, counter.facets(FACET_LIMIT),
                counter.exact()));
    }

    /** No words: nothing to skip by score, so one pass fills the page and counts; the counts are kept for the reader. */
    private Found browse(IndexSearcher searcher, Query query, Sort sort, int wanted) throws IOException {
        Counted counted = browseCounts.find(searcher.getIndexReader(), query);
        if (counted != null) {
            // counted before on this reader: the page alone, which in index order stops after its last hit
            return new Found(searcher.search(query, new TopFieldCollectorManager(sort, wanted, null, wanted, false))
                    .scoreDocs, counted);
        }
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort, wanted, null, SearchResult.EXACT_UP_TO,
                false);
        FacetCounter counter = FacetCounter.sampling(SearchResult.FACETS, FACET_FIELDS, SearchResult.EXACT_UP_TO,
                FACET_SAMPLE_STEP);
        Object[] results = searcher.search(query, new MultiCollectorManager(top, FacetCounter.manager(counter)));
        counted = new Counted(counter.hits(), true, counter.facets(FACET_LIMIT), counter.exact());
        browseCounts.keep(searcher.getIndexReader(), query, counted);
        return new Found(((TopDocs) results[0]).scoreDocs, counted);
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
}
