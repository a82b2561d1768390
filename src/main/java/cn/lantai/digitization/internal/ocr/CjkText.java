package cn.lantai.digitization.internal.ocr;

import java.util.List;

/**
 * Joins recognised pieces as Chinese is written: no space between two CJK characters (Tesseract and PP-OCR put spaces
 * between glyphs), one space between other pieces (Latin words, numbers).
 */
public final class CjkText {

    private CjkText() {
    }

    public static String join(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            String p = piece == null ? "" : piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && !(cjk(out.codePointBefore(out.length())) || cjk(p.codePointAt(0)))) {
                out.append(' ');
            }
            out.append(p);
        }
        return out.toString();
    }

    /** The text with the spaces between CJK characters (and CJK punctuation) taken out. */
    public static String tighten(String text) {
        if (text == null) {
            return "";
        }
        return join(List.of(text.split("[ \\t\\u3000]+")));
    }

    /** Han ideographs, CJK punctuation and full-width forms: written without spaces between them. */
    static boolean cjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION && cp >= 0x2018 && cp <= 0x201F;
    }
}
