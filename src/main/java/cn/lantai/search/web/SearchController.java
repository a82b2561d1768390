package cn.lantai.search.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?q=…&fonds=&category=&yearFrom=&yearTo=&retention=&classification=&openStatus=&sort=
 * &page=&size=&x.<field>=<value>}: full-text search with filters, facets and highlighting, for the signed-in viewer.
 * Retention, classification and open status accept the codes or the Chinese names (永久, 机密, 开放 …).
 */
@RestController
class SearchController {

    private static final String EXTRA_PREFIX = "x.";

    private final SearchManagement search;
    private final cn.lantai.audit.AuditTrail trail;

    SearchController(SearchManagement search, cn.lantai.audit.AuditTrail trail) {
        this.trail = trail;
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String fonds,
            @RequestParam(required = false) String category, @RequestParam(required = false) Integer yearFrom,
            @RequestParam(required = false) Integer yearTo, @RequestParam(required = false) String retention,
            @RequestParam(required = false) String classification, @RequestParam(required = false) String openStatus,
            @RequestParam(required = false) SearchQuery.Sort sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam Map<String, String> all, Viewer viewer) {
        Map<String, String> extra = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(EXTRA_PREFIX) && v != null && !v.isBlank()) {
                extra.put(k.substring(EXTRA_PREFIX.length()), v);
            }
        });
        return search.search(new SearchQuery(q, blank(fonds), blank(category), yearFrom, yearTo,
                blank(retention) == null ? null : Retention.parse(retention)
                        .orElseThrow(() -> new IllegalArgumentException("retention " + retention)).code(),
                blank(classification) == null ? null : Classification.parse(classification)
                        .orElseThrow(() -> new IllegalArgumentException("classification " + classification)),
                blank(openStatus) == null ? null : OpenStatus.parse(openStatus)
                        .orElseThrow(() -> new IllegalArgumentException("openStatus " + openStatus)),
                extra, sort, page, size, viewer));
    }

    /**
     * Rebuilds the index from the catalogue (also: {@code java -jar lantai.jar --lantai.search.rebuild}): maintenance,
     * the system administrator's (or the evaluation administrator's).
     */
    @PostMapping("/api/v1/search/rebuild")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Map<String, Long> rebuild(java.security.Principal caller, jakarta.servlet.http.HttpServletRequest request) {
        long indexed = search.rebuild();
        trail.record(new cn.lantai.audit.AuditEvent(caller.getName(), request.getRemoteAddr(), "search.rebuild", null,
                null, Long.toString(indexed)));
        return Map.of("indexed", indexed);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
