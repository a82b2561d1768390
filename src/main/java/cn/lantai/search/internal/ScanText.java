package cn.lantai.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The scanned pages' OCR text as both engines keep it: one stored value, pages apart by a form feed (which OCR text
 * never holds), and the page a hit names: the first page whose text holds every run the query marks, matched as the
 * bigram fields match (lower case, full-width forms folded, whitespace ignored, since OCR puts spaces where the print
 * has none). Computed from the stored text of the hits shown only: a string search over a page of hits.
 */
public final class ScanText {

    public static final char PAGE_BREAK = '\f';

    private ScanText() {
    }

    /** The pages as one value; null when there are none or all are blank. */
    public static String join(List<String> pages) {
        if (pages.stream().allMatch(p -> p == null || p.isBlank())) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                out.append(PAGE_BREAK);
            }
            out.append(pages.get(i) == null ? "" : pages.get(i).replace(PAGE_BREAK, ' '));
        }
        return out.toString();
    }

    /**
     * The first page (from 1) holding all the runs; failing that, the first holding any of them; null when none does
     * or there is no scan text.
     */
    public static Integer firstPage(String joined, List<String> runs) {
        if (joined == null || joined.isEmpty() || runs == null || runs.isEmpty()) {
            return null;
        }
        List<String> wanted = new ArrayList<>();
        for (String run : runs) {
            String f = fold(run);
            if (!f.isEmpty()) {
                wanted.add(f);
            }
        }
        if (wanted.isEmpty()) {
            return null;
        }
        String[] pages = joined.split(String.valueOf(PAGE_BREAK), -1);
        Integer any = null;
        for (int i = 0; i < pages.length; i++) {
            String page = fold(pages[i]);
            long found = wanted.stream().filter(page::contains).count();
            if (found == wanted.size()) {
                return i + 1;
            }
            if (found > 0 && any == null) {
                any = i + 1;
            }
        }
        return any;
    }

    /** Lower case, plain forms of full-width ones, no whitespace. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
