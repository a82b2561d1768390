package cn.lantai.catalog;

/**
 * A file's (卷) description as changed by a person: its title (题名) and its date range (起止日期), as typed; a blank
 * date clears it. The file's number and group are not changed this way.
 */
public record VolumeChange(String title, String startDate, String endDate) {
}
