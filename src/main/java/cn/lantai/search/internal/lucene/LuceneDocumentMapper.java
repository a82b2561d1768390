package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import cn.lantai.catalog.OpenStatus;
import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchHit;
import cn.lantai.search.internal.ScanText;

/**
 * Turns a {@link SearchDocument} into a Lucene document and a stored document back into a {@link SearchHit}. Exact
 * values (fonds, category, retention, classification, open status, archival code) are indexed untokenised with doc
 * values for facets and sort. Title, text, full text, creator and extra values are analysed together twice: as
 * SmartChinese words in the catch-all {@code all}, and as character bigrams in {@code bigrams} (the full text's
 * bigrams are its own field, to index the largest text once). Title, text and full text are stored (their marks are
 * found in the stored text of the hits shown, {@link RunMarks}); the title is analysed as bigrams and as words of its
 * own as well, for the title boosts. Creator and document number are also indexed on their own, as words and as
 * bigrams, and the date as a point, for the advanced search.
 */
final class LuceneDocumentMapper {

    /**
     * The layout of fields documents are written in. Change it with any change of a field's name or settings: an index
     * written in another layout is rebuilt at the next start.
     */
    static final String LAYOUT = "7";


    /** Doc-values field holding the year as a string, for the year facet. */
    static final String YEAR_FACET = "year_facet";
    /** Doc-values field for sorting on id (the tie-breaker of every sort). */
    static final String ID_SORT = "id_sort";

    /**
     * A field shown with marks: stored (the marks are found in the stored text), its bigrams with positions (a run is
     * a phrase of them), length norms for the title.
     */
    private static final FieldType SHOWN_SCORED = shown(false);

    /** Same gap as Solr's text fields: a run never spans two values of a multi-valued field. */
    private static final int POSITION_GAP = 100;

    private LuceneDocumentMapper() {
    }

    private static FieldType shown(boolean omitNorms) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setOmitNorms(omitNorms);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.freeze();
        return type;
    }

    /**
     * The analysis of every field, for indexing and for queries: SmartChinese words by default, character bigrams for
     * the bigram fields. Mirrors {@code text_smartcn} and {@code text_bigram} in the Solr schema.
     */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(TITLE, bigrams(),
                BIGRAMS, bigrams(), CREATOR_RUNS, bigrams(), DOC_NUMBER_RUNS, bigrams()));
    }

    /**
     * Every two neighbouring characters (letters, digits and punctuation alike, so 2019年 and GB/T are runs too),
     * full-width forms folded and lower-cased: a run typed is a phrase of its bigrams.
     */
    static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new NGramTokenizer(2, 2);
                TokenStream result = new LowerCaseFilter(new CJKWidthFilter(source));
                return new TokenStreamComponents(source, result);
            }

            @Override
            public int getPositionIncrementGap(String field) {
                return POSITION_GAP;
            }
        };
    }

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    /** The doc-values field a facet dimension is counted on. */
    static String facetField(String dimension) {
        return YEAR.equals(dimension) ? YEAR_FACET : dimension;
    }

    static Document toDocument(SearchDocument d) {
        if (d.id() == null || d.id().isBlank()) {
            throw new IllegalArgumentException("a search document needs an id");
        }
        if (d.classification() == null) {
            throw new IllegalArgumentException("document " + d.id() + " has no classification (密级)");
        }
        OpenStatus status = d.openStatus() == null ? OpenStatus.PENDING : d.openStatus();
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(d.id())));

        exact(doc, ARCHIVAL_CODE, d.archivalCode());
        exact(doc, FONDS, d.fonds());
        exact(doc, CATEGORY, d.category());
        exact(doc, RETENTION, d.retention());
        exact(doc, CLASSIFICATION, d.classification().name());
        exact(doc, OPEN_STATUS, status.name());

        doc.add(new IntPoint(YEAR, d.year()));
        doc.add(new StoredField(YEAR, d.year()));
        doc.add(new SortedDocValuesField(YEAR_FACET, new BytesRef(Integer.toString(d.year()))));

        LocalDate date = d.date();
        if (date != null) {
            doc.add(new NumericDocValuesField(DATE, date.toEpochDay()));
            doc.add(new LongPoint(DATE, date.toEpochDay())); // the advanced search's date range
            doc.add(new StoredField(DATE, date.toString()));
        }

        if (present(d.title())) {
            doc.add(new Field(TITLE, d.title(), SHOWN_SCORED));
            doc.add(new TextField(TITLE_WORDS, d.title(), Field.Store.NO));
            searchable(doc, d.title(), true);
        }
        if (present(d.text())) {
            doc.add(new StoredField(TEXT, d.text())); // shown; found through the catch-alls
            searchable(doc, d.text(), true);
        }
        if (present(d.fullText())) {
            // shown, its marks found in the stored text; found by its words in the catch-all, as runs are looked for
            // in the described fields only
            doc.add(new StoredField(FULL_TEXT, d.fullText()));
            searchable(doc, d.fullText(), false);
        }
        String scans = ScanText.join(d.scanPages());
        if (scans != null) {
            // shown and its page found from the stored text; OCR text is short beside a body and splits words oddly,
            // so it gets the runs' recall as the described fields do
            doc.add(new StoredField(SCAN_TEXT, scans));
            searchable(doc, scans, true);
        }
        if (present(d.creator())) {
            doc.add(new StoredField(CREATOR, d.creator()));
            searchable(doc, d.creator(), true);
            // on its own too, as words and as bigrams, for the advanced search's 责任者
            doc.add(new TextField(CREATOR, d.creator(), Field.Store.NO));
            doc.add(new TextField(CREATOR_RUNS, d.creator(), Field.Store.NO));
        }
        if (present(d.docNumber())) {
            // in the general text already; on its own for the advanced search's 文件编号
            doc.add(new TextField(DOC_NUMBER, d.docNumber(), Field.Store.NO));
            doc.add(new TextField(DOC_NUMBER_RUNS, d.docNumber(), Field.Store.NO));
        }
        for (Map.Entry<String, String> e : d.extra().entrySet()) {
            String value = e.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            if (isValidExtraKey(e.getKey())) {
                doc.add(new StringField(extraField(e.getKey()), value.strip(), Field.Store.NO));
            }
            searchable(doc, value, true);
        }
        return doc;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Into the catch-all words and, unless the text has its own bigram field, into the catch-all bigrams. */
    private static void searchable(Document doc, String value, boolean bigrams) {
        doc.add(new TextField(ALL, value, Field.Store.NO));
        if (bigrams) {
            doc.add(new TextField(BIGRAMS, value, Field.Store.NO));
        }
    }

    private static void exact(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    /** The stored fields a hit shows, and with them the texts its marks are looked for in. */
    static final Set<String> SHOWN = Set.of(ID, ARCHIVAL_CODE, TITLE, FONDS, CATEGORY, YEAR, DATE, CLASSIFICATION,
            OPEN_STATUS);
    static final Set<String> SHOWN_AND_MARKED = Stream.concat(SHOWN.stream(), Stream.of(TEXT, FULL_TEXT, SCAN_TEXT))
            .collect(Collectors.toUnmodifiableSet());

    static SearchHit toHit(Document doc, float score, Map<String, String> highlights, Integer page) {
        IndexableField year = doc.getField(YEAR);
        return new SearchHit(doc.get(ID), doc.get(ARCHIVAL_CODE), doc.get(TITLE), doc.get(FONDS), doc.get(CATEGORY),
                year == null ? 0 : year.numericValue().intValue(), doc.get(DATE), doc.get(CLASSIFICATION),
                doc.get(OPEN_STATUS), score, highlights, page);
    }
}
