package cn.lantai.catalog;

import java.util.List;

/**
 * Selects items by the catalogue tree and the DA/T 22 parts: fonds, category, year range, retention, org code,
 * classification and open status. Empty parts select everything. Also used for bulk edits and exports.
 */
public record ItemFilter(String fonds, String category, Integer yearFrom, Integer yearTo, Retention retention,
        String org, Classification classification, OpenStatus openStatus, List<Long> ids) {

    public static ItemFilter all() {
        return new ItemFilter(null, null, null, null, null, null, null, null, null);
    }

    public static ItemFilter ofIds(List<Long> ids) {
        return new ItemFilter(null, null, null, null, null, null, null, null, ids);
    }
}
