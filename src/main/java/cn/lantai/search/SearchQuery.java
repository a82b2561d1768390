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
 * @param fields what the advanced search asks by field (题名, 责任者, 文件编号, 档号 and date ranges)
 */
public record SearchQuery(String text, String fonds, String category, Integer yearFrom, Integer yearTo,
        String retention, Classification classification, OpenStatus openStatus, Map<String, String> extra,
        FieldCriteria fields, Sort sort, int page, int size, Viewer viewer) {

    /** Result order. */
    public enum Sort { RELEVANCE, DATE_ASC, DATE_DESC, ARCHIVAL_CODE }

    /** Most hits on one page. */
    public static final int MAX_SIZE = 100;
    /**
     * Deepest hit a page may reach ({@code (page + 1) * size}): both engines keep a queue of every hit up to the page
     * asked for, so depth is cost; 10,000 is the engines' own habit (Elasticsearch's max_result_window). Narrow the
     * search with words or filters to see further.
     */
    public static final int MAX_DEPTH = 10_000;
    /** Longest search text: a title, a sentence, an archival code fit easily; a pasted page is not a search. */
    public static final int MAX_TEXT = 200;

    /**
     * @throws SearchQueryRejected when the page is negative or deeper than {@link #MAX_DEPTH}, the size is not 1 to
     *         {@link #MAX_SIZE}, or the text or a category field's value is longer than {@link #MAX_TEXT}
     */
    public SearchQuery {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        fields = fields == null ? FieldCriteria.NONE : fields;
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (viewer == null) {
            throw new IllegalArgumentException("a search is always made for a viewer");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new SearchQueryRejected("search.bad-size", size, MAX_SIZE);
        }
        if (page < 0 || ((long) page + 1) * size > MAX_DEPTH) {
            throw new SearchQueryRejected("search.too-deep", page, size, MAX_DEPTH);
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new SearchQueryRejected("search.text-too-long", text.length(), MAX_TEXT);
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (e.getValue() != null && e.getValue().length() > MAX_TEXT) {
                throw SearchQueryRejected.onField("x." + e.getKey(), "advsearch.too-long", e.getValue().length(),
                        MAX_TEXT);
            }
        }
    }

    /** A search asking nothing by field (the search box and the facets alone). */
    public SearchQuery(String text, String fonds, String category, Integer yearFrom, Integer yearTo,
            String retention, Classification classification, OpenStatus openStatus, Map<String, String> extra,
            Sort sort, int page, int size, Viewer viewer) {
        this(text, fonds, category, yearFrom, yearTo, retention, classification, openStatus, extra,
                FieldCriteria.NONE, sort, page, size, viewer);
    }

    /** The last page (from 0) that pages of {@code size} may reach. */
    public static int lastPage(int size) {
        return MAX_DEPTH / size - 1;
    }

    /** Index of the first hit of the page. */
    public int from() {
        return page * size;
    }

    /** A plain search for words, first page of 20. */
    public static SearchQuery of(String text, Viewer viewer) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, FieldCriteria.NONE, Sort.RELEVANCE,
                0, 20, viewer);
    }
}
