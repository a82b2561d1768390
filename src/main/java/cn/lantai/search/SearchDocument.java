package cn.lantai.search;

import java.time.LocalDate;
import java.util.Map;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;

/**
 * What the index holds of one item: the facets and filters as exact values, the title and the full text apart (they
 * are highlighted), and every other description field run together in {@code text}. {@code extra} holds the
 * category's own fields by key, searchable as words and filterable by exact value. {@code docNumber} (文件编号) is
 * in {@code text} too; on its own it is what the advanced search asks by.
 */
public record SearchDocument(String id, String archivalCode, String title, String fonds, String category, int year,
        String retention, Classification classification, OpenStatus openStatus, LocalDate date, String creator,
        String text, String fullText, Map<String, String> extra, String docNumber) {

    public SearchDocument {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A document without a document number (文件编号). */
    public SearchDocument(String id, String archivalCode, String title, String fonds, String category, int year,
            String retention, Classification classification, OpenStatus openStatus, LocalDate date, String creator,
            String text, String fullText, Map<String, String> extra) {
        this(id, archivalCode, title, fonds, category, year, retention, classification, openStatus, date, creator,
                text, fullText, extra, null);
    }
}
