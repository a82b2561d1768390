package cn.lantai.access;

import java.time.Instant;

/**
 * A certified copy (档案证明) as the archive issued it: its number, the record (档号, 题名, by its id) and the pages
 * certified, the visit and purpose it was issued for, who issued it and when, and its revocation if any.
 */
public record Certificate(String number, long itemId, String archivalCode, String title, int firstPage, int lastPage,
        Long visitId, Purpose purpose, String issuer, Instant issuedAt, Instant revokedAt, String revokedBy,
        String revokeReason) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
