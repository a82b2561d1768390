package cn.lantai.stacks;

/**
 * A year of the stacks' out/in log, as the yearly statistics count it: entries (卷, 件 or boxes) taken out (出库) in the
 * year, returned (入库) in the year, returned in the year after their due day, and taken out in the year and still out
 * at its end. The year runs by the archive's calendar ({@code lantai.archive-zone}).
 */
public record LocationsYear(int year, long takenOut, long returned, long returnedLate, long stillOut) {
}
