package cn.lantai.catalog;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates archivists write: {@code 20190312}, {@code 2019-03-12}, {@code 2019.3.12}, {@code 2019/3/12},
 * {@code 2019年3月12日}. Dates are stored in ISO form; impossible dates (2019-02-30) are refused, not rolled over.
 */
public final class ArchivalDates {

    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[T ].*");

    private ArchivalDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Pattern p : new Pattern[] {COMPACT, SEPARATED, ISO_DATE_TIME}) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                try {
                    return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))));
                } catch (DateTimeException impossible) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
