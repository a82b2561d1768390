package cn.lantai.search.web;

import java.util.LinkedHashMap;
import java.util.Locale;
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
 */
@RestController
class SearchController {

    private static final String EXTRA_PREFIX = "x.";

    private final SearchManagement search;

    SearchController(SearchManagement search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    SearchResult search(@RequestParam Map<String, String> p, Viewer viewer) {
        Map<String, String> extra = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith(EXTRA_PREFIX) && v != null && !v.isBlank()) {
                extra.put(k.substring(EXTRA_PREFIX.length()), v);
            }
        });
        return search.search(new SearchQuery(p.get("q"), blank(p.get("fonds")), blank(p.get("category")),
                integer(p.get("yearFrom")), integer(p.get("yearTo")),
                blank(p.get("retention")) == null ? null : Retention.parse(p.get("retention"))
                        .orElseThrow(() -> new IllegalArgumentException("retention")).code(),
                blank(p.get("classification")) == null ? null : Classification.parse(p.get("classification"))
                        .orElseThrow(() -> new IllegalArgumentException("classification")),
                blank(p.get("openStatus")) == null ? null : OpenStatus.parse(p.get("openStatus"))
                        .orElseThrow(() -> new IllegalArgumentException("openStatus")),
                extra, blank(p.get("sort")) == null ? null
                        : SearchQuery.Sort.valueOf(p.get("sort").toUpperCase(Locale.ROOT)),
                integer(p.get("page")) == null ? 0 : integer(p.get("page")),
                integer(p.get("size")) == null ? 20 : integer(p.get("size")), viewer));
    }

    /** Rebuilds the index from the catalogue (also: {@code java -jar lantai.jar --lantai.search.rebuild}). */
    @PostMapping("/api/v1/search/rebuild")
    Map<String, Long> rebuild() {
        return Map.of("indexed", search.rebuild());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer integer(String s) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }
}
