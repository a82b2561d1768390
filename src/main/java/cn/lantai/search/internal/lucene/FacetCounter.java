package cn.lantai.search.internal.lucene;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import cn.lantai.search.internal.SearchFields;

/**
 * Counts matching documents and, in the same pass, the values of all facet dimensions: per segment, one {@code int}
 * per ordinal of each dimension's {@link SortedDocValues}, turned into labels only for the ordinals that were hit when
 * the segment is done. No global ordinal map is built, so a refresh costs nothing here (Lucene's
 * {@code StringValueFacetCounts} needs one per reader and walks the hits once per dimension). The matching documents
 * are the query's, whose FILTER clauses hold the viewer's clearance, so nothing the viewer may not see is ever
 * counted. One instance per search; segments are collected one after the other.
 *
 * <p>Both kinds count the first {@code exactUpTo} hits exactly. Beyond them:
 * <ul>
 * <li>{@linkplain #sampling sampling}, for a search that visits every hit anyway (browsing): every hit is counted in
 * the total, and about one in {@code sampleStep}, chosen by a hash of the document, in the facets, weighing
 * {@code sampleStep};</li>
 * <li>{@linkplain #stopping stopping}, for a search with words whose page collector, counted {@linkplain #beside
 * beside} it, skips blocks that cannot reach the page once it has seen as many hits: counting stops where it stopped
 * seeing them all, and {@link #countRemainder} estimates the rest of the ids from evenly spread windows of
 * {@value #WINDOW} ids, each window's hits weighing as many as the window's share of the rest. The query visits about
 * one document in {@code windowShare} there, found by the postings' skip lists, not by walking every hit.</li>
 * </ul>
 */
final class FacetCounter implements Collector {

    /** Width of one window of {@link #countRemainder}, in document ids. */
    static final int WINDOW = 64;

    private final List<String> dimensions;
    private final List<String> fields;
    private final int exactUpTo;
    private final boolean stopping;
    private final int sampleStep;
    private final int sampleBound;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private double hits;
    /** Where a stopping counter stopped: the segment and the first hit it did not count; -1 while counting. */
    private int stopLeaf = -1;
    private int stopDoc;

    private FacetCounter(List<String> dimensions, List<String> fields, int exactUpTo, boolean stopping,
            int sampleStep) {
        this.dimensions = List.copyOf(dimensions);
        this.fields = List.copyOf(fields);
        this.exactUpTo = exactUpTo;
        this.stopping = stopping;
        this.sampleStep = Math.max(1, sampleStep);
        this.sampleBound = (int) (0x1_0000_0000L / this.sampleStep);
        dimensions.forEach(d -> counts.put(d, new HashMap<>()));
    }

    /**
     * Counts every hit; the facets of the first {@code exactUpTo} exactly, then one hit in {@code sampleStep}.
     *
     * @param dimensions facet names as the result reports them
     * @param fields the doc-values field of each dimension, in the same order
     */
    static FacetCounter sampling(List<String> dimensions, List<String> fields, int exactUpTo, int sampleStep) {
        return new FacetCounter(dimensions, fields, exactUpTo, false, sampleStep);
    }

    /** Counts the first {@code exactUpTo} hits and stops; {@link #countRemainder} estimates the rest. */
    static FacetCounter stopping(List<String> dimensions, List<String> fields, int exactUpTo) {
        return new FacetCounter(dimensions, fields, exactUpTo, true, 1);
    }

    /** The hits counted; after {@link #countRemainder}, with the estimate of the rest. */
    long hits() {
        return Math.round(hits);
    }

    /** True when every hit was counted in the facets (none sampled or estimated). */
    boolean exact() {
        return stopLeaf < 0 && (sampleStep == 1 || hits <= exactUpTo);
    }

    /**
     * Value to count for each dimension, at most {@code limit} values each, the largest counts first; the years (年度)
     * newest first.
     */
    Map<String, Map<String, Long>> facets(int limit) {
        long all = hits();
        Map<String, Map<String, Long>> top = new LinkedHashMap<>();
        counts.forEach((dimension, byValue) -> {
            if (SearchFields.YEAR.equals(dimension)) {
                Map<String, Long> capped = new HashMap<>();
                byValue.forEach((year, count) -> capped.put(year, Math.min(count, all)));
                top.put(dimension, SearchFields.newestYearsFirst(capped));
                return;
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            byValue.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(e -> sorted.put(e.getKey(), Math.min(e.getValue(), all)));
            top.put(dimension, sorted);
        });
        return top;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return leafCollector(context, 1, false);
    }

    /**
     * The hits of {@code page}'s search, handed to this counter as well: the search keeps the page collector's score
     * mode, so once that collector has seen {@code exactUpTo} hits it may skip the rest, and a stopping counter stops
     * there. Use with a page collector whose hits are counted exactly up to this counter's {@code exactUpTo}.
     */
    CollectorManager<Collector, Void> beside(Collector page) {
        Collector both = new Collector() {
            @Override
            public ScoreMode scoreMode() {
                return page.scoreMode();
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                LeafCollector countLeaf = leafCollector(context, 1, false);
                return new LeafCollector() {
                    /** Opened once the segment has hits to score: a 档号 lookup finds nothing in most segments. */
                    private LeafCollector pageLeaf;

                    private LeafCollector pageLeaf() throws IOException {
                        if (pageLeaf == null) {
                            pageLeaf = page.getLeafCollector(context);
                        }
                        return pageLeaf;
                    }

                    @Override
                    public void setScorer(Scorable scorer) throws IOException {
                        pageLeaf().setScorer(scorer);
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        pageLeaf().collect(doc);
                        countLeaf.collect(doc);
                    }

                    @Override
                    public DocIdSetIterator competitiveIterator() throws IOException {
                        return pageLeaf().competitiveIterator();
                    }

                    @Override
                    public void finish() throws IOException {
                        if (pageLeaf != null) {
                            pageLeaf.finish();
                        }
                        countLeaf.finish();
                    }
                };
            }
        };
        return single(both, null);
    }

    /**
     * After a stopping count that stopped: estimates the hits from where it stopped to the last id, and their facets,
     * from windows of {@value #WINDOW} ids spread evenly over each segment's rest, covering about one id in
     * {@code windowShare}; a rest too small for four windows is counted whole. Afterwards {@link #hits()} and the
     * facets are estimates and {@link #exact()} is false.
     */
    void countRemainder(IndexSearcher searcher, Query query, int windowShare) throws IOException {
        if (stopLeaf < 0) {
            return;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (leaf.ord < stopLeaf) {
                continue;
            }
            BulkScorer bulk = weight.bulkScorer(leaf);
            if (bulk == null) {
                continue;
            }
            int from = leaf.ord == stopLeaf ? stopDoc : 0;
            int rest = leaf.reader().maxDoc() - from;
            int windows = rest / (WINDOW * windowShare);
            int width = WINDOW;
            if (windows < 4) {
                windows = 1;
                width = rest;
            }
            LeafCollector counting = leafCollector(leaf, (double) rest / ((long) windows * width), true);
            int next = from;
            for (int w = 0; w < windows && next != DocIdSetIterator.NO_MORE_DOCS; w++) {
                int start = from + (int) ((long) w * rest / windows);
                int end = Math.min(from + rest, start + width);
                if (next < end) {
                    next = bulk.score(counting, leaf.reader().getLiveDocs(), Math.max(start, next), end);
                }
            }
            counting.finish();
        }
    }

    /**
     * Counts a segment's hits in a search's own pass, or in the windows of {@link #countRemainder}, whose counts
     * weigh {@code scale} each. The dimensions' doc values are opened at the segment's first hit: most segments hold
     * no hit of a selective search (a 档号, a rare word), and opening six doc-values readers in each was a sixth of
     * such a request's time.
     */
    private LeafCollector leafCollector(LeafReaderContext context, double scale, boolean remainder) {
        int n = fields.size();
        boolean ownPass = !remainder;
        return new LeafCollector() {
            private SortedDocValues[] values;
            private int[][] ordCounts;

            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (ownPass && stopping && hits >= exactUpTo) {
                    if (stopLeaf < 0) {
                        stopLeaf = context.ord;
                        stopDoc = doc;
                    }
                    return;
                }
                hits += scale;
                int weight = 1;
                if (ownPass && !stopping && sampleStep > 1 && hits > exactUpTo) {
                    // Fibonacci hashing of the doc id: an even sample that no regular pattern of the catalogue
                    // (every fourth item in one fonds, say) can fall in step with
                    if (Integer.compareUnsigned((context.docBase + doc) * 0x9E3779B9, sampleBound) >= 0) {
                        return;
                    }
                    weight = sampleStep;
                }
                if (values == null) {
                    open();
                }
                for (int i = 0; i < n; i++) {
                    if (values[i].advanceExact(doc)) {
                        ordCounts[i][values[i].ordValue()] += weight;
                    }
                }
            }

            private void open() throws IOException {
                values = new SortedDocValues[n];
                ordCounts = new int[n][];
                for (int i = 0; i < n; i++) {
                    values[i] = DocValues.getSorted(context.reader(), fields.get(i));
                    ordCounts[i] = new int[values[i].getValueCount()];
                }
            }

            @Override
            public void finish() throws IOException {
                if (values == null) {
                    return; // no hit counted in this segment
                }
                for (int i = 0; i < n; i++) {
                    Map<String, Long> byValue = counts.get(dimensions.get(i));
                    int[] c = ordCounts[i];
                    for (int ord = 0; ord < c.length; ord++) {
                        if (c[ord] > 0) {
                            byValue.merge(values[i].lookupOrd(ord).utf8ToString(), Math.round(c[ord] * scale),
                                    Long::sum);
                        }
                    }
                }
            }
        };
    }

    /** For {@code IndexSearcher.search}: one counter, the searcher having no executor (segments in turn). */
    static CollectorManager<FacetCounter, FacetCounter> manager(FacetCounter counter) {
        return single(counter, counter);
    }

    private static <C extends Collector, R> CollectorManager<C, R> single(C collector, R result) {
        return new CollectorManager<>() {
            @Override
            public C newCollector() {
                return collector;
            }

            @Override
            public R reduce(Collection<C> collectors) {
                return result;
            }
        };
    }
}
