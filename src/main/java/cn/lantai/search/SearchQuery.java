package cn.lantai.search;

import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;

/**
 * A search: words (Chinese or not; blank lists everything the viewer may see), filters, sort and page, and the
 * viewer, whose clearance and right to unopened records become part of the engine query.
 *
 * @param extra exact values of a category's extra fields, by field key
 */
public record SearchQuery(String text, String fonds, String category, Integer yearFrom, Integer yearTo,
        String retention, Classification classification, OpenStatus openStatus, Map<String, String> extra,
        Sort sort, int page, int size, Viewer viewer) {

    /** Result order. */
    public enum Sort { RELEVANCE, DATE_ASC, DATE_DESC, ARCHIVAL_CODE }

    public static final int MAX_SIZE = 100;

    public SearchQuery {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(0, page);
        size = Math.max(1, Math.min(size, MAX_SIZE));
        if (viewer == null) {
            throw new IllegalArgumentException("a search is always made for a viewer");
        }
    }

    /** A plain search for words, first page of 20. */
    public static SearchQuery of(String text, Viewer viewer) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, Sort.RELEVANCE, 0, 20, viewer);
    }
}
