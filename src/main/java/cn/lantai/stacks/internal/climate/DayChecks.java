package cn.lantai.stacks.internal.climate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check of finished days: a room whose watch has begun (its first reading, or the first whole day after its
 * earliest enabled sensor was registered, so that a sensor that never posts is noticed) that has fewer than two
 * readings on a finished day gets a thin-day alert for it. Run each night at 00:30 by the archive's clock for the last
 * seven days (a missed night is caught up; alerts are one per room and day), and by the tests for a given day.
 */
@Component
public class DayChecks {

    private static final Logger LOG = LoggerFactory.getLogger(DayChecks.class);
    private static final int CATCH_UP_DAYS = 7;

    private final ReadingStore readings;
    private final AlertStore alerts;
    private final TransactionTemplate transactions;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    DayChecks(ReadingStore readings, AlertStore alerts, TransactionTemplate transactions,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.readings = readings;
        this.alerts = alerts;
        this.transactions = transactions;
        this.zone = zone;
    }

    @Scheduled(cron = "0 30 0 * * *", zone = "${lantai.archive-zone:Asia/Shanghai}")
    void nightly() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int raised = 0;
        for (int back = CATCH_UP_DAYS; back >= 1; back--) {
            raised += checkDay(today.minusDays(back));
        }
        LOG.info("Climate: {} thin-day alert(s) raised for the {} days before {}", raised, CATCH_UP_DAYS, today);
    }

    /**
     * Checks one day of every watched room, if the day is over by the archive's clock; the thin-day alerts raised now
     * (none where one was raised before).
     */
    public int checkDay(LocalDate day) {
        if (!day.isBefore(LocalDate.now(clock.withZone(zone)))) {
            return 0;
        }
        int raised = 0;
        Instant now = clock.instant();
        for (Map.Entry<String, LocalDate> first : readings.firstDays().entrySet()) {
            if (first.getValue().isAfter(day)) {
                continue;
            }
            String room = first.getKey();
            Boolean r = transactions.execute(status -> {
                readings.lockRoom(room);
                long count = readings.day(room, day).map(ClimateDay::readings).orElse(0L);
                return count < 2 && alerts.raise(room, AlertKind.THIN_DAY, day, String.valueOf(count), now);
            });
            raised += Boolean.TRUE.equals(r) ? 1 : 0;
        }
        return raised;
    }
}
