package cn.lantai.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import cn.lantai.search.SearchQuery;

/**
 * The typed search text as both engines read it: the parts between spaces, each of which must be found, either as
 * its SmartChinese words (智能中文分词) or as a run of characters (a phrase of character bigrams), so a phrase the
 * segmenter splits one way in a title and another way in the query is still found. Bounded whatever is typed: only
 * the first {@value #MAX_CHARS} characters and {@value #MAX_PARTS} parts count, which keeps every engine query far
 * below the 1,024-clause limit.
 */
public final class QueryWords {

    /** Characters of the typed text that are read; an archivist's query is a few words, never a page. */
    public static final int MAX_CHARS = SearchQuery.MAX_TEXT;
    /** Space-separated parts that are read. */
    public static final int MAX_PARTS = 16;
    /** Runs and words marked in highlights (each is a phrase per highlighted field). */
    public static final int MAX_MARKED = 32;

    /** SmartChinese segmentation of a part, only to know which words to mark; thread-safe. */
    private static final Analyzer SEGMENTER = new SmartChineseAnalyzer();

    /** One space-separated part of the query, without punctuation at its ends. */
    public record Part(String run) {

        /** True when the part is long enough to be a run of character bigrams (two characters or more). */
        public boolean isRun() {
            return run.codePointCount(0, run.length()) >= 2;
        }
    }

    private QueryWords() {
    }

    /** The parts of the typed text; empty when nothing in it is a letter or digit. */
    public static List<Part> parts(String text) {
        if (text == null) {
            return List.of();
        }
        String bounded = text.strip();
        if (bounded.codePointCount(0, bounded.length()) > MAX_CHARS) {
            bounded = bounded.substring(0, bounded.offsetByCodePoints(0, MAX_CHARS));
        }
        List<Part> parts = new ArrayList<>();
        for (String piece : bounded.split("[\\s\\u3000]+")) {
            String run = trimPunctuation(piece);
            if (!run.isEmpty()) {
                parts.add(new Part(run));
                if (parts.size() == MAX_PARTS) {
                    break;
                }
            }
        }
        return List.copyOf(parts);
    }

    /** The parts joined by single spaces: the text the title phrase and title words are taken from. */
    public static String joined(List<Part> parts) {
        return String.join(" ", parts.stream().map(Part::run).toList());
    }

    /**
     * What a hit's highlights mark: each part's run and, for a part found as scattered words, its SmartChinese words
     * of two characters or more (one character is not a run; marking every 的 helps no reader). As typed, not stemmed.
     */
    public static List<String> marked(List<Part> parts) {
        Set<String> marked = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part.isRun()) {
                marked.add(part.run());
            }
        }
        for (Part part : parts) {
            for (String word : words(part.run())) {
                if (word.codePointCount(0, word.length()) >= 2) {
                    marked.add(word);
                }
            }
        }
        return marked.stream().limit(MAX_MARKED).toList();
    }

    private static List<String> words(String run) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = SEGMENTER.tokenStream("", run)) {
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(run.substring(offset.startOffset(), offset.endOffset()));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query in memory failed", e);
        }
        return words;
    }

    /** Quotes, brackets and stops around a part are not part of what is looked for ("张三" → 张三). */
    private static String trimPunctuation(String piece) {
        int start = 0;
        int end = piece.length();
        while (start < end && !Character.isLetterOrDigit(piece.codePointAt(start))) {
            start += Character.charCount(piece.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(piece.codePointBefore(end))) {
            end -= Character.charCount(piece.codePointBefore(end));
        }
        return piece.substring(start, end);
    }
}
