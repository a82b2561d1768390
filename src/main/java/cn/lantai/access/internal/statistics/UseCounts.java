package cn.lantai.access.internal.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.lantai.access.UseGrouping;
import cn.lantai.access.internal.ArchiveClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums the use ledger ({@code access_use}) over a range of days, one query grouped by the chosen group, the kind and
 * the level: a range of {@code at} read through the index {@code access_use_statistics}, which holds every column
 * the sum needs, so millions of rows are summed from the index alone.
 */
@Component
public class UseCounts {

    private final JdbcClient jdbc;
    private final ArchiveClock archiveClock;

    UseCounts(JdbcClient jdbc, ArchiveClock archiveClock) {
        this.jdbc = jdbc;
        this.archiveClock = archiveClock;
    }

    /** One sum: the group's key (as {@link cn.lantai.access.UseFigures.Row#key()}), the kind, the level, how many. */
    public record Sum(String key, String kind, String level, long quantity) {
    }

    /**
     * The sums of the uses from the first day's start to the end of the last, days, months and years counted in the
     * archive's zone: the column (the server's wall time) shifted by the zones' difference at the range's start (an
     * archive zone with summer time would be off by an hour next to its changes; Asia/Shanghai has none).
     */
    public List<Sum> sums(LocalDate from, LocalDate to, UseGrouping by) {
        Instant start = archiveClock.startOf(from);
        int ahead = archiveClock.minutesAheadOfServer(start);
        String at = ahead == 0 ? "at" : "(at + INTERVAL '" + ahead + "' MINUTE)";
        String group = switch (by) {
            case DAY -> "CAST(" + at + " AS DATE)";
            case MONTH -> "EXTRACT(YEAR FROM " + at + ") * 100 + EXTRACT(MONTH FROM " + at + ")";
            case YEAR -> "EXTRACT(YEAR FROM " + at + ")";
            case PURPOSE -> "purpose";
            case CATEGORY -> "category";
        };
        return jdbc.sql("SELECT " + group + " AS g, kind, item_level, SUM(quantity) FROM access_use"
                        + " WHERE at >= :from AND at < :to GROUP BY " + group + ", kind, item_level")
                .param("from", Timestamp.from(start))
                .param("to", Timestamp.from(archiveClock.startOf(to.plusDays(1))))
                .query((rs, n) -> new Sum(key(by, rs.getObject(1)), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    private static String key(UseGrouping by, Object value) {
        if (value == null) {
            return "";
        }
        return switch (by) {
            case DAY -> value instanceof java.sql.Date d ? d.toLocalDate().toString() : value.toString().substring(0, 10);
            case MONTH -> {
                long yyyymm = ((Number) value).longValue();
                yield String.format("%04d-%02d", yyyymm / 100, yyyymm % 100);
            }
            case YEAR -> Long.toString(((Number) value).longValue());
            case PURPOSE, CATEGORY -> value.toString();
        };
    }
}
