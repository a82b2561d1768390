package cn.lantai.search.internal.solr;

import static cn.lantai.search.internal.SearchFields.*;

import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.FieldCriteria;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.SearchResult;
import cn.lantai.search.internal.QueryWords;

/**
 * The Solr request for a {@link SearchQuery}: each escaped part required as words in the catch-all or as a run in the
 * bigram fields, title run and title words as boosts, filters and the viewer's clearance (密级) and open status (开放标识) as filter queries, facets, highlighting,
 * sort and page.
 */
final class SolrQueries {

    private SolrQueries() {
    }

    static SolrQuery build(SearchQuery q, int fragmentChars, String fields) {
        SolrQuery query = new SolrQuery();
        String words = words(q);
        String code = archivalCode(q);
        if (words == null) {
            query.setQuery("*:*");
        } else if (code != null) {
            query.setQuery("{!term f=" + ARCHIVAL_CODE + " v=$code}");
            query.set("code", code);
        } else {
            parts(query, QueryWords.parts(words));
            highlight(query, fragmentChars, QueryWords.marked(QueryWords.parts(words)));
        }
        filters(query, q);
        if (!q.fields().isEmpty()) {
            fieldFilters(query, q);
        }
        security(query, q.viewer());
        facets(query);
        query.set("sort", sort(q.sort()));
        query.setStart(q.from());
        query.set("minExactCount", SearchResult.EXACT_UP_TO);
        query.setRows(q.size());
        query.setFields(fields);
        return query;
    }

    /**
     * Every part required, as its words in the catch-all or as a run in the bigram fields (a constant, as in the
     * Lucene engine, where Lucene scores it only for a record the words miss); the whole text as a run of the title lifts strongly, title words softly. Each value is escaped,
     * whitespace included, so the parser sees one plain term that only the analyser splits.
     */
    private static void parts(SolrQuery query, List<QueryWords.Part> parts) {
        if (parts.isEmpty()) {
            query.setQuery("-*:*");
            return;
        }
        StringBuilder bool = new StringBuilder("{!bool");
        for (int i = 0; i < parts.size(); i++) {
            QueryWords.Part part = parts.get(i);
            String escaped = escape(part.run());
            query.set("qWords" + i, "{!lucene q.op=AND df=" + ALL + "}" + escaped);
            if (part.isRun()) {
                // runs in the described fields only; the full text is found by its words (fullText keeps its bigrams
                // for the highlighter)
                query.set("qRun" + i, "{!lucene}(" + BIGRAMS + ":\"" + escaped + "\")^=" + RUN_SCORE);
                query.set("qPart" + i, "{!bool should=$qWords" + i + " should=$qRun" + i + "}");
            } else {
                query.set("qPart" + i, "{!bool should=$qWords" + i + "}");
            }
            bool.append(" must=$qPart").append(i);
        }
        String joined = escape(QueryWords.joined(parts));
        query.setQuery(bool + " should=$qTitlePhrase should=$qTitleWords}");
        query.set("qTitlePhrase", "{!lucene df=" + TITLE + "}\"" + joined + "\"^" + TITLE_PHRASE_BOOST);
        query.set("qTitleWords", "{!lucene q.op=OR df=" + TITLE_WORDS + "}(" + joined + ")^" + TITLE_TERM_BOOST);
    }

    private static void filters(SolrQuery query, SearchQuery q) {
        term(query, FONDS, q.fonds());
        term(query, CATEGORY, q.category());
        term(query, RETENTION, q.retention());
        term(query, CLASSIFICATION, q.classification() == null ? null : q.classification().name());
        term(query, OPEN_STATUS, q.openStatus() == null ? null : q.openStatus().name());
        if (q.yearFrom() != null || q.yearTo() != null) {
            String from = q.yearFrom() == null ? "*" : q.yearFrom().toString();
            String to = q.yearTo() == null ? "*" : q.yearTo().toString();
            query.addFilterQuery(YEAR + ":[" + from + " TO " + to + "]");
        }
        for (Map.Entry<String, String> e : q.extra().entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                term(query, extraField(e.getKey()), e.getValue().strip());
            }
        }
    }

    /**
     * The advanced search's fields, as filter queries: each part of a word field's value found in that field (words
     * or run, as the search box's parts), the archival codes (档号) in range in their normal form's order, the date in
     * range. Word values are escaped as the box's parts are; codes and dates are the normal forms the Java side made.
     */
    private static void fieldFilters(SolrQuery query, SearchQuery q) {
        int n = 0;
        for (Map.Entry<WordField, String> asked : wordFields(q).entrySet()) {
            List<QueryWords.Part> parts = QueryWords.parts(asked.getValue());
            if (parts.isEmpty()) {
                query.addFilterQuery("-*:*");
            }
            for (QueryWords.Part part : parts) {
                String escaped = escape(part.run());
                String words = "fWords" + n;
                query.set(words, "{!lucene q.op=AND df=" + asked.getKey().words() + "}" + escaped);
                if (part.isRun()) {
                    String run = "fRun" + n;
                    query.set(run, "{!lucene}" + asked.getKey().runs() + ":\"" + escaped + "\"");
                    query.addFilterQuery("{!bool should=$" + words + " should=$" + run + "}");
                } else {
                    query.addFilterQuery("{!bool should=$" + words + "}");
                }
                n++;
            }
        }
        FieldCriteria f = q.fields();
        if (f.codeFrom() != null || f.codeTo() != null) {
            query.addFilterQuery(ARCHIVAL_CODE + ":[" + quoted(f.codeFrom()) + " TO " + quoted(f.codeTo()) + "]");
        }
        if (f.dateFrom() != null || f.dateTo() != null) {
            query.addFilterQuery(DATE + ":[" + (f.dateFrom() == null ? "*" : f.dateFrom() + "T00:00:00Z") + " TO "
                    + (f.dateTo() == null ? "*" : f.dateTo() + "T00:00:00Z") + "]");
        }
    }

    /** A range end: {@code *} when open, else the value in double quotes (a normal-form code has no quote in it). */
    private static String quoted(String value) {
        return value == null ? "*" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void term(SolrQuery query, String field, String value) {
        if (value != null && !value.isBlank()) {
            // the term parser takes the value verbatim: no syntax, no analysis
            query.addFilterQuery("{!term f=" + field + " v=" + quoteLocalParam(value) + "}");
        }
    }

    /** Clearance and open status: never left out, whatever else the query says. */
    private static void security(SolrQuery query, Viewer viewer) {
        query.addFilterQuery(CLASSIFICATION_RANK + ":[* TO " + viewer.clearance().rank() + "]");
        if (!viewer.seesUnopened()) {
            query.addFilterQuery("{!term f=" + OPEN_STATUS + "}" + OpenStatus.OPEN.name());
        }
        if (!viewer.scope().unrestricted()) {
            query.addFilterQuery(scope(viewer.scope()));
        }
    }

    /** The viewer's data scope: some area of their roles covers the record's fonds and category. */
    private static String scope(cn.lantai.catalog.Scope scope) {
        java.util.List<String> areas = new java.util.ArrayList<>();
        for (cn.lantai.catalog.Scope.Area area : scope.areas()) {
            java.util.List<String> parts = new java.util.ArrayList<>(java.util.List.of("*:*"));
            in(parts, FONDS, area.fonds());
            in(parts, CATEGORY, area.categories());
            areas.add("(" + String.join(" AND ", parts) + ")");
        }
        return areas.isEmpty() ? "-*:*" : String.join(" OR ", areas);
    }

    private static void in(java.util.List<String> parts, String field, java.util.Set<String> codes) {
        if (codes != null) {
            parts.add(codes.isEmpty() ? "-*:*" : field + ":(" + String.join(" OR ", codes.stream().sorted()
                    .map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + ")");
        }
    }

    private static void facets(SolrQuery query) {
        query.setFacet(true);
        query.setFacetMinCount(1);
        query.setFacetLimit(FACET_LIMIT);
        query.setFacetSort("count");
        query.addFacetField(SearchResult.FACETS.toArray(String[]::new));
        // the years newest first (SearchFields.newestYearsFirst): all of them, ordered and cut on this side
        query.set("f." + YEAR + ".facet.sort", "index");
        query.set("f." + YEAR + ".facet.limit", -1);
    }

    /**
     * Marks each run and word in the highlighted fields themselves (bigrams with offsets, read from the postings), so
     * a run is marked however the hit was found.
     */
    private static void highlight(SolrQuery query, int fragmentChars, List<String> marked) {
        if (marked.isEmpty()) {
            return;
        }
        List<String> phrases = new java.util.ArrayList<>();
        for (String run : marked) {
            for (String field : HIGHLIGHTED) {
                phrases.add(field + ":\"" + escape(run) + "\"");
            }
        }
        query.setHighlight(true);
        query.set("hl.method", "unified");
        query.set("hl.q", "{!lucene q.op=OR}(" + String.join(" ", phrases) + ")");
        query.set("hl.fl", String.join(",", HIGHLIGHTED));
        query.set("hl.tag.pre", "<em>");
        query.set("hl.tag.post", "</em>");
        query.set("hl.encoder", "html");
        query.set("hl.requireFieldMatch", true);
        query.set("hl.defaultSummary", false);
        query.set("hl.fragsize", fragmentChars);
        query.set("hl.snippets", 2);
        query.set("f." + TITLE + ".hl.snippets", 1);
    }

    /**
     * The id breaks ties in every order: a collection's replicas may hold their documents in different orders, and two
     * pages may be read from two replicas (the embedded Lucene index, one searcher, breaks relevance ties in its own
     * order).
     */
    private static String sort(SearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> "score desc, id asc";
            case DATE_ASC -> "date asc, id asc";
            case DATE_DESC -> "date desc, id asc";
            case ARCHIVAL_CODE -> "archivalCode asc, id asc";
        };
    }

    /**
     * Escapes every query-syntax character, whitespace included, so the parser sees one plain term; a text that
     * is exactly an operator word ({@code AND}, {@code OR}, {@code NOT}) gets its first letter escaped too.
     */
    static String escape(String words) {
        String escaped = ClientUtils.escapeQueryChars(words);
        return switch (escaped) {
            case "AND", "OR", "NOT", "TO" -> "\\" + escaped;
            default -> escaped;
        };
    }

    /** A local-param value in single quotes, with quotes and backslashes escaped. */
    static String quoteLocalParam(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
