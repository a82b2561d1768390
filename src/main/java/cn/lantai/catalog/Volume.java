package cn.lantai.catalog;

import java.time.LocalDate;

/**
 * A file (卷, 案卷): an ordered set of items under an archival code of its own, numbered gap-free in its group like
 * items are. Its items are numbered 1… inside it (卷内件号).
 *
 * @param startDate the first date of the records it holds (起始日期), or null while not given
 * @param endDate   the last date (终止日期), or null
 */
public record Volume(long id, String archivalCode, String fonds, String category, int year, Retention retention,
        String org, int number, String title, Classification classification, OpenStatus openStatus, String notes,
        LocalDate startDate, LocalDate endDate, long itemCount) {
}
