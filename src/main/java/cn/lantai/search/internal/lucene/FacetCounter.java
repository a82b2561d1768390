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
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

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
 */
final class FacetCounter implements Collector {

    private final List<String> dimensions;
    private final List<String> fields;
    private final int exactUpTo;
    private final int sampleStep;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final int sampleBound;
    private long hits;

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

    /** Every matching document, counted exactly. */
    long hits() {
        return hits;
    }

    /** True when every hit was counted in the facets (none sampled). */
    boolean exact() {
        return sampleStep == 1 || hits <= exactUpTo;
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
                byValue.forEach((year, count) -> capped.put(year, Math.min(count, hits)));
                top.put(dimension, SearchFields.newestYearsFirst(capped));
                return;
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            byValue.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(e -> sorted.put(e.getKey(), Math.min(e.getValue(), hits)));
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
                if (++hits > exactUpTo && sampleStep > 1) {
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
                            byValue.merge(values[i].lookupOrd(ord).utf8ToString(), (long) c[ord], Long::sum);
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
