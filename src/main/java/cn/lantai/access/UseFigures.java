package cn.lantai.access;

import java.time.LocalDate;
import java.util.List;

/**
 * The use statistics of a range of days, grouped: one row per day, month, year, purpose or category, and the total.
 *
 * @param from the first day counted
 * @param to   the last day counted (inclusive)
 */
public record UseFigures(LocalDate from, LocalDate to, UseGrouping by, List<Row> rows, Row total) {

    /**
     * One group's figures: persons served (人次, visits), files used (卷次), items used (件次), pages copied (复制页数),
     * downloads, prints and certificates issued (出证份数).
     *
     * @param key the group: {@code 2026-11-30}, {@code 2026-11}, {@code 2026}, a purpose's name or a category's code;
     *            empty for uses without a purpose or category (a visit has no category)
     */
    public record Row(String key, long visits, long volumesUsed, long itemsUsed, long pagesCopied, long downloads,
            long prints, long certificates) {

        /** The figures in the order of the columns: visits, files, items, pages, downloads, prints, certificates. */
        public List<Long> figures() {
            return List.of(visits, volumesUsed, itemsUsed, pagesCopied, downloads, prints, certificates);
        }
    }
}
