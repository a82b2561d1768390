package cn.lantai.catalog;

/**
 * One leaf of the catalogue tree (全宗 → 门类 → 年度): how many items of a fonds, category and year a viewer may see.
 */
public record Holding(String fonds, String category, int year, long items) {
}
