package cn.lantai.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.access.UseFigures;
import cn.lantai.access.UseStatistics;
import cn.lantai.stacks.Protections;
import cn.lantai.statistics.internal.YearFigures;
import cn.lantai.statistics.internal.YearFigures.Raw;
import cn.lantai.supervision.Inspections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The bureau's yearly statistics (统计年报), for the bureau's leaders ({@code READ_STATISTICS}): every figure of a year
 * computed from the modules' data beside the previous year's, and the months of use for the director's dashboard.
 * A year runs by the archive's calendar ({@code lantai.archive-zone}); the current year is reported so far. A year
 * before {@link #FIRST_YEAR} is refused (400), a year after the current one too (422); a year with nothing recorded
 * is a report of zeros that says so.
 */
@Service
public class YearlyStatistics {

    /** The first year reported: the founding of the People's Republic, as the use statistics count it. */
    public static final int FIRST_YEAR = UseStatistics.FIRST_YEAR;

    private final YearFigures figures;
    private final Inspections inspections;
    private final Protections protections;
    private final ZoneId zone;

    YearlyStatistics(YearFigures figures, Inspections inspections, Protections protections,
            @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.figures = figures;
        this.inspections = inspections;
        this.protections = protections;
        this.zone = zone;
    }

    /** The current year of the archive's calendar. */
    public int currentYear() {
        return LocalDate.now(zone).getYear();
    }

    /** The year as typed (path or form), checked as {@link #report(String)} says. */
    private int year(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (!t.matches("[0-9]{4}")) {
            throw new StatisticsProblem(400, "statistics.year.bad", Integer.toString(FIRST_YEAR));
        }
        int year = Integer.parseInt(t);
        if (year < FIRST_YEAR) {
            throw new StatisticsProblem(400, "statistics.year.bad", Integer.toString(FIRST_YEAR));
        }
        if (year > currentYear()) {
            throw new StatisticsProblem(422, "statistics.year.future", Integer.toString(year),
                    Integer.toString(currentYear()));
        }
        return year;
    }

    /**
     * The yearly report of a year as typed (path or form), each figure beside the previous year's.
     *
     * @throws StatisticsProblem 400 {@code statistics.year.bad} for anything but a year from {@link #FIRST_YEAR};
     *         422 {@code statistics.year.future} for a year after the current one
     */
    @PreAuthorize("hasAuthority('READ_STATISTICS')")
    public YearlyReport report(String typed) {
        int year = year(typed);
        Map<String, List<Raw>> now = figures.of(year);
        Map<String, List<Raw>> before = figures.of(year - 1);
        List<Section> sections = new ArrayList<>();
        boolean empty = true;
        for (String key : YearFigures.SECTIONS) {
            Map<String, Raw> previous = new LinkedHashMap<>();
            before.getOrDefault(key, List.of()).forEach(r -> previous.put(r.key(), r));
            Map<String, Figure> merged = new LinkedHashMap<>();
            for (Raw r : now.getOrDefault(key, List.of())) {
                Raw p = previous.remove(r.key());
                merged.put(r.key(), new Figure(r.key(), r.label(), r.argument(), r.value(),
                        p == null ? BigDecimal.ZERO : p.value()));
                empty &= r.value().signum() == 0;
            }
            previous.values().forEach(p -> merged.put(p.key(), new Figure(p.key(), p.label(), p.argument(),
                    BigDecimal.ZERO, p.value())));
            sections.add(new Section(key, "statistics.section." + key, List.copyOf(merged.values())));
        }
        return new YearlyReport(year, empty, sections);
    }

    /**
     * What needs attention today (the archive's day), for the dashboard's panel: overdue rectifications and repellent
     * changes due. The eight protections' quarterly checks are not offered by the stacks module to other modules, so
     * they are not part of it.
     */
    @PreAuthorize("hasAuthority('READ_STATISTICS')")
    public Attention attention() {
        return new Attention(inspections.overdue(), protections.repellentsDueNow());
    }

    /** The year's use month by month (persons served, 卷次, 件次 …), every month a row. */
    @PreAuthorize("hasAuthority('READ_STATISTICS')")
    public List<UseFigures.Row> useByMonth(int year) {
        year(Integer.toString(year));
        return figures.useByMonth(year);
    }
}
