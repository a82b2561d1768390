package cn.lantai.catalog.internal.sheets;

import java.util.Locale;
import java.util.Set;

/**
 * Which Excel number formats show a number as a date or a time (ECMA-376 Part 1, §18.8.30 numFmt). The built-in
 * formats have ids only (no format text in the file): 14–17 and 22 are dates, 18–21 and 45–47 times; 27–36 and 50–58
 * are the East Asian built-ins, which a Chinese Excel or WPS shows as 2019年3月5日, 3月5日 or 9时30分 (the
 * module documentation's reader takes no quotation marks in a comment). Custom formats are read for their date and time letters outside quoted text, escapes and
 * brackets ({@code [$-804]yyyy年m月d日}, {@code yyyy/mm/dd}, {@code [h]:mm}).
 */
final class DateFormats {

    enum Kind { NUMBER, DATE, TIME }

    private static final Set<Integer> BUILT_IN_DATES = Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52,
            53, 54, 57, 58);
    private static final Set<Integer> BUILT_IN_TIMES = Set.of(18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56);

    private DateFormats() {
    }

    static Kind kind(Integer formatId, String formatText) {
        if (formatText != null && !formatText.isBlank()) {
            return ofText(formatText);
        }
        if (formatId == null) {
            return Kind.NUMBER;
        }
        if (BUILT_IN_DATES.contains(formatId)) {
            return Kind.DATE;
        }
        return BUILT_IN_TIMES.contains(formatId) ? Kind.TIME : Kind.NUMBER;
    }

    static Kind ofText(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        // the first section is the one for positive numbers, which dates are
        int semicolon = f.indexOf(';');
        if (semicolon >= 0) {
            f = f.substring(0, semicolon);
        }
        boolean elapsed = f.matches(".*\\[(h+|m+|s+)].*");
        f = f.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("[_*].", "")
                .replaceAll("\\[[^]]*]", "");
        if (f.equals("general") || f.contains("@")) {
            return Kind.NUMBER;
        }
        if (f.indexOf('y') >= 0 || f.indexOf('d') >= 0 || f.indexOf('年') >= 0 || f.indexOf('日') >= 0) {
            return Kind.DATE;
        }
        if (elapsed || f.indexOf('h') >= 0 || f.indexOf('s') >= 0 || f.indexOf('时') >= 0) {
            return Kind.TIME;
        }
        // m alone is a month (mmm, mmmm); beside digit placeholders it is not a date format at all
        return f.indexOf('m') >= 0 && f.indexOf('0') < 0 && f.indexOf('#') < 0 ? Kind.DATE : Kind.NUMBER;
    }
}
