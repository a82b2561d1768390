package cn.lantai.supervision.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import cn.lantai.supervision.SupervisionProblem;
import org.springframework.context.MessageSource;

/**
 * Reads the supervision forms' fields as typed: a number or day that does not parse is refused with the field's own
 * message (never a binding error), and a refusal is worded in the reader's language.
 */
final class Forms {

    private Forms() {
    }

    /** A day (yyyy-MM-dd); {@code null} when blank (the service then says it is missing). */
    static LocalDate day(String text, String key) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new SupervisionProblem(422, key);
        }
    }

    /** A whole number; {@code blank} when blank; refused with the key and its arguments. */
    static int integer(String text, int blank, String key, Object... arguments) {
        try {
            return text == null || text.isBlank() ? blank : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new SupervisionProblem(422, key, arguments);
        }
    }

    /** A decimal number; {@code null} when blank. */
    static BigDecimal decimal(String text, String key) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new SupervisionProblem(422, key);
        }
    }

    /** The refusal in the reader's language (the key itself when the bundles lack it). */
    static String message(MessageSource messages, SupervisionProblem e, Locale locale) {
        return messages.getMessage(e.key(), e.arguments(), e.key(), locale);
    }
}
