package cn.lantai.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.ArchivalDates;

/**
 * What the advanced search (高级检索) asks by field: words of the title (题名), the creator (责任者) and the document
 * number (文件编号), a range of archival codes (档号) and a range of dates (日期). Each word field is read as the search
 * box is (every part between spaces required, as its words or as a run of characters) but in that field alone; the
 * ranges include both ends. Null parts ask nothing.
 *
 * <p><b>The order of archival codes.</b> Codes are compared as their normal form's characters ({@link ArchivalCode}'s
 * {@code toString}: the usual middle dot, upper case, 案卷号 and 件号 zero-padded to four digits). Inside one group
 * (全宗, 门类, 年度, 保管期限, 机构(问题), and the 案卷 where items sit in files) that is the order of the numbers:
 * {@code …-0009} before {@code …-0010}. Across groups it is the order of the levels' codes, character by character;
 * a range is meant to lie within one group, as archivists ask ("件号 20 to 45 of 2019 永久 办公室").
 *
 * <p><b>Dates.</b> A bound may be a whole date or part of one: {@code 2019} (the year), {@code 2019-03} or
 * {@code 2019年3月} (the month), or a date in any form the catalogue reads ({@code 20190312}, {@code 2019.3.12} …).
 * A partial "from" starts on its first day, a partial "to" ends on its last. Items without a date are not in any
 * date range.
 *
 * @param codeFrom the first archival code, normal form, or null
 * @param codeTo the last archival code, normal form, or null
 */
public record FieldCriteria(String title, String creator, String docNumber, String codeFrom, String codeTo,
        LocalDate dateFrom, LocalDate dateTo) {

    /** Asks nothing. */
    public static final FieldCriteria NONE = new FieldCriteria(null, null, null, null, null, null, null);

    /** Parameter names, as the page and the API call them. */
    public static final String TITLE = "title";
    public static final String CREATOR = "creator";
    public static final String DOC_NUMBER = "docNumber";
    public static final String CODE_FROM = "codeFrom";
    public static final String CODE_TO = "codeTo";
    public static final String DATE_FROM = "dateFrom";
    public static final String DATE_TO = "dateTo";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:\\s*[-./年]\\s*(\\d{1,2})\\s*月?|(\\d{2}))");

    public FieldCriteria {
        title = blank(title);
        creator = blank(creator);
        docNumber = blank(docNumber);
    }

    /** True when nothing is asked. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * Reads the fields as typed.
     *
     * @throws SearchQueryRejected naming the field: a value over {@link SearchQuery#MAX_TEXT} characters, a code that
     *         is no archival code, a date that is none (2019-13), or a range whose start lies after its end
     */
    public static FieldCriteria read(String title, String creator, String docNumber, String codeFrom, String codeTo,
            String dateFrom, String dateTo) {
        String from = code(CODE_FROM, codeFrom);
        String to = code(CODE_TO, codeTo);
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw SearchQueryRejected.onField(CODE_TO, "advsearch.code-range-reversed", from, to);
        }
        LocalDate start = date(DATE_FROM, dateFrom, false);
        LocalDate end = date(DATE_TO, dateTo, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw SearchQueryRejected.onField(DATE_TO, "advsearch.date-range-reversed", shown(dateFrom),
                    shown(dateTo));
        }
        return new FieldCriteria(text(TITLE, title), text(CREATOR, creator), text(DOC_NUMBER, docNumber), from, to,
                start, end);
    }

    private static String text(String field, String value) {
        if (value != null && value.length() > SearchQuery.MAX_TEXT) {
            throw SearchQueryRejected.onField(field, "advsearch.too-long", value.length(), SearchQuery.MAX_TEXT);
        }
        return blank(value);
    }

    private static String code(String field, String value) {
        if (blank(value) == null) {
            return null;
        }
        return ArchivalCode.normalise(value)
                .orElseThrow(() -> SearchQueryRejected.onField(field, "advsearch.not-a-code", shown(value)));
    }

    /** The first day ({@code end} false) or last day of what the text names: a year, a month or a day. */
    private static LocalDate date(String field, String value, boolean end) {
        String text = blank(value);
        if (text == null) {
            return null;
        }
        return partial(text, end).or(() -> ArchivalDates.parse(text))
                .orElseThrow(() -> SearchQueryRejected.onField(field, "advsearch.not-a-date", shown(value)));
    }

    private static Optional<LocalDate> partial(String text, boolean end) {
        Matcher year = YEAR.matcher(text);
        if (year.matches()) {
            int y = Integer.parseInt(year.group(1));
            return Optional.of(end ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1));
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            try {
                YearMonth ym = YearMonth.of(Integer.parseInt(month.group(1)),
                        Integer.parseInt(month.group(2) != null ? month.group(2) : month.group(3)));
                return Optional.of(end ? ym.atEndOfMonth() : ym.atDay(1));
            } catch (DateTimeException impossible) {
                return Optional.empty(); // 2019-13: refused, not rolled over
            }
        }
        return Optional.empty();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A bad value as a message quotes it: never a whole page of it. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
