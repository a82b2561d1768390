package cn.lantai.statistics;

import java.util.List;

/**
 * The bureau's yearly statistics (统计年报) of a year of the archive's calendar, each figure beside the previous
 * year's. {@code noData} says that nothing at all was recorded for the year (every figure 0): a report of zeros, not
 * an error.
 */
public record YearlyReport(int year, boolean noData, List<Section> sections) {

    public YearlyReport {
        sections = List.copyOf(sections);
    }

    /** The previous year, whose values every figure carries beside its own. */
    public int previousYear() {
        return year - 1;
    }

    /** The section with this key, or an empty one. */
    public Section section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElse(new Section(key, "statistics.section." + key, List.of()));
    }
}
