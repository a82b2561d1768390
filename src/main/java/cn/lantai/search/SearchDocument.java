package cn.lantai.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;

/**
 * What the index holds of one item: the facets and filters as exact values, the title and the full text apart (they
 * are highlighted), and every other description field run together in {@code text}. {@code extra} holds the
 * category's own fields by key, searchable as words and filterable by exact value. {@code docNumber} (文件编号) is
 * in {@code text} too; on its own it is what the advanced search asks by. {@code scanPages} is the OCR text of the
 * entry's scanned pages in page order (page 1 first; a page read as nothing is an empty string): found like the
 * described text, highlighted, and a hit names the first page that holds the query's words.
 */
public record SearchDocument(String id, String archivalCode, String title, String fonds, String category, int year,
        String retention, Classification classification, OpenStatus openStatus, LocalDate date, String creator,
        String text, String fullText, Map<String, String> extra, String docNumber, List<String> scanPages) {

    public SearchDocument {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        scanPages = scanPages == null ? List.of()
                : scanPages.stream().map(p -> p == null ? "" : p).toList();
    }

    /** A document without scanned pages. */
    public SearchDocument(String id, String archivalCode, String title, String fonds, String category, int year,
            String retention, Classification classification, OpenStatus openStatus, LocalDate date, String creator,
            String text, String fullText, Map<String, String> extra, String docNumber) {
        this(id, archivalCode, title, fonds, category, year, retention, classification, openStatus, date, creator,
                text, fullText, extra, docNumber, List.of());
    }

    /** The same document with the OCR text of its scanned pages. */
    public SearchDocument withScanPages(List<String> pages) {
        return new SearchDocument(id, archivalCode, title, fonds, category, year, retention, classification,
                openStatus, date, creator, text, fullText, extra, docNumber, pages);
    }

    /** A document without a document number (文件编号). */
    public SearchDocument(String id, String archivalCode, String title, String fonds, String category, int year,
            String retention, Classification classification, OpenStatus openStatus, LocalDate date, String creator,
            String text, String fullText, Map<String, String> extra) {
        this(id, archivalCode, title, fonds, category, year, retention, classification, openStatus, date, creator,
                text, fullText, extra, null);
    }
}
