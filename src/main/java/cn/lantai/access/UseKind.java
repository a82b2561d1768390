package cn.lantai.access;

/**
 * What the use statistics count (the bureau's 利用 figures), one row of the use ledger each: a person served (人次),
 * an item used (卷次 for a 卷, 件次 for a 件), pages copied (复制页数), a download or a print of a delivered copy, a
 * certificate issued (出证份数).
 */
public enum UseKind {
    /** A visit: one person served (人次). */
    VISIT,
    /** An item used in a visit or through a granted request (卷次/件次). */
    ITEM_USED,
    /** Pages copied for the visitor (复制页数); the quantity is the number of pages. */
    PAGES_COPIED,
    /** A watermarked copy downloaded. */
    DOWNLOAD,
    /** A watermarked copy printed. */
    PRINT,
    /** A certified copy issued (出证). */
    CERTIFICATE
}
