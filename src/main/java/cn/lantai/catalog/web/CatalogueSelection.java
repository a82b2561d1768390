package cn.lantai.catalog.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Retention;
import org.springframework.modulith.NamedInterface;
import org.springframework.util.MultiValueMap;

/**
 * The rows chosen in the catalogue list, as its buttons send them to bulk edit and export: either
 * {@code ids=<id>&ids=<id>…} or {@code all=true} with the list's filter ({@code fonds, category, year, retention,
 * org}). Forms carry it on as hidden inputs ({@link #params}). Other modules' actions on the list (packages out) read
 * it through the named interface {@code catalog :: selection}.
 */
@NamedInterface("selection")
public record CatalogueSelection(List<Long> ids, boolean all, String fonds, String category, Integer year, String retention,
        String org) {

    public static CatalogueSelection of(MultiValueMap<String, String> params) {
        List<Long> ids = new ArrayList<>();
        for (String value : params.getOrDefault("ids", List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
        }
        String year = blank(params.getFirst("year"));
        String retention = blank(params.getFirst("retention"));
        if (retention != null && Retention.parse(retention).isEmpty()) {
            throw new IllegalArgumentException("retention " + retention);
        }
        return new CatalogueSelection(List.copyOf(ids), "true".equals(params.getFirst("all")),
                blank(params.getFirst("fonds")), blank(params.getFirst("category")),
                year == null ? null : Integer.valueOf(year), retention, blank(params.getFirst("org")));
    }

    /** Nothing chosen: no ids and not the whole filter. */
    public boolean empty() {
        return ids.isEmpty() && !all;
    }

    /** The items chosen; ids win over the filter, as in the API. */
    public ItemFilter filter() {
        if (!ids.isEmpty()) {
            return ItemFilter.ofIds(ids);
        }
        if (!all) {
            throw new IllegalArgumentException("nothing selected");
        }
        return new ItemFilter(fonds, category, year, year,
                retention == null ? null : Retention.parse(retention).orElseThrow(), org, null, null, null);
    }

    /** The selection as request parameters, in order: for hidden inputs and links. */
    public List<Map.Entry<String, String>> params() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (!ids.isEmpty()) {
            ids.forEach(id -> params.add(Map.entry("ids", id.toString())));
            return params;
        }
        if (all) {
            params.add(Map.entry("all", "true"));
        }
        add(params, "fonds", fonds);
        add(params, "category", category);
        add(params, "year", year == null ? null : year.toString());
        add(params, "retention", retention);
        add(params, "org", org);
        return params;
    }

    /** The selection as an encoded query string, for links (export of the same rows). */
    public String query() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> p : params()) {
            sb.append(sb.isEmpty() ? "" : "&").append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** What the selection covers, for headings and file names: {@code 0012·WS·2019·Y}, empty for ids. */
    public String scope() {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {fonds, category, year == null ? null : year.toString(), retention, org}) {
            if (p != null) {
                parts.add(p);
            }
        }
        return String.join("·", parts);
    }

    private static void add(List<Map.Entry<String, String>> params, String name, String value) {
        if (value != null) {
            params.add(Map.entry(name, value));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
