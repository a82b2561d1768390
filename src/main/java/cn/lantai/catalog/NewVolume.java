package cn.lantai.catalog;

/**
 * A file (卷) to create, as a person gives it: the group it belongs to, its title, and optionally its classification
 * (密级), open status (开放标识), notes and date range (起止日期); its number (案卷号) is allocated.
 */
public record NewVolume(String fonds, String category, Integer year, String retention, String org, String title,
        String classification, String openStatus, String notes, String startDate, String endDate) {

    /** A file without a date range yet. */
    public NewVolume(String fonds, String category, Integer year, String retention, String org, String title,
            String classification, String openStatus, String notes) {
        this(fonds, category, year, retention, org, title, classification, openStatus, notes, null, null);
    }
}
