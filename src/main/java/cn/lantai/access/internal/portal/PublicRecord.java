package cn.lantai.access.internal.portal;

/**
 * What the portal shows of an open, unclassified record: the description a member of the public reads in the reading
 * room's open catalogue (DA/T 18's identification and content elements), never the archive's own working fields
 * (备注 notes, 档案保管沿革 custodial history, 销毁情况, 整理情况, file sizes), the category's extra fields (a
 * livelihood register's may hold personal data), or any mark of classification or open status (always none and 开放).
 *
 * @param scannedPages how many scanned pages (画幅) the viewer shows; 0 when not digitized
 * @param manifest     the path of the pages' IIIF manifest, or null when not digitized
 */
public record PublicRecord(long id, String archivalCode, String title, String date, int year, String creator,
        String docNumber, String fonds, String fondsName, String category, String categoryName, String pages,
        String carrier, String docType, String language, String keywords, String attachments, String scopeNote,
        int scannedPages, String manifest) {

    /** Whether the record has scanned pages to show. */
    public boolean digitized() {
        return scannedPages > 0 && manifest != null;
    }
}
