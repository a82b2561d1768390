package cn.lantai.stacks.internal.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Today and the quarters as the archive counts them, in its one time zone ({@code lantai.archive-zone}). */
@Component
public class SafetyCalendar {

    private final ZoneId zone;

    SafetyCalendar(@Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }

    /** The first day of a quarter (1–4) of a year. */
    static LocalDate quarterStart(int year, int quarter) {
        return LocalDate.of(year, 3 * quarter - 2, 1);
    }

    /** The last day of a quarter (1–4) of a year. */
    static LocalDate quarterEnd(int year, int quarter) {
        return quarterStart(year, quarter).plusMonths(3).minusDays(1);
    }

    static int quarterOf(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }
}
