package cn.lantai.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The archive's one time zone ({@code lantai.archive-zone}, Asia/Shanghai unless set): every day, month and year of
 * the access module (the desk's day, the statistics, the retention, the certificate's year, dates printed on
 * watermarks, certificates and pages) is counted in it, whatever zone the server runs in.
 */
@Component
public class ArchiveClock {

    private final ZoneId zone;
    private final Clock clock;

    ArchiveClock(@Value("${lantai.archive-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone.strip());
        this.clock = Clock.system(this.zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The system clock, in the archive's zone. */
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today, in the archive's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The archive's date of a moment. */
    public LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The first moment of the day in the archive's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The formatter, set to print in the archive's zone. */
    public DateTimeFormatter format(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withZone(zone);
    }

    /**
     * How many minutes the archive's zone is ahead of the server's at the moment: a TIMESTAMP column holds the
     * server's wall time ({@link java.sql.Timestamp#from(Instant)}), so a day, month or year in SQL is taken of the
     * column shifted by this much.
     */
    public int minutesAheadOfServer(Instant at) {
        ZoneOffset archive = zone.getRules().getOffset(at);
        ZoneOffset server = ZoneId.systemDefault().getRules().getOffset(at);
        return (archive.getTotalSeconds() - server.getTotalSeconds()) / 60;
    }
}
