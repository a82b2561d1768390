package cn.lantai.search;

import java.util.Map;

/**
 * One found item. {@code highlights} maps a field ({@code title}, {@code text}, {@code fullText}, {@code scanText}) to
 * a fragment with the matched words inside {@code <em>}; the rest of the fragment is HTML-escaped. {@code page} is the
 * first scanned page (画幅, from 1) whose OCR text holds the query's words, null when the hit is not from the scans.
 */
public record SearchHit(String id, String archivalCode, String title, String fonds, String category, int year,
        String date, String classification, String openStatus, float score, Map<String, String> highlights,
        Integer page) {

    /** A hit not found in scanned pages. */
    public SearchHit(String id, String archivalCode, String title, String fonds, String category, int year,
            String date, String classification, String openStatus, float score, Map<String, String> highlights) {
        this(id, archivalCode, title, fonds, category, year, date, classification, openStatus, score, highlights,
                null);
    }
}
