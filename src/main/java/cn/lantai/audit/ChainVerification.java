package cn.lantai.audit;

/**
 * Result of checking the chain end to end. ok() true when intact; otherwise firstBrokenSeq and problem say where and
 * what (problem is an i18n message code, e.g. "audit.broken.altered", whose one argument is firstBrokenSeq; detail a
 * human text in English for logs/command output). When intact, detail says whether the newest entries are still
 * waiting for a signed checkpoint. {@code receiptsChecked} counts the auditor's receipts the chain was held against.
 */
public record ChainVerification(boolean ok, long entriesChecked, long checkpointsChecked, long receiptsChecked,
        Long firstBrokenSeq, String problem, String detail) {

    /** An entry's content or digest no longer matches what was chained (or the head disagrees with it). */
    public static final String ALTERED = "audit.broken.altered";
    /** An entry is missing from the middle of the chain: its number is a gap. */
    public static final String MISSING = "audit.broken.missing";
    /** An entry that the application did not append: extra, duplicate, out of order or beyond the head. */
    public static final String INSERTED = "audit.broken.inserted";
    /** The newest entries from this number on are gone, though a signed checkpoint, a receipt or the head vouches. */
    public static final String TRUNCATED = "audit.broken.truncated";
    /** A checkpoint line is malformed, its signature fails, or its digest differs from the chain. */
    public static final String CHECKPOINT = "audit.broken.checkpoint";
    /** A receipt's signature fails with the archive's key: not this archive's receipt, altered, or the key replaced. */
    public static final String RECEIPT = "audit.broken.receipt";

    public static ChainVerification intact(long entriesChecked, long checkpointsChecked, long receiptsChecked,
            String detail) {
        return new ChainVerification(true, entriesChecked, checkpointsChecked, receiptsChecked, null, null, detail);
    }

    public static ChainVerification broken(long entriesChecked, long checkpointsChecked, long receiptsChecked,
            long seq, String problem, String detail) {
        return new ChainVerification(false, entriesChecked, checkpointsChecked, receiptsChecked, seq, problem, detail);
    }
}
