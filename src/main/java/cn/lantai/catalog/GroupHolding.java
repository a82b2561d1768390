package cn.lantai.catalog;

/**
 * One leaf of the catalogue tree below a year (年度 → 保管期限 → 机构(问题) → 案卷): how many items of a retention,
 * organisation code (empty when none) and file (卷; null for loose items, 件) a viewer may see.
 */
public record GroupHolding(Retention retention, String org, Integer volume, long items) {
}
