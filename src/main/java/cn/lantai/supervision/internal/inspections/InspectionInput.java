package cn.lantai.supervision.internal.inspections;

import java.time.LocalDate;
import java.util.List;

import cn.lantai.supervision.SupervisionProblem;
import cn.lantai.supervision.internal.Inputs;

/**
 * What an inspection's steps accept as text and dates: a line (subject, finding, name) is stripped, not blank, within
 * its length and without control characters; a text (result, evidence) may also hold line breaks and tabs; a date is
 * given. Each refusal is a 422 {@link SupervisionProblem} with the key that says which input was wrong.
 */
public final class InspectionInput {

    private InspectionInput() {
    }

    /** The line stripped; refused when blank, longer than {@code max} or with control characters. */
    public static String line(String given, int max, String key) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty() || value.length() > max || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new SupervisionProblem(422, key, max);
        }
        return value;
    }

    /** The text stripped ({@code null} when blank and optional); line breaks and tabs are kept. */
    public static String text(String given, int max, boolean required, String key) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty() && !required) {
            return null;
        }
        boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r'
                && c != '\t');
        if (value.isEmpty() || value.length() > max || control) {
            throw new SupervisionProblem(422, key, max);
        }
        return value;
    }

    /** The lines, each checked as {@link #line}; refused when none or more than {@code most}. */
    public static List<String> lines(List<String> given, int most, int max, String key) {
        if (given == null || given.isEmpty() || given.size() > most) {
            throw new SupervisionProblem(422, key, max, most);
        }
        return given.stream().map(l -> line(l, max, key)).toList();
    }

    /** A date of something done: given, not before {@link Inputs#EARLIEST} and not after {@code today}. */
    public static LocalDate done(LocalDate date, LocalDate today) {
        if (date == null) {
            throw new SupervisionProblem(422, "supervision.inspection.date-missing");
        }
        if (date.isBefore(Inputs.EARLIEST)) {
            throw new SupervisionProblem(422, "supervision.inspection.date-too-early", date, Inputs.EARLIEST);
        }
        if (date.isAfter(today)) {
            throw new SupervisionProblem(422, "supervision.inspection.date-in-future", date);
        }
        return date;
    }
}
