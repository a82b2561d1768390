package cn.lantai.catalog;

/** What a person may do to the catalogue beyond reading what they may see; granted through roles. */
public enum CatalogRight {
    /** Register fonds and define categories and their fields. */
    CATALOG_DEFINE,
    /** Create, edit, renumber and delete items and files (著录). */
    CATALOG_EDIT,
    /** Import sheets of entries. */
    CATALOG_IMPORT,
    /** Export entries to Excel/CSV. */
    CATALOG_EXPORT,
    /** Change the 密级 or 开放标识 of a record already described: opening and declassifying are appraisal decisions. */
    APPRAISE
}
