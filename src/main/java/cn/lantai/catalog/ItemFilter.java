package cn.lantai.catalog;

import java.util.List;
import java.util.StringJoiner;

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

    /**
     * How the audit trail names what was selected, as it names other targets ({@code fonds:0012}, {@code item:42}):
     * the filter's parts and the chosen items' ids, e.g. {@code fonds:0012 category:WS year:2019 retention:Y} or
     * {@code items:10,2,3}; never the record's Java form, which the auditor's page would show as it is.
     */
    public String auditTarget() {
        StringJoiner parts = new StringJoiner(" ");
        if (fonds != null) {
            parts.add("fonds:" + fonds);
        }
        if (category != null) {
            parts.add("category:" + category);
        }
        if (yearFrom != null || yearTo != null) {
            parts.add(yearFrom != null && yearFrom.equals(yearTo) ? "year:" + yearFrom
                    : "year:" + (yearFrom == null ? "" : yearFrom) + "-" + (yearTo == null ? "" : yearTo));
        }
        if (retention != null) {
            parts.add("retention:" + retention.code());
        }
        if (org != null) {
            parts.add("org:" + org);
        }
        if (classification != null) {
            parts.add("classification:" + classification.name());
        }
        if (openStatus != null) {
            parts.add("open:" + openStatus.name());
        }
        if (ids != null && !ids.isEmpty()) {
            parts.add("items:" + String.join(",", ids.stream().map(String::valueOf).toList()));
        }
        return parts.length() == 0 ? "items:all" : parts.toString();
    }
}
