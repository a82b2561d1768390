package cn.lantai.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address of the page being shown, for links that change one of its query parameters and keep the others: the
 * pager ({@code here.with('page', 3)}), facets, the language switch. Templates get it as {@code here}. Only the query
 * string counts, never a posted form's fields.
 */
public final class CurrentUrl {

    private final String path;
    private final Map<String, List<String>> params;

    private CurrentUrl(String path, Map<String, List<String>> params) {
        this.path = path;
        this.params = params;
    }

    static CurrentUrl of(HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new CurrentUrl(request.getRequestURI(), params);
    }

    /** This address with the parameter set to the value, replacing what it had; any change but the page's resets it. */
    public CurrentUrl with(String name, Object value) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        next.put(name, List.of(String.valueOf(value)));
        if (!name.equals("page")) {
            next.remove("page");
        }
        return new CurrentUrl(path, next);
    }

    /** This address without the parameter (and back on the first page). */
    public CurrentUrl without(String name) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        next.remove(name);
        next.remove("page");
        return new CurrentUrl(path, next);
    }

    /** Whether the address carries the parameter with this value (a facet already chosen). */
    public boolean has(String name, Object value) {
        return params.getOrDefault(name, List.of()).contains(String.valueOf(value));
    }

    /** Whether the page is at or under this path: the top bar marks the current section with it. */
    public boolean under(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(encode(e.getKey())).append('=').append(encode(v));
                sep = '&';
            }
        }
        return sb.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
