package cn.lantai.search.internal.lucene;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the typed runs (and their words) in a hit's stored text, as {@code <em>…</em>} in HTML-escaped text. The runs
 * are matched as the bigram field matches them: letters folded to lower case and full-width forms to their plain ones,
 * so a mark stands wherever the record was found by that run. A title is marked whole; a long text gives the passages
 * of about {@link #FRAGMENT_CHARS} characters around its first marks. Plain string search over the few hits shown:
 * none of the per-hit query work of a highlighter reading postings.
 */
final class RunMarks {

    /** Passage length and how much of it comes before its first mark: Solr's unified highlighter's defaults. */
    static final int FRAGMENT_CHARS = 160;
    private static final int BEFORE = (int) (FRAGMENT_CHARS * 0.33);
    private static final String ELLIPSIS = "… ";
    /** A passage starts after one of these when one is near. */
    private static final String SENTENCE_ENDS = "。！？；!?;\n";

    private final List<String> runs;

    RunMarks(List<String> runs) {
        List<String> folded = new ArrayList<>();
        for (String run : runs) {
            if (run != null && !run.isBlank()) {
                folded.add(fold(run));
            }
        }
        this.runs = folded;
    }

    /** The whole text, marked; null when no run is in it. */
    String whole(String text) {
        List<int[]> marks = marks(text);
        return marks.isEmpty() ? null : render(text, 0, text.length(), marks);
    }

    /** Up to {@code passages} passages around the first marks, marked; null when no run is in the text. */
    String passages(String text, int passages) {
        List<int[]> marks = marks(text);
        if (marks.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int covered = 0;
        int made = 0;
        for (int[] mark : marks) {
            if (made == passages) {
                break;
            }
            if (mark[0] < covered) {
                continue;
            }
            int start = passageStart(text, Math.max(covered, mark[0] - BEFORE), mark[0]);
            int end = Math.min(text.length(), Math.max(start + FRAGMENT_CHARS, mark[1]));
            for (int[] other : marks) { // never cut a mark in two
                if (other[0] < end && other[1] > end) {
                    end = other[1];
                }
            }
            if (made > 0) {
                out.append(ELLIPSIS);
            }
            out.append(render(text, start, end, marks));
            covered = end;
            made++;
        }
        return out.toString();
    }

    /** Where each run stands in the text, overlapping and touching ones merged: {start, end} in text order. */
    private List<int[]> marks(String text) {
        List<int[]> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        String folded = fold(text);
        for (String run : runs) {
            for (int at = folded.indexOf(run); at >= 0; at = folded.indexOf(run, at + 1)) {
                found.add(new int[] {at, at + run.length()});
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] m : found) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m[0] <= last[1]) {
                last[1] = Math.max(last[1], m[1]);
            } else {
                merged.add(new int[] {m[0], m[1]});
            }
        }
        return merged;
    }

    private static int passageStart(String text, int from, int mark) {
        for (int i = mark - 1; i >= from; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return from;
    }

    private static String render(String text, int start, int end, List<int[]> marks) {
        StringBuilder out = new StringBuilder(end - start + 16);
        int at = start;
        for (int[] mark : marks) {
            if (mark[1] <= start || mark[0] >= end) {
                continue;
            }
            int from = Math.max(mark[0], start);
            int to = Math.min(mark[1], end);
            escape(out, text, at, from);
            out.append("<em>");
            escape(out, text, from, to);
            out.append("</em>");
            at = to;
        }
        escape(out, text, at, end);
        return out.toString();
    }

    private static void escape(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
    }

    /** Lower case and plain forms of full-width ones, one char for one char, so positions carry over. */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            chars[i] = Character.toLowerCase(c);
        }
        return new String(chars);
    }
}
