package cn.lantai.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the number of all hits the viewer may see, and facet counts over those hits: for each of
 * {@code fonds, category, year, retention, classification, openStatus}, value to count.
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {

    public static final List<String> FACETS = List.of("fonds", "category", "year", "retention", "classification",
            "openStatus");
}
