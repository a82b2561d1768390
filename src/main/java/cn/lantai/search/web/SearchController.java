package cn.lantai.search.web;

import static cn.lantai.search.web.SearchParameters.*;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.FieldCriteria;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchQueryRejected;
import cn.lantai.search.SearchResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?q=…&fonds=&category=&yearFrom=&yearTo=&retention=&classification=&openStatus=&sort=
 * &page=&size=&x.<field>=<value>&title=&creator=&docNumber=&codeFrom=&codeTo=&dateFrom=&dateTo=}: full-text search
 * with filters, facets and highlighting, for the signed-in viewer. The advanced search's fields ({@link FieldCriteria}:
 * words of 题名, 责任者, 文件编号; 档号 and date ranges, dates whole or partial) are read as the page reads them; a
 * malformed or reversed range is a 400 naming the parameter.
 * Retention, classification and open status accept the codes or the Chinese names (永久, 机密, 开放 …). Pages are
 * counted from 0, at most {@value SearchQuery#MAX_SIZE} hits each, and reach at most the first
 * {@value SearchQuery#MAX_DEPTH} hits; anything else (a page past that, a size, sort or number that cannot be read,
 * an {@code x.} field no category has, a text over {@value SearchQuery#MAX_TEXT} characters) is a 400 problem that
 * says what is allowed. {@code totalExact} false means {@code total} is a lower bound; {@code facetsExact} false
 * means the facet counts are estimated from a sample.
 */
@RestController
class SearchController {

    private static final String EXTRA_PREFIX = "x.";

    private final SearchManagement search;
    private final cn.lantai.audit.AuditTrail trail;
    private final CatalogManagement catalog;
    SearchController(SearchManagement search, cn.lantai.audit.AuditTrail trail, CatalogManagement catalog) {
        this.trail = trail;
        this.search = search;
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/search")
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String fonds,
            @RequestParam(required = false) String category, @RequestParam(required = false) String yearFrom,
            @RequestParam(required = false) String yearTo, @RequestParam(required = false) String retention,
            @RequestParam(required = false) String classification, @RequestParam(required = false) String openStatus,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String title,
            @RequestParam(required = false) String creator, @RequestParam(required = false) String docNumber,
            @RequestParam(required = false) String codeFrom, @RequestParam(required = false) String codeTo,
            @RequestParam(required = false) String dateFrom, @RequestParam(required = false) String dateTo,
            @RequestParam Map<String, String> all, Viewer viewer) {
        Map<String, String> extra = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(EXTRA_PREFIX) && v != null && !v.isBlank()) {
                extra.put(k.substring(EXTRA_PREFIX.length()), v);
            }
        });
        checkExtraFieldsExist(extra.keySet());
        FieldCriteria fields = FieldCriteria.read(title, creator, docNumber, codeFrom, codeTo, dateFrom, dateTo);
        return search.search(new SearchQuery(q, blank(fonds), blank(category), number("yearFrom", yearFrom, null),
                number("yearTo", yearTo, null),
                retention(retention),
                blank(classification) == null ? null : Classification.parse(classification)
                        .orElseThrow(() -> new IllegalArgumentException("classification " + classification)),
                blank(openStatus) == null ? null : OpenStatus.parse(openStatus)
                        .orElseThrow(() -> new IllegalArgumentException("openStatus " + openStatus)),
                extra, fields, sort(sort), number("page", page, 0), number("size", size, 20), viewer));
    }

    /** {@code x.<key>} must be a field some category defines: a mistyped key would silently find nothing. */
    private void checkExtraFieldsExist(Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        catalog.categories().forEach(c -> c.fields().forEach(f -> known.add(f.key())));
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new SearchQueryRejected("search.unknown-field", EXTRA_PREFIX + key);
            }
        }
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
}
