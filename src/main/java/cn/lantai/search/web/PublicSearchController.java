package cn.lantai.search.web;

import static cn.lantai.search.web.SearchParameters.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchQueryRejected;
import cn.lantai.search.SearchResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/public/search?q=…&fonds=&category=&yearFrom=&yearTo=&retention=&sort=&page=&size=}: the portal's
 * search, for anyone, without a token. It answers as {@code /api/v1/search} does, always for the public: only open
 * (开放) records without a classification (密级) are found, counted or faceted, whoever calls and whatever token comes
 * with the call. Filters by classification or open status would mean nothing here and are refused; text, page and
 * size are bounded as for everyone. Not audited per call: all it shows is open. Hits carry no highlight of the
 * general text, which holds the archive's working fields (see {@link #withoutWorkingFields}), and no score: BM25's
 * statistics are the whole index's, so a score would tell how many closed or classified records hold a word.
 */
@RestController
class PublicSearchController {

    private static final Viewer PUBLIC = Viewer.publicUser("anonymous");

    private final SearchManagement search;

    PublicSearchController(SearchManagement search) {
        this.search = search;
    }

    @GetMapping("/api/v1/public/search")
    PublicResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String fonds,
            @RequestParam(required = false) String category, @RequestParam(required = false) String yearFrom,
            @RequestParam(required = false) String yearTo, @RequestParam(required = false) String retention,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam Map<String, String> all) {
        if (all.containsKey("classification") || all.containsKey("openStatus")) {
            throw new SearchQueryRejected("search.public.no-security-filters");
        }
        SearchResult result = search.search(new SearchQuery(q, blank(fonds), blank(category),
                number("yearFrom", yearFrom, null), number("yearTo", yearTo, null), retention(retention), null, null,
                null, sort(sort), number("page", page, 0), number("size", size, 20), PUBLIC));
        return new PublicResult(result.total(), result.totalExact(),
                result.hits().stream().map(PublicSearchController::withoutWorkingFields).toList(), result.facets(),
                result.facetsExact());
    }

    /** A page of public hits, as {@link SearchResult} without anything the whole index's statistics shape. */
    record PublicResult(long total, boolean totalExact, List<PublicHit> hits, Map<String, Map<String, Long>> facets,
            boolean facetsExact) {
    }

    /** A hit as {@link SearchHit}, without its score. */
    record PublicHit(String id, String archivalCode, String title, String fonds, String category, int year,
            String date, String classification, String openStatus, Map<String, String> highlights, Integer page) {
    }

    /**
     * The hit without its score and without the highlight of the general text, which holds every other description
     * field, the archive's working ones among them (备注 notes, 档案保管沿革 custodial history, 销毁情况): the portal
     * shows a record's public description only, and a fragment of those fields is no part of it.
     */
    private static PublicHit withoutWorkingFields(SearchHit h) {
        Map<String, String> shown = new LinkedHashMap<>(h.highlights());
        shown.remove("text");
        return new PublicHit(h.id(), h.archivalCode(), h.title(), h.fonds(), h.category(), h.year(), h.date(),
                h.classification(), h.openStatus(), shown, h.page());
    }
}
