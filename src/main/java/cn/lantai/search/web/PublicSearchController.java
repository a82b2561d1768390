package cn.lantai.search.web;

import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/public/search?q=…&fonds=&category=&yearFrom=&yearTo=&retention=&sort=&page=&size=}: the portal's
 * search, for anyone, without a token. It answers as {@code /api/v1/search} does, always for the public: only open
 * (开放) records without a classification (密级) are found, counted or faceted, whoever calls and whatever token comes
 * with the call. Filters by classification or open status would mean nothing here and are refused, as is overlong
 * text; the page size is bounded as for everyone. Not audited per call: all it shows is open.
 */
@RestController
class PublicSearchController {

    /** Longer than any title a person types; keeps a stranger's query cheap. */
    static final int MAX_TEXT = 200;

    private static final Viewer PUBLIC = Viewer.publicUser("anonymous");

    private final SearchManagement search;
    private final MessageSource messages;

    PublicSearchController(SearchManagement search, MessageSource messages) {
        this.search = search;
        this.messages = messages;
    }

    @GetMapping("/api/v1/public/search")
    ResponseEntity<?> search(@RequestParam(required = false) String q, @RequestParam(required = false) String fonds,
            @RequestParam(required = false) String category, @RequestParam(required = false) Integer yearFrom,
            @RequestParam(required = false) Integer yearTo, @RequestParam(required = false) String retention,
            @RequestParam(required = false) SearchQuery.Sort sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam Map<String, String> all, Locale locale) {
        if (all.containsKey("classification") || all.containsKey("openStatus")) {
            return refuse("search.public.no-security-filters", locale);
        }
        if (q != null && q.length() > MAX_TEXT) {
            return refuse("search.public.text-too-long", locale, MAX_TEXT);
        }
        String retentionCode = blank(retention) == null ? null : Retention.parse(retention)
                .orElseThrow(() -> new IllegalArgumentException("retention " + retention)).code();
        SearchResult result = search.search(new SearchQuery(q, blank(fonds), blank(category), yearFrom, yearTo,
                retentionCode, null, null, null, sort, page, size, PUBLIC));
        return ResponseEntity.ok(result);
    }

    private ResponseEntity<ProblemDetail> refuse(String code, Locale locale, Object... args) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(code, args, locale)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
