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
 * Counts every matching document and, in the same pass, the values of all facet dimensions: per segment, one
 * {@code int} per ordinal of each dimension's {@link SortedDocValues}, turned into labels only for the ordinals that
 * were hit when the segment is done. No global ordinal map is built, so a refresh costs nothing here (Lucene's
 * {@code StringValueFacetCounts} needs one per reader and walks the hits once per dimension).
 *
 * <p>The first {@code exactUpTo} hits are counted exactly; beyond them about one hit in {@code sampleStep}, chosen by a hash of
 * the document, is counted, weighing {@code sampleStep}, so a search over most of a million items costs a few milliseconds. The
 * matching documents are the query's, whose FILTER clauses hold the viewer's clearance, so nothing the viewer may not
 * see is ever counted. One instance per search; segments are collected one after the other.
 *
 * <p>A search with words whose page was scored apart, skipping what cannot reach it, is known to have more hits than
 * are counted exactly; visiting each of them here would undo that skipping. {@link #countWindows} counts such a
 * search's facets from the hits in evenly spread windows of document ids instead, each window's hits weighing as many
 * as the window's share of the segment: the query visits about one document in {@code windowShare}, found by the
 * postings' skip lists, not by walking every hit.
 */
final class FacetCounter implements Collector {

    /** Width of one window of {@link #countWindows}, in document ids. */
    static final int WINDOW = 64;

    private final List<String> dimensions;
    private final List<String> fields;
    private final int exactUpTo;
    private final int sampleStep;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final int sampleBound;
    private double hits;
    private boolean windowed;

    /**
     * @param dimensions facet names as the result reports them
     * @param fields the doc-values field of each dimension, in the same order
     */
    FacetCounter(List<String> dimensions, List<String> fields, int exactUpTo, int sampleStep) {
        this.dimensions = List.copyOf(dimensions);
        this.fields = List.copyOf(fields);
        this.exactUpTo = exactUpTo;
        this.sampleStep = Math.max(1, sampleStep);
        this.sampleBound = (int) (0x1_0000_0000L / this.sampleStep);
        dimensions.forEach(d -> counts.put(d, new HashMap<>()));
    }

    /** Every matching document, counted exactly; after {@link #countWindows}, the estimate from the windows. */
    long hits() {
        return Math.round(hits);
    }

    /** True when every hit was counted in the facets (none sampled). */
    boolean exact() {
        return !windowed && (sampleStep == 1 || hits <= exactUpTo);
    }

    /**
     * Value to count for each dimension, at most {@code limit} values each, the largest counts first; the years (年度)
     * newest first.
     */
    Map<String, Map<String, Long>> facets(int limit) {
        Map<String, Map<String, Long>> top = new LinkedHashMap<>();
        counts.forEach((dimension, byValue) -> {
            if (SearchFields.YEAR.equals(dimension)) {
                Map<String, Long> capped = new HashMap<>();
                byValue.forEach((year, count) -> capped.put(year, Math.min(count, hits())));
                top.put(dimension, SearchFields.newestYearsFirst(capped));
                return;
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            byValue.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(e -> sorted.put(e.getKey(), Math.min(e.getValue(), hits())));
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
        return leafCollector(context, 1);
    }

    /**
     * Counts the facets of {@code query} from the hits in windows of {@value #WINDOW} document ids spread evenly over
     * each segment, covering about one document in {@code windowShare}; a segment too small for that is counted
     * whole. Each window's hits weigh the segment's size over the windows' size, so {@link #hits()} and the facets
     * become estimates and {@link #exact()} false.
     */
    void countWindows(IndexSearcher searcher, Query query, int windowShare) throws IOException {
        windowed = true;
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer bulk = weight.bulkScorer(leaf);
            if (bulk == null) {
                continue;
            }
            int maxDoc = leaf.reader().maxDoc();
            int windows = maxDoc / (WINDOW * windowShare);
            int width = WINDOW;
            if (windows < 4) {
                windows = 1;
                width = maxDoc;
            }
            LeafCollector counting = leafCollector(leaf, (double) maxDoc / ((long) windows * width));
            int next = 0;
            for (int w = 0; w < windows && next != DocIdSetIterator.NO_MORE_DOCS; w++) {
                int start = (int) ((long) w * maxDoc / windows);
                int end = Math.min(maxDoc, start + width);
                if (next < end) {
                    next = bulk.score(counting, leaf.reader().getLiveDocs(), Math.max(start, next), end);
                }
            }
            counting.finish();
        }
    }

    private LeafCollector leafCollector(LeafReaderContext context, double scale) throws IOException {
        int n = fields.size();
        SortedDocValues[] values = new SortedDocValues[n];
        int[][] ordCounts = new int[n][];
        for (int i = 0; i < n; i++) {
            values[i] = DocValues.getSorted(context.reader(), fields.get(i));
            ordCounts[i] = new int[values[i].getValueCount()];
        }
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                int weight = 1;
                hits += scale;
                if (hits > exactUpTo && sampleStep > 1 && scale == 1) {
                    // Fibonacci hashing of the doc id: an even sample that no regular pattern of the catalogue
                    // (every fourth item in one fonds, say) can fall in step with
                    if (Integer.compareUnsigned((context.docBase + doc) * 0x9E3779B9, sampleBound) >= 0) {
                        return;
                    }
                    weight = sampleStep;
                }
                for (int i = 0; i < n; i++) {
                    if (values[i].advanceExact(doc)) {
                        ordCounts[i][values[i].ordValue()] += weight;
                    }
                }
            }

            @Override
            public void finish() throws IOException {
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
        return new CollectorManager<>() {
            @Override
            public FacetCounter newCollector() {
                return counter;
            }

            @Override
            public FacetCounter reduce(Collection<FacetCounter> collectors) {
                return counter;
            }
        };
    }
}
