package cn.lantai.access;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.access.internal.statistics.UseCounts;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import org.springframework.stereotype.Service;

/**
 * The use statistics the bureau reports (利用统计): persons served (人次), files and items used (卷次/件次), pages
 * copied, downloads, prints and certificates issued, over a range of days, by day, month, year, purpose or category.
 * All from the use ledger, which holds no personal data. For the reading room ({@code SERVE_READERS}) and the use
 * approvers ({@code APPROVE_USE}); anyone else is refused (403, audited). A range may not start after it ends, reach
 * before {@link #FIRST_YEAR} or beyond next year, nor cover more than {@link #MAX_DAYS} days by day.
 */
@Service
public class UseStatistics {

    /** No use of the archives was counted before this year (the founding of the People's Republic). */
    public static final int FIRST_YEAR = 1949;
    /** The most days a statistic by day covers: ten years. */
    public static final int MAX_DAYS = 3660;

    private final UseCounts counts;
    private final AuditTrail trail;
    private final ArchiveClock archiveClock;

    UseStatistics(UseCounts counts, AuditTrail trail, ArchiveClock archiveClock) {
        this.counts = counts;
        this.trail = trail;
        this.archiveClock = archiveClock;
    }

    /** Whether the viewer may read the statistics. */
    public boolean reads(Viewer viewer) {
        return AccessRights.servesReaders(viewer) || AccessRights.approvesUse(viewer);
    }

    /** The figures of the days from {@code from} to {@code to} (inclusive); null ends take this month so far. */
    public UseFigures figures(LocalDate from, LocalDate to, UseGrouping by, Viewer viewer) {
        if (!reads(viewer)) {
            trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "access.refused",
                    "access.statistics", null, null));
            throw new AccessProblem(403, "access.statistics.not-permitted");
        }
        LocalDate today = archiveClock.today();
        LocalDate start = from != null ? from : (to != null ? to : today).withDayOfMonth(1);
        LocalDate end = to != null ? to : (from != null && from.isAfter(today) ? from : today);
        UseGrouping grouping = by == null ? UseGrouping.DAY : by;
        check(start, end, grouping, today);
        return summed(start, end, grouping);
    }

    /**
     * The figures of a year of the archive's calendar, by month (every month a row, the total the year's): aggregates
     * without personal data for the bureau's yearly statistics, which check their own right ({@code READ_STATISTICS}).
     * A year outside {@link #FIRST_YEAR} to next year is refused ({@link AccessProblem}, 400).
     */
    public UseFigures year(int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = start.withDayOfYear(start.lengthOfYear());
        check(start, end, UseGrouping.MONTH, archiveClock.today());
        return summed(start, end, UseGrouping.MONTH);
    }

    /** The ledger's sums over the days, grouped; periods of time in order with the empty ones too. */
    private UseFigures summed(LocalDate start, LocalDate end, UseGrouping grouping) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        if (grouping.byTime()) {
            periods(start, end, grouping).forEach(p -> groups.put(p, new long[7]));
        }
        long[] total = new long[7];
        for (UseCounts.Sum sum : counts.sums(start, end, grouping)) {
            int column = column(sum);
            if (column >= 0) {
                groups.computeIfAbsent(sum.key(), k -> new long[7])[column] += sum.quantity();
                total[column] += sum.quantity();
            }
        }
        Stream<Map.Entry<String, long[]>> entries = groups.entrySet().stream();
        if (!grouping.byTime()) {
            entries = entries.sorted(Map.Entry.comparingByKey());
        }
        List<UseFigures.Row> rows = entries.map(e -> row(e.getKey(), e.getValue())).toList();
        return new UseFigures(start, end, grouping, rows, row("", total));
    }

    private static void check(LocalDate from, LocalDate to, UseGrouping by, LocalDate today) {
        if (from.isAfter(to)) {
            throw new AccessProblem("access.statistics.order", from, to);
        }
        if (from.getYear() < FIRST_YEAR || to.getYear() > today.getYear() + 1) {
            throw new AccessProblem("access.statistics.years", Integer.toString(FIRST_YEAR),
                    Integer.toString(today.getYear() + 1));
        }
        if (by == UseGrouping.DAY && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new AccessProblem("access.statistics.too-many-days", Integer.toString(MAX_DAYS));
        }
    }

    /** The keys of every day, month or year of the range, in order. */
    private static List<String> periods(LocalDate from, LocalDate to, UseGrouping by) {
        List<String> keys = new ArrayList<>();
        switch (by) {
            case DAY -> from.datesUntil(to.plusDays(1)).forEach(d -> keys.add(d.toString()));
            case MONTH -> {
                for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
                    keys.add(m.toString().substring(0, 7));
                }
            }
            default -> {
                for (int y = from.getYear(); y <= to.getYear(); y++) {
                    keys.add(Integer.toString(y));
                }
            }
        }
        return keys;
    }

    /** The column of the figures a sum adds to; a kind this version does not know counts nowhere. */
    private static int column(UseCounts.Sum sum) {
        return switch (sum.kind()) {
            case "VISIT" -> 0;
            case "ITEM_USED" -> UsedItem.VOLUME.equals(sum.level()) ? 1 : 2;
            case "PAGES_COPIED" -> 3;
            case "DOWNLOAD" -> 4;
            case "PRINT" -> 5;
            case "CERTIFICATE" -> 6;
            default -> -1;
        };
    }

    private static UseFigures.Row row(String key, long[] f) {
        return new UseFigures.Row(key, f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
    }
}
