package cn.lantai.search;

import java.util.Map;

/**
 * One found item. {@code highlights} maps a field ({@code title}, {@code text}, {@code fullText}) to a fragment with
 * the matched words inside {@code <em>}; the rest of the fragment is HTML-escaped.
 */
public record SearchHit(String id, String archivalCode, String title, String fonds, String category, int year,
        String date, String classification, String openStatus, float score, Map<String, String> highlights) {
}
