package cn.lantai.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.lantai.supervision.SupervisionProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How supervision checks what people type: texts stripped, without control characters and within their column; days
 * within the archive's plausible range, read in the archive's time zone ({@code lantai.archive-zone}).
 */
@Component
public class Inputs {

    /** No record of the bureau's supervision work is older than this. */
    public static final LocalDate EARLIEST = LocalDate.of(1980, 1, 1);

    private final ZoneId zone;

    Inputs(@Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    /** Today in the archive's calendar. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The day of an instant in the archive's calendar. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * The day, refused (422 with {@code key}) when missing, before {@link #EARLIEST} or after {@code latest}.
     */
    public LocalDate day(LocalDate day, LocalDate latest, String key) {
        if (day == null || day.isBefore(EARLIEST) || day.isAfter(latest)) {
            throw new SupervisionProblem(422, key, EARLIEST, latest);
        }
        return day;
    }

    /** A text that must be given: stripped; refused when blank, too long or holding control characters. */
    public static String required(String text, int max, String key) {
        String value = optional(text, max, key);
        if (value == null) {
            throw new SupervisionProblem(422, key, max);
        }
        return value;
    }

    /** A text that may be left out ({@code null} when blank); refused when too long or holding control characters. */
    public static String optional(String text, int max, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > max || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new SupervisionProblem(422, key, max);
        }
        return value;
    }
}
