package cn.lantai.access.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.lantai.access.internal.portal.PublicRecords;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.search.SearchHit;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchQueryRejected;
import cn.lantai.search.SearchResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal ({@code /portal}, no sign-in): a search box, filters by fonds, category and year, sort and pages
 * over the open records; with nothing asked yet, a first step and the open records by category and fonds; and a
 * record's page with its public description and, where digitized, the page viewer. Everything is read as the public
 * ({@link PublicRecords#viewer}), whoever is signed in; the search engine counts and facets only what the public may
 * see, so no total, facet, sort or page beyond the end says anything of another record. Input that cannot be read is
 * named on the page, and the rest of the search still runs.
 */
@Controller
class PortalPages {

    static final int PAGE_SIZE = 20;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    private final SearchManagement search;
    private final PublicRecords records;
    private final MessageSource messages;

    PortalPages(SearchManagement search, PublicRecords records, MessageSource messages) {
        this.search = search;
        this.records = records;
        this.messages = messages;
    }

    /** One hit as the portal lists it; {@code thumbnail} is the first page's IIIF image, null when not digitized. */
    record PortalHit(String id, String title, String archivalCode, String date, String category, String thumbnail) {
    }

    /** A facet value with its public count, and whether the search already filters by it. */
    record Facet(String code, String name, long count, boolean chosen) {
    }

    @GetMapping("/portal")
    String search(@RequestParam Map<String, String> params, HttpServletRequest request, Model model, Locale locale) {
        List<String> problems = new ArrayList<>();
        String q = text(params.get("q"));
        if (q != null && q.length() > SearchQuery.MAX_TEXT) {
            problems.add(messages.getMessage("portal.search.too-long", new Object[] {SearchQuery.MAX_TEXT}, locale));
            q = q.substring(0, SearchQuery.MAX_TEXT);
        }
        String fonds = code(params.get("fonds"), "portal.search.bad-fonds", problems, locale);
        String category = code(params.get("category"), "portal.search.bad-category", problems, locale);
        Integer yearFrom = year(params.get("yearFrom"), problems, locale);
        Integer yearTo = year(params.get("yearTo"), problems, locale);
        SearchQuery.Sort sort = sort(params.get("sort"));
        int lastPage = SearchQuery.lastPage(PAGE_SIZE);
        int page = page(params.get("page"), lastPage, problems, locale);
        boolean asked = q != null || fonds != null || category != null || yearFrom != null || yearTo != null;

        SearchResult result;
        try {
            result = search.search(new SearchQuery(q, fonds, category, yearFrom, yearTo, null, null, null, null, sort,
                    asked ? page : 0, PAGE_SIZE, PublicRecords.viewer(request.getRemoteAddr())));
        } catch (SearchQueryRejected e) {
            problems.add(messages.getMessage(e.code(), e.args(), e.code(), locale));
            result = new SearchResult(0, true, List.of(), Map.of(), true);
        }
        Map<String, String> categoryNames = records.categoryNames();
        model.addAttribute("q", q);
        model.addAttribute("fonds", fonds);
        model.addAttribute("category", category);
        model.addAttribute("yearFrom", yearFrom);
        model.addAttribute("yearTo", yearTo);
        model.addAttribute("sort", sort.name().toLowerCase(Locale.ROOT));
        model.addAttribute("sorts", List.of("relevance", "date_desc", "date_asc", "archival_code"));
        model.addAttribute("problems", problems);
        model.addAttribute("asked", asked);
        model.addAttribute("result", result);
        model.addAttribute("fondsFacets", facets(result, "fonds", records.fondsNames(), fonds));
        model.addAttribute("categoryFacets", facets(result, "category", categoryNames, category));
        if (asked) {
            long reachable = Math.min(result.total(), (long) (lastPage + 1) * PAGE_SIZE);
            model.addAttribute("page", page + 1);
            model.addAttribute("pages", Math.max(1, (reachable + PAGE_SIZE - 1) / PAGE_SIZE));
            model.addAttribute("hits", result.hits().stream().map(h -> hit(h, categoryNames)).toList());
        }
        return "portal";
    }

    /** A record's page; missing, controlled, classified or malformed all get one page with one status. */
    @GetMapping("/portal/items/{id}")
    String item(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("record", records.record(id, request.getRemoteAddr()));
            return "portal-item";
        } catch (ItemNotFound e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal-missing";
        }
    }

    private PortalHit hit(SearchHit h, Map<String, String> categoryNames) {
        long id = Long.parseLong(h.id());
        String thumbnail = records.scannedPages(id) > 0 ? "/iiif/3/" + id + "-1/full/!96,128/0/default.jpg" : null;
        return new PortalHit(h.id(), h.title(), h.archivalCode(), h.date(),
                categoryNames.getOrDefault(h.category(), h.category()), thumbnail);
    }

    private static List<Facet> facets(SearchResult result, String name, Map<String, String> names, String chosen) {
        return result.facets().getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new Facet(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
                        e.getKey().equals(chosen)))
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String code(String value, String problem, List<String> problems, Locale locale) {
        String t = text(value);
        if (t != null && !CODE.matcher(t).matches()) {
            problems.add(messages.getMessage(problem, null, locale));
            return null;
        }
        return t;
    }

    private Integer year(String value, List<String> problems, Locale locale) {
        String t = text(value);
        if (t != null && !YEAR.matcher(t).matches()) {
            problems.add(messages.getMessage("portal.search.bad-year", null, locale));
            return null;
        }
        return t == null ? null : Integer.valueOf(t);
    }

    private static SearchQuery.Sort sort(String value) {
        String t = text(value);
        for (SearchQuery.Sort s : SearchQuery.Sort.values()) {
            if (s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        return SearchQuery.Sort.RELEVANCE;
    }

    /** The page asked (from 1 in the address, from 0 here), within the pages the engine may reach. */
    private int page(String value, int lastPage, List<String> problems, Locale locale) {
        String t = text(value);
        if (t == null) {
            return 0;
        }
        if (!t.matches("[0-9]+") || t.matches("0+")) {
            problems.add(messages.getMessage("portal.search.bad-page", null, locale));
            return 0;
        }
        String digits = t.replaceFirst("^0+", "");
        if (digits.length() > 9 || Integer.parseInt(digits) - 1 > lastPage) {
            problems.add(messages.getMessage("portal.search.too-deep", new Object[] {lastPage + 1}, locale));
            return lastPage;
        }
        return Integer.parseInt(digits) - 1;
    }
}
