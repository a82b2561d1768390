package cn.lantai.stacks;

import java.time.LocalDate;
import java.util.List;

import cn.lantai.stacks.internal.safety.CheckStore;
import cn.lantai.stacks.internal.safety.LogStore;
import cn.lantai.stacks.internal.safety.RepellentSchedule;
import cn.lantai.stacks.internal.safety.SafetyCalendar;
import org.springframework.stereotype.Service;

/**
 * The eight protections (八防) as other parts read them: a year's figures for the statistics, and the rooms whose
 * repellent is due for the dashboard. A check counts in the year of its quarter (a fourth-quarter check done in January
 * is the old year's); its findings count with it, and a finding counts as closed when closed by that year's 31
 * December. Repellent changes and incidents count by their day. The keeping itself is the stacks staff's, on
 * {@code /stacks/safety}.
 */
@Service
public class Protections {

    private final CheckStore checks;
    private final LogStore logs;
    private final RepellentSchedule schedule;
    private final SafetyCalendar calendar;

    Protections(CheckStore checks, LogStore logs, RepellentSchedule schedule, SafetyCalendar calendar) {
        this.checks = checks;
        this.logs = logs;
        this.schedule = schedule;
        this.calendar = calendar;
    }

    /** The year's figures (aggregates, no personal data); the caller decides who may read them. */
    public ProtectionYear year(int year) {
        long[] c = checks.yearCounts(year);
        long[] l = logs.yearCounts(year);
        return new ProtectionYear(year, c[0], c[1], c[2], l[0], l[1]);
    }

    /** The rooms whose repellent is due within 14 days or overdue today (the archive's day); aggregates only. */
    public List<RepellentDue> repellentsDueNow() {
        return repellentsDue(calendar.today());
    }

    /** The rooms whose repellent is due within 14 days or overdue on that day. */
    public List<RepellentDue> repellentsDue(LocalDate day) {
        return schedule.reminders(day);
    }
}
