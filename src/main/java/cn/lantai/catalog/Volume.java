package cn.lantai.catalog;

/**
 * A file (卷, 案卷): an ordered set of items under an archival code of its own, numbered gap-free in its group like
 * items are. Its items are numbered 1… inside it (卷内件号).
 */
public record Volume(long id, String archivalCode, String fonds, String category, int year, Retention retention,
        String org, int number, String title, Classification classification, OpenStatus openStatus, String notes,
        long itemCount) {
}
