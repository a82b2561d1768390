package cn.lantai.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the number of all hits the viewer may see, and facet counts over those hits: for each of
 * {@code fonds, category, year, retention, classification, openStatus}, value to count.
 *
 * @param totalExact false when {@code total} is a lower bound (the engine stopped counting; shown as "10,000+")
 * @param facetsExact false when the facet counts are estimates from a sample of the hits (a search with more than
 *        {@link #EXACT_UP_TO} hits); below that they are exact
 */
public record SearchResult(long total, boolean totalExact, List<SearchHit> hits,
        Map<String, Map<String, Long>> facets, boolean facetsExact) {

    /** Hits counted (and facets counted) exactly at least up to this many. */
    public static final int EXACT_UP_TO = 10_000;

    public static final List<String> FACETS = List.of("fonds", "category", "year", "retention", "classification",
            "openStatus");
}
