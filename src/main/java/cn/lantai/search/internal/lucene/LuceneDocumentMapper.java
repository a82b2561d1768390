package cn.lantai.search.internal.lucene;

import static cn.lantai.search.internal.SearchFields.*;

import java.time.LocalDate;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import cn.lantai.catalog.OpenStatus;
import cn.lantai.search.SearchDocument;
import cn.lantai.search.SearchHit;

/**
 * Turns a {@link SearchDocument} into a Lucene document and a stored document back into a {@link SearchHit}. Exact
 * values (fonds, category, retention, classification, open status, archival code) are indexed untokenised with doc
 * values for facets and sort. Title, text, full text, creator and extra values are analysed once, together, in the
 * catch-all field that queries match; the title is analysed on its own as well, for the phrase boost, and text and
 * full text are stored for highlighting.
 */
final class LuceneDocumentMapper {

    /** Doc-values field holding the year as a string, for the year facet. */
    static final String YEAR_FACET = "year_facet";
    /** Doc-values field for sorting on id (the tie-breaker of every sort). */
    static final String ID_SORT = "id_sort";

    private LuceneDocumentMapper() {
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
        doc.add(new IntPoint(CLASSIFICATION_RANK, d.classification().rank()));

        doc.add(new IntPoint(YEAR, d.year()));
        doc.add(new StoredField(YEAR, d.year()));
        doc.add(new SortedDocValuesField(YEAR_FACET, new BytesRef(Integer.toString(d.year()))));

        LocalDate date = d.date();
        if (date != null) {
            doc.add(new NumericDocValuesField(DATE, date.toEpochDay()));
            doc.add(new StoredField(DATE, date.toString()));
        }

        analysed(doc, TITLE, d.title());
        // analysed once, in the catch-all; stored to be highlighted (the highlighter analyses the few hits shown)
        storedAndSearchable(doc, TEXT, d.text());
        storedAndSearchable(doc, FULL_TEXT, d.fullText());
        storedAndSearchable(doc, CREATOR, d.creator());
        for (Map.Entry<String, String> e : d.extra().entrySet()) {
            String value = e.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            if (isValidExtraKey(e.getKey())) {
                doc.add(new StringField(extraField(e.getKey()), value.strip(), Field.Store.NO));
            }
            doc.add(new TextField(ALL, value, Field.Store.NO));
        }
        return doc;
    }

    private static void exact(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    /** The title is searched on its own too (its phrase lifts a hit), so it is analysed in its own field as well. */
    private static void analysed(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new TextField(field, value, Field.Store.YES));
        doc.add(new TextField(ALL, value, Field.Store.NO));
    }

    private static void storedAndSearchable(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StoredField(field, value));
        doc.add(new TextField(ALL, value, Field.Store.NO));
    }

    static SearchHit toHit(Document doc, float score, Map<String, String> highlights) {
        IndexableField year = doc.getField(YEAR);
        return new SearchHit(doc.get(ID), doc.get(ARCHIVAL_CODE), doc.get(TITLE), doc.get(FONDS), doc.get(CATEGORY),
                year == null ? 0 : year.numericValue().intValue(), doc.get(DATE), doc.get(CLASSIFICATION),
                doc.get(OPEN_STATUS), score, highlights);
    }
}
