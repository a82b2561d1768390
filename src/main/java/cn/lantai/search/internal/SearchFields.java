package cn.lantai.search.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.lantai.search.FieldCriteria;
import cn.lantai.search.SearchQuery;

/**
 * The index schema both engines share: field names, the catch-all field, the extra-field prefix, and the few rules
 * that must read the same in Lucene and Solr so that the two engines answer a query alike.
 */
public final class SearchFields {

    public static final String ID = "id";
    public static final String ARCHIVAL_CODE = "archivalCode";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String FULL_TEXT = "fullText";
    /**
     * The OCR text of the scanned pages (issue 11), pages apart by {@link ScanText#PAGE_BREAK}: stored, highlighted,
     * found as words in {@link #ALL} and as runs in {@link #BIGRAMS} (OCR splits words oddly, so runs matter here).
     */
    public static final String SCAN_TEXT = "scanText";
    public static final String CREATOR = "creator";
    public static final String FONDS = "fonds";
    public static final String CATEGORY = "category";
    public static final String YEAR = "year";
    public static final String RETENTION = "retention";
    public static final String CLASSIFICATION = "classification";
    /** Integer rank of the classification (密级), for Solr's clearance filter (Lucene's checks the classification). */
    public static final String CLASSIFICATION_RANK = "classificationRank";
    public static final String OPEN_STATUS = "openStatus";
    public static final String DATE = "date";
    /** Analysed catch-all: title, text, full text, creator and the extra values. */
    public static final String ALL = "all";
    /**
     * Character bigrams of the described fields (title, text, creator and the extra values), so that any run of two or
     * more characters in them is found whatever the word segmentation. The full text ({@link #FULL_TEXT}) is found by
     * its words only. (Solr keeps the bigram offsets of title, text and full text for its highlighter; Lucene finds
     * the marks in the stored text.)
     */
    public static final String BIGRAMS = "bigrams";
    /** The title's SmartChinese words, for the soft lift of title words. */
    public static final String TITLE_WORDS = "titleWords";
    /** The creator's (责任者) character bigrams, for the advanced search's creator field. */
    public static final String CREATOR_RUNS = "creatorRuns";
    /** The document number (文件编号) as SmartChinese words and as bigrams, for the advanced search. */
    public static final String DOC_NUMBER = "docNumber";
    public static final String DOC_NUMBER_RUNS = "docNumberRuns";
    /** Exact extra values are indexed as {@code x_<key>}. */
    public static final String EXTRA_PREFIX = "x_";

    /** Fields highlighted in a hit. */
    public static final List<String> HIGHLIGHTED = List.of(TITLE, TEXT, FULL_TEXT, SCAN_TEXT);

    /** How strongly a phrase match on the title lifts a hit, and how much single title words do. */
    public static final float TITLE_PHRASE_BOOST = 20f;
    public static final float TITLE_TERM_BOOST = 2f;
    /**
     * The constant score of a part found as a run of characters where its words are not found (a run only adds recall
     * where the segmentation differs): never so much that it outweighs the words. Lucene checks the run only where the
     * words miss; Solr's disjunction also adds it where both find the part.
     */
    public static final float RUN_SCORE = 1f;

    /** Most values returned per facet. */
    public static final int FACET_LIMIT = 100;

    /**
     * A description field the advanced search asks by words: each part of the typed value must be found in it as its
     * SmartChinese words (in {@code words}) or as a run of characters (a phrase of the bigrams in {@code runs}), as the
     * search box reads its text over the catch-alls.
     */
    public record WordField(String words, String runs) {
    }

    public static final WordField TITLE_FIELD = new WordField(TITLE_WORDS, TITLE);
    public static final WordField CREATOR_FIELD = new WordField(CREATOR, CREATOR_RUNS);
    public static final WordField DOC_NUMBER_FIELD = new WordField(DOC_NUMBER, DOC_NUMBER_RUNS);

    /** The word fields a query asks by, with the typed value of each (absent fields left out). */
    public static Map<WordField, String> wordFields(SearchQuery query) {
        Map<WordField, String> asked = new LinkedHashMap<>();
        FieldCriteria f = query.fields();
        if (f.title() != null) {
            asked.put(TITLE_FIELD, f.title());
        }
        if (f.creator() != null) {
            asked.put(CREATOR_FIELD, f.creator());
        }
        if (f.docNumber() != null) {
            asked.put(DOC_NUMBER_FIELD, f.docNumber());
        }
        return asked;
    }

    /**
     * The year facet (年度) as archivists read it: newest year first, not the largest count, at most
     * {@link #FACET_LIMIT} years (the newest).
     */
    public static Map<String, Long> newestYearsFirst(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> yearOf(e.getKey()))
                        .reversed())
                .limit(FACET_LIMIT)
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static long yearOf(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static final Pattern EXTRA_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private SearchFields() {
    }

    /** The exact-value field for an extra key; the key must be a plain identifier (it becomes a field name). */
    public static String extraField(String key) {
        if (key == null || !EXTRA_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("extra field key must be a plain identifier: " + key);
        }
        return EXTRA_PREFIX + key;
    }

    /** True when an extra key can be indexed as an exact field. */
    public static boolean isValidExtraKey(String key) {
        return key != null && EXTRA_KEY.matcher(key).matches();
    }

    /**
     * True when the query text holds something to search for. Text made only of punctuation and operators (say
     * {@code *} or {@code "()"}) analyses to no words at all; both engines then list everything the viewer may see,
     * as for blank text.
     */
    public static boolean hasWords(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * The archival code (档号) the query text is, if it is one: an archivist who types a 档号 (with any of the usual
     * middle dots) wants that item, not items sharing its digits.
     */
    public static String archivalCode(SearchQuery query) {
        return query.text() == null ? null
                : cn.lantai.catalog.ArchivalCode.parse(query.text()).map(Object::toString).orElse(null);
    }

    /**
     * Joins marks that touch ({@code <em>社会</em><em>保险</em>} → {@code <em>社会保险</em>}): matched words and runs
     * side by side read as one. Safe on an engine's fragment, whose text is HTML-escaped.
     */
    public static String joinAdjacentMarks(String fragment) {
        return fragment == null ? null : fragment.replace("</em><em>", "");
    }

    /** Words of the query, or null when there is nothing to search for. */
    public static String words(SearchQuery query) {
        return hasWords(query.text()) ? query.text().strip() : null;
    }
}
