package cn.lantai.accession;

import java.time.Instant;
import java.util.List;

/**
 * The receipt of a unit's filing (归档回执): which filing ({@code receiptId}, the unit and its {@code sourceId}), the
 * record it became ({@code recordId} and its 档号, both null when it failed), the four-properties result and every
 * check made, who filed it and when. Its JSON is what the archive signs.
 */
public record FilingReceipt(String receiptId, String unit, String sourceId, Long recordId, String archivalCode,
        PropertyCheck.Result result, List<PropertyCheck> checks, String filedBy, Instant filedAt) {

    public FilingReceipt {
        checks = List.copyOf(checks);
    }

    /**
     * The receipt as issued: the exact JSON text signed, and the archive's detached CMS signature over its UTF-8
     * bytes (SM3withSM2, base64), to be checked against the archive's public key.
     */
    public record Signed(FilingReceipt receipt, String json, String signature) {
    }
}
