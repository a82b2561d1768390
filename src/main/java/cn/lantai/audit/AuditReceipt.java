package cn.lantai.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.audit.internal.CheckpointLine;

/**
 * A receipt (审计回执): the archive's SM2-signed word that its trail reached entry {@code seq} with this digest at
 * this time, which the auditor takes from the audit page and keeps where the server cannot reach. Verifying with it
 * shows a trail cut back below that entry, or rewritten up to it, even by someone who rewrote the database, the
 * checkpoint file and the key. Its {@code line} has the form of a checkpoint line ({@code seq digest time signature}),
 * so a checkpoint line kept off the server (the witness log, a copy of the checkpoint file) is a receipt too.
 */
public record AuditReceipt(long seq, String digest, Instant time, String line) {

    /**
     * Every receipt in a text: each line that holds a checkpoint line, whatever precedes it (a receipt file, a copy of
     * the checkpoint file, a log extract); lines starting with {@code #} are comments.
     *
     * @throws IllegalArgumentException when the text holds none
     */
    public static List<AuditReceipt> read(String text) {
        List<AuditReceipt> receipts = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) {
                CheckpointLine.find(line, receipts.size() + 1).ifPresent(c -> receipts.add(
                        new AuditReceipt(c.seq(), c.digest(), c.time(), c.text())));
            }
        }
        if (receipts.isEmpty()) {
            throw new IllegalArgumentException("no audit receipt in the text: a receipt is a line "
                    + "'seq digest time signature'");
        }
        return receipts;
    }
}
