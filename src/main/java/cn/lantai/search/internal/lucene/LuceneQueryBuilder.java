package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Viewer;
import cn.lantai.search.FieldCriteria;
import cn.lantai.search.SearchQuery;
import cn.lantai.search.internal.QueryWords;

/**
 * Builds the Lucene query for a {@link SearchQuery}. The user's words are analysed (never parsed as query syntax, so
 * quotes, {@code AND}, {@code *}, {@code :} and backslashes are plain text): every space-separated part is required,
 * found as its SmartChinese words in the catch-all or as a run of characters in the bigram fields ({@link QueryWords});
 * the whole text as a run in the title lifts a hit strongly and, when the text holds several words, each of them in
 * the title softly. Filters, the viewer's clearance (密级) and, for the public, the open status (开放标识) are FILTER
 * clauses of the same query, so counts and facets never include what the viewer may not see. The advanced search's
 * fields are FILTER clauses too.
 */
final class LuceneQueryBuilder {

    private final QueryBuilder analysis;

    LuceneQueryBuilder(Analyzer analyzer) {
        this.analysis = new QueryBuilder(analyzer);
    }

    /** The whole query: words, filters and the security filter. */
    Query build(SearchQuery q) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(wordsQuery(q), Occur.MUST);
        addFilters(query, q);
        if (!q.fields().isEmpty()) {
            addFieldFilters(query, q);
        }
        addSecurity(query, q.viewer());
        return query.build();
    }

    /** The words part alone (used for highlighting, so that filters do not highlight anything). */
    Query wordsQuery(SearchQuery q) {
        String text = words(q);
        if (text == null) {
            return new MatchAllDocsQuery();
        }
        String code = archivalCode(q);
        if (code != null) {
            return new TermQuery(new Term(ARCHIVAL_CODE, code));
        }
        List<QueryWords.Part> parts = QueryWords.parts(text);
        if (parts.isEmpty()) {
            return new MatchNoDocsQuery("no words in the query");
        }
        BooleanQuery.Builder scored = new BooleanQuery.Builder();
        for (QueryWords.Part part : parts) {
            scored.add(part(part), Occur.MUST);
        }
        String joined = QueryWords.joined(parts);
        Query phrase = analysis.createPhraseQuery(TITLE, joined);
        if (phrase != null) {
            scored.add(new BoostQuery(phrase, TITLE_PHRASE_BOOST), Occur.SHOULD);
        }
        // a single word in the title is a run of the title too, which the phrase lifts already (a single character
        // has no run: its word lifts it)
        Query titleWords = analysis.createBooleanQuery(TITLE_WORDS, joined, Occur.SHOULD);
        if (titleWords instanceof BooleanQuery || phrase == null && titleWords != null) {
            scored.add(new BoostQuery(titleWords, TITLE_TERM_BOOST), Occur.SHOULD);
        }
        return scored.build();
    }

    /**
     * One part of the query: all its SmartChinese words in the catch-all (these score), or else the part as a run of
     * characters in the described fields (a constant: it only adds what the segmentation misses), as the recall rule
     * asks ({@link WordsOrRunQuery}). The full text is found by its words alone, as a full-text search finds it: not
     * analysing every body a second time into bigrams brought a million bodies from imported to searchable in 550 s
     * instead of 858 s.
     */
    private Query part(QueryWords.Part part) {
        return part(part, ALL, List.of(BIGRAMS));
    }

    private Query part(QueryWords.Part part, String wordsField, List<String> runFields) {
        Query words = analysis.createBooleanQuery(wordsField, part.run(), Occur.MUST);
        Query run = part.isRun() ? run(part, runFields) : null;
        if (words != null && run != null) {
            return new WordsOrRunQuery(words, run, RUN_SCORE);
        }
        if (run != null) {
            return new BoostQuery(new ConstantScoreQuery(run), RUN_SCORE);
        }
        return words != null ? words : new MatchNoDocsQuery("no words in a part of the query");
    }

    /** The part as a run of characters in any of the fields, or null when it yields no characters to look for. */
    private Query run(QueryWords.Part part, List<String> runFields) {
        BooleanQuery.Builder run = new BooleanQuery.Builder();
        for (String field : runFields) {
            Query phrase = analysis.createPhraseQuery(field, part.run());
            if (phrase != null) {
                run.add(phrase, Occur.SHOULD);
            }
        }
        BooleanQuery query = run.build();
        return query.clauses().isEmpty() ? null : query;
    }

    /**
     * The advanced search's fields, as filters: each part of a word field's value found in that field (words or run,
     * as in the search box), the archival codes (档号) in range in their normal form's order ({@link FieldCriteria}),
     * the date in range. Values are analysed or compared as terms, never parsed as query syntax.
     */
    private void addFieldFilters(BooleanQuery.Builder query, SearchQuery q) {
        for (Map.Entry<WordField, String> asked : wordFields(q).entrySet()) {
            List<QueryWords.Part> parts = QueryWords.parts(asked.getValue());
            if (parts.isEmpty()) {
                query.add(new MatchNoDocsQuery("no words in a field of the query"), Occur.FILTER);
            }
            for (QueryWords.Part part : parts) {
                query.add(part(part, asked.getKey().words(), List.of(asked.getKey().runs())), Occur.FILTER);
            }
        }
        FieldCriteria f = q.fields();
        if (f.codeFrom() != null || f.codeTo() != null) {
            query.add(TermRangeQuery.newStringRange(ARCHIVAL_CODE, f.codeFrom(), f.codeTo(), true, true),
                    Occur.FILTER);
        }
        if (f.dateFrom() != null || f.dateTo() != null) {
            long from = f.dateFrom() == null ? Long.MIN_VALUE : f.dateFrom().toEpochDay();
            long to = f.dateTo() == null ? Long.MAX_VALUE : f.dateTo().toEpochDay();
            query.add(new IndexOrDocValuesQuery(LongPoint.newRangeQuery(DATE, from, to),
                    NumericDocValuesField.newSlowRangeQuery(DATE, from, to)), Occur.FILTER);
        }
    }

    private static void addFilters(BooleanQuery.Builder query, SearchQuery q) {
        exact(query, FONDS, q.fonds());
        exact(query, CATEGORY, q.category());
        exact(query, RETENTION, q.retention());
        exact(query, CLASSIFICATION, q.classification() == null ? null : q.classification().name());
        exact(query, OPEN_STATUS, q.openStatus() == null ? null : q.openStatus().name());
        if (q.yearFrom() != null || q.yearTo() != null) {
            int from = q.yearFrom() == null ? Integer.MIN_VALUE : q.yearFrom();
            int to = q.yearTo() == null ? Integer.MAX_VALUE : q.yearTo();
            query.add(IntPoint.newRangeQuery(YEAR, from, to), Occur.FILTER);
        }
        for (Map.Entry<String, String> e : q.extra().entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                query.add(new TermQuery(new Term(extraField(e.getKey()), e.getValue().strip())), Occur.FILTER);
            }
        }
    }

    private static void exact(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /**
     * Clearance and open status: never left out, whatever else the query says. Each is answered from the postings when
     * it leads the search and checked in the record's doc values when the words lead, as they mostly do: a search of
     * the public then no longer builds the set of every open or unclassified record for each query (a public words
     * search took 0.62 ms in process instead of 0.82). A clearance that covers every classification has nothing to
     * filter.
     */
    private static void addSecurity(BooleanQuery.Builder query, Viewer viewer) {
        List<BytesRef> cleared = new ArrayList<>();
        for (Classification c : Classification.values()) {
            if (viewer.clearance().covers(c)) {
                cleared.add(new BytesRef(c.name()));
            }
        }
        if (cleared.size() < Classification.values().length) {
            query.add(new IndexOrDocValuesQuery(new TermInSetQuery(CLASSIFICATION, cleared),
                    SortedDocValuesField.newSlowSetQuery(CLASSIFICATION, cleared)), Occur.FILTER);
        }
        if (!viewer.seesUnopened()) {
            BytesRef open = new BytesRef(OpenStatus.OPEN.name());
            query.add(new IndexOrDocValuesQuery(new TermQuery(new Term(OPEN_STATUS, open)),
                    SortedDocValuesField.newSlowExactQuery(OPEN_STATUS, open)), Occur.FILTER);
        }
        if (!viewer.scope().unrestricted()) {
            query.add(scope(viewer.scope()), Occur.FILTER);
        }
    }

    /** The viewer's data scope: some area of their roles covers the record's fonds and category. */
    private static Query scope(cn.lantai.catalog.Scope scope) {
        BooleanQuery.Builder anyArea = new BooleanQuery.Builder();
        for (cn.lantai.catalog.Scope.Area area : scope.areas()) {
            BooleanQuery.Builder both = new BooleanQuery.Builder();
            both.add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.FILTER);
            in(both, FONDS, area.fonds());
            in(both, CATEGORY, area.categories());
            anyArea.add(both.build(), Occur.SHOULD);
        }
        return scope.areas().isEmpty() ? new org.apache.lucene.search.MatchNoDocsQuery() : anyArea.build();
    }

    private static void in(BooleanQuery.Builder query, String field, java.util.Set<String> codes) {
        if (codes != null) {
            query.add(new TermInSetQuery(field, codes.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    /**
     * The order of a page collected by sort fields. Relevance is ranked by the top-score queue where there are words;
     * without words there is no score, and it is index order, which one searcher keeps fixed, so that the pages read
     * from it neither repeat nor skip. The other orders break ties by id. Undated items come last.
     */
    static Sort sort(SearchQuery.Sort sort) {
        SortField byId = new SortField(LuceneDocumentMapper.ID_SORT, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> Sort.INDEXORDER;
            case DATE_ASC -> new Sort(date(false), byId);
            case DATE_DESC -> new Sort(date(true), byId);
            case ARCHIVAL_CODE -> {
                SortField code = new SortField(ARCHIVAL_CODE, SortField.Type.STRING);
                code.setMissingValue(SortField.STRING_LAST);
                yield new Sort(code, byId);
            }
        };
    }

    private static SortField date(boolean descending) {
        SortField date = new SortField(DATE, SortField.Type.LONG, descending);
        date.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
        return date;
    }
}
