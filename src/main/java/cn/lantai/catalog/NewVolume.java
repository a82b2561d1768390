package cn.lantai.catalog;

/**
 * A file (卷) to create, as a person gives it: the group it belongs to, its title, and optionally its classification
 * (密级), open status (开放标识) and notes; its number (案卷号) is allocated.
 */
public record NewVolume(String fonds, String category, Integer year, String retention, String org, String title,
        String classification, String openStatus, String notes) {
}
