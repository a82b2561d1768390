package cn.lantai.search.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.FieldCriteria;
import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchQueryRejected;
import cn.lantai.search.SearchResult;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page of the workbench: words, the six facets as filters, sort and pages, for the signed-in viewer (the
 * engine leaves out what they may not see). A filter value that cannot be read is ignored rather than refused, and a
 * page number past the last offered (the first {@value SearchQuery#MAX_DEPTH} hits) shows the last one: the page is
 * reached by typing and clicking, and always answers. A text too long to search is answered with the limit.
 *
 * <p>The advanced search (高级检索, {@link AdvancedForm}) asks by 题名, 责任者, 文件编号, 档号 and date ranges and the
 * chosen category's own fields; a field that cannot be read is said beside it, and then nothing is searched.
 */
@Controller
class SearchPages {

    static final int PAGE_SIZE = 20;
    /** Pages beyond the first 10,000 hits are not offered: deep paging costs the engine more than it helps anyone. */
    static final int MAX_PAGE = SearchQuery.lastPage(PAGE_SIZE);

    private final SearchManagement search;
    private final CatalogManagement catalog;
    private final MessageSource messages;

    SearchPages(SearchManagement search, CatalogManagement catalog, MessageSource messages) {
        this.search = search;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** A hit as the page shows it: the title and text fragments with the matched words marked, made safe. */
    record Shown(SearchHit hit, String titleHtml, String snippetHtml) {

        static Shown of(SearchHit hit) {
            Map<String, String> h = hit.highlights();
            String snippet = h.containsKey("text") ? h.get("text")
                    : h.containsKey("fullText") ? h.get("fullText") : h.get("scanText");
            return new Shown(hit, SafeHighlight.html(h.get("title")), SafeHighlight.html(snippet));
        }
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String fonds,
            @RequestParam(required = false) String category, @RequestParam(required = false) String year,
            @RequestParam(required = false) String retention, @RequestParam(required = false) String classification,
            @RequestParam(required = false) String openStatus, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, @RequestParam Map<String, String> all, Viewer viewer,
            Locale locale, Model model) {
        Integer y = number(year).orElse(null);
        // a text too long to be a search is answered with the limit, not searched (nor silently cut)
        boolean tooLong = q != null && q.length() > SearchQuery.MAX_TEXT;
        AdvancedForm advanced = AdvancedForm.of(all, chosenCategory(category));
        SearchQuery query;
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        try {
            query = query(tooLong ? null : blank(q), fonds, category, y, retention, classification, openStatus,
                    advanced.extra(), advanced.criteria(), sort, page, viewer);
        } catch (SearchQueryRejected e) {
            if (e.field() == null) {
                throw e;
            }
            // a field that cannot be read: said beside it, and nothing searched (a half-read search would mislead)
            fieldErrors.put(e.field(), messages.getMessage(e.code(), e.args(), e.code(), locale));
            query = query(null, fonds, category, y, retention, classification, openStatus, Map.of(),
                    FieldCriteria.NONE, sort, page, viewer);
        }
        boolean searched = !tooLong && fieldErrors.isEmpty();
        SearchResult result = searched ? search.search(query)
                : new SearchResult(0, true, java.util.List.of(), Map.of(), true);
        model.addAttribute("advanced", advanced);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("advancedOpen", advanced.asksAnything() || !fieldErrors.isEmpty());
        model.addAttribute("query", query);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("tooLong", tooLong ? new Object[] {q.length(), SearchQuery.MAX_TEXT} : null);
        model.addAttribute("total", result.total());
        model.addAttribute("totalExact", result.totalExact());
        model.addAttribute("facetsExact", result.facetsExact());
        model.addAttribute("pageable", Math.min(result.total(), (long) SearchQuery.MAX_DEPTH));
        model.addAttribute("maxDepth", result.total() > SearchQuery.MAX_DEPTH ? SearchQuery.MAX_DEPTH : null);
        model.addAttribute("hits", result.hits().stream().map(Shown::of).toList());
        model.addAttribute("facets", result.facets());
        model.addAttribute("filters", chosen(fonds, category, year, retention, classification, openStatus));
        model.addAttribute("sorts", SearchQuery.Sort.values());
        Map<String, String> fondsNames = new LinkedHashMap<>();
        catalog.fonds().forEach(f -> fondsNames.put(f.code(), f.name()));
        Map<String, String> categoryNames = new LinkedHashMap<>();
        catalog.categories().forEach(c -> categoryNames.put(c.code(), c.name()));
        model.addAttribute("names", Map.of("fonds", fondsNames, "category", categoryNames));
        return "search";
    }

    private static SearchQuery query(String q, String fonds, String category, Integer year, String retention,
            String classification, String openStatus, Map<String, String> extra, FieldCriteria fields, String sort,
            String page, Viewer viewer) {
        return new SearchQuery(q, blank(fonds), blank(category), year, year,
                Retention.parse(blank(retention)).map(Retention::code).orElse(null),
                blank(classification) == null ? null : Classification.parse(classification).orElse(null),
                blank(openStatus) == null ? null : OpenStatus.parse(openStatus).orElse(null), extra, fields,
                sort(sort), Math.max(0, Math.min(number(page).orElse(0), MAX_PAGE)), PAGE_SIZE, viewer);
    }

    /** The category chosen among the facets, whose own fields the advanced search offers; null when none is. */
    private Category chosenCategory(String code) {
        String chosen = blank(code);
        return chosen == null ? null
                : catalog.categories().stream().filter(c -> c.code().equals(chosen)).findFirst().orElse(null);
    }

    /** The filters of the address, kept as hidden fields when the words are changed. */
    private static Map<String, String> chosen(String fonds, String category, String year, String retention,
            String classification, String openStatus) {
        Map<String, String> chosen = new LinkedHashMap<>();
        String[] names = {"fonds", "category", "year", "retention", "classification", "openStatus"};
        String[] values = {fonds, category, year, retention, classification, openStatus};
        for (int i = 0; i < names.length; i++) {
            if (blank(values[i]) != null) {
                chosen.put(names[i], values[i].strip());
            }
        }
        return chosen;
    }

    private static SearchQuery.Sort sort(String text) {
        for (SearchQuery.Sort s : SearchQuery.Sort.values()) {
            if (s.name().equalsIgnoreCase(blank(text) == null ? "" : text.strip())) {
                return s;
            }
        }
        return SearchQuery.Sort.RELEVANCE;
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
