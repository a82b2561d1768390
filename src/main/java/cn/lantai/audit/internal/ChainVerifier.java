package cn.lantai.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import cn.lantai.audit.AuditReceipt;
import cn.lantai.audit.ChainBroken;
import cn.lantai.audit.ChainVerification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.lantai.audit.ChainVerification.ALTERED;
import static cn.lantai.audit.ChainVerification.CHECKPOINT;
import static cn.lantai.audit.ChainVerification.INSERTED;
import static cn.lantai.audit.ChainVerification.MISSING;
import static cn.lantai.audit.ChainVerification.RECEIPT;
import static cn.lantai.audit.ChainVerification.TRUNCATED;

/**
 * Checks the whole trail in one pass in number order, beside the checkpoint file in file order and the auditor's
 * receipts in number order: every entry's digest and link, contiguous numbers from 1, every checkpoint's and receipt's
 * signature and its digest against the chain, the head against the newest entry, nothing beyond the head, and no
 * checkpoint or receipt beyond the newest entry. Names the first broken place. Memory stays bounded: rows are read
 * through a cursor and the checkpoint file line by line, a block ahead, whose digests ({@link ChainRows}) and
 * signatures ({@link SignedLines}) are worked out on all cores.
 */
@Component
public class ChainVerifier {

    /** How far a renumbered entry is looked for, to tell a deletion or insertion that renumbered the rest. */
    private static final int RENUMBER_REACH = 100;

    private final AuditEntries entries;
    private final Checkpoints checkpoints;
    private final AuditKeys keys;
    private final TransactionTemplate reading;

    ChainVerifier(AuditEntries entries, Checkpoints checkpoints, AuditKeys keys, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Checks the trail, holding it against the receipts as well (none: the server's own anchors only). */
    public ChainVerification verify(List<AuditReceipt> receipts) {
        return walk(receipts).result();
    }

    /**
     * Checks the trail and, when it is intact, signs a receipt for the newest entry checked.
     *
     * @throws ChainBroken when it is not
     */
    public AuditReceipt receipt() {
        Walked walked = walk(List.of());
        if (!walked.result().ok()) {
            throw new ChainBroken(walked.result());
        }
        return AuditReceipt.read(keys.signedLine(walked.reached())).get(0);
    }

    /** The result, and the newest entry the walk checked. */
    private record Walked(ChainVerification result, Head reached) {
    }

    private Walked walk(List<AuditReceipt> receipts) {
        List<CheckpointLine> vouchers = IntStream.range(0, receipts.size())
                .mapToObj(i -> CheckpointLine.parse(receipts.get(i).line(), i + 1).orElseThrow(
                        () -> new IllegalArgumentException("not a receipt: " + abbreviate(receipts.get(i).line()))))
                .sorted(Comparator.comparingLong(CheckpointLine::seq)).toList();
        try {
            // Measured before the head is read: every checkpoint line within it was written after its commit, so the
            // head read next already shows that commit, even while the application goes on appending.
            long fileLength = checkpoints.completeLength();
            Walked walked = reading.execute(status -> {
                Optional<Head> head = entries.head();
                try (Stream<StoredEntry> rows = entries.upTo(head.map(Head::seq).orElse(Long.MAX_VALUE));
                        Checkpoints.Lines lines = checkpoints.read(fileLength)) {
                    Walk walk = new Walk(new SignedLines(lines, keys), vouchers);
                    return new Walked(walk.run(new ChainRows(rows.iterator()), head.orElse(null)), walk.reached());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the audit checkpoint file " + checkpoints.file(), e);
                }
            });
            return walked.result().ok() ? new Walked(beyondTheHead(walked.result()), walked.reached()) : walked;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + checkpoints.file(), e);
        }
    }

    /**
     * Rows numbered past the head that an append committed before this look would have moved the head over: the
     * newest number is read first, the head after it.
     */
    private ChainVerification beyondTheHead(ChainVerification walked) {
        Optional<Long> newest = entries.newestSeq();
        Head head = entries.head().orElse(Head.EMPTY);
        if (newest.isPresent() && newest.get() > head.seq()) {
            long first = entries.firstSeqAfter(head.seq()).orElse(newest.get());
            return ChainVerification.broken(walked.entriesChecked(), walked.checkpointsChecked(),
                    walked.receiptsChecked(), first, INSERTED,
                    "entry %d lies beyond the head (entry %d): it was not appended by the application"
                            .formatted(first, head.seq()));
        }
        return walked;
    }

    /** The state of one pass. */
    private final class Walk {

        private final SignedLines lines;
        /** The auditor's receipts, by the entry each vouches for. */
        private final List<CheckpointLine> receipts;
        private int nextReceipt;
        private long receiptsChecked;
        private CheckpointLine nextLine;
        private String nextRaw;
        /** Whether {@code nextLine} is signed with the archive's key. */
        private boolean nextSigned;
        private long entriesChecked;
        private long checkpointsChecked;
        private long lastLineSeq = -1;
        private long last;
        private String lastDigest = ChainDigest.GENESIS;
        private String beforeLast;

        Walk(SignedLines lines, List<CheckpointLine> receipts) {
            this.lines = lines;
            this.receipts = receipts;
        }

        /** The newest entry checked so far. */
        Head reached() {
            return new Head(last, lastDigest);
        }

        ChainVerification run(ChainRows rows, Head head) throws IOException {
            if (!peekLine() ) {
                if (head == null || head.seq() > 0 || rows.peek() != null) {
                    return broken(1, CHECKPOINT, "there is no checkpoint at all (file %s missing or empty) while the "
                            + "trail has entries: nothing vouches for them".formatted(checkpoints.file()));
                }
                ChainVerification problem = receiptsUpTo(0, ChainDigest.GENESIS, null);
                return problem != null ? problem : receiptsBeyond().orElse(
                        ChainVerification.intact(0, 0, receiptsChecked, "the trail is empty"));
            }
            if (nextLine != null && nextLine.seq() != 0) {
                return broken(1, CHECKPOINT, ("the checkpoint file does not begin with the empty trail (seq 0) but "
                        + "with seq %d: it was replaced, or started after entries existed").formatted(nextLine.seq()));
            }
            ChainVerification problem = vouchersUpTo(0, ChainDigest.GENESIS, null);
            if (problem != null) {
                return problem;
            }
            while (rows.peek() != null) {
                StoredEntry row = rows.next();
                problem = judge(row, rows.lastHashesAtItsNumber(), rows.peek());
                if (problem != null) {
                    return problem;
                }
                beforeLast = lastDigest;
                lastDigest = row.digest();
                last = row.seq();
                entriesChecked++;
                problem = vouchersUpTo(last, lastDigest, rows.peek());
                if (problem != null) {
                    return problem;
                }
            }
            if (head == null) {
                return broken(Math.max(last, 1), ALTERED, "the head row (audit_head) is missing");
            }
            if (last < head.seq()) {
                return broken(last + 1, TRUNCATED, "entries %d..%d are gone: the head names entry %d as the newest"
                        .formatted(last + 1, head.seq(), head.seq()));
            }
            if (!Objects.equals(head.digest(), lastDigest)) {
                return broken(Math.max(last, 1), ALTERED, "the head's digest differs from entry %d's".formatted(last));
            }
            if (peekLine()) {
                problem = checkLine();
                if (problem != null) {
                    return problem;
                }
                return broken(last + 1, TRUNCATED, ("entries from %d on are gone: checkpoint line %d, signed %s, "
                        + "vouches for entry %d").formatted(last + 1, nextLine.number(), nextLine.time(),
                        nextLine.seq()));
            }
            Optional<ChainVerification> beyond = receiptsBeyond();
            if (beyond.isPresent()) {
                return beyond.get();
            }
            String unsigned = lastLineSeq < last
                    ? "; entries %d..%d are newer than the newest checkpoint and not yet signed (a crash between "
                            .formatted(lastLineSeq + 1, last)
                            + "their commit and its checkpoint, or rows added behind the application's back)"
                    : "";
            return ChainVerification.intact(entriesChecked, checkpointsChecked, receiptsChecked,
                    ("%d entries chained from the empty trail to the head; %d checkpoints verified, the newest for "
                            + "entry %d%s%s").formatted(entriesChecked, checkpointsChecked, lastLineSeq, unsigned,
                                    receiptsChecked == 0 ? "" : "; %d receipts held".formatted(receiptsChecked)));
        }

        private ChainVerification vouchersUpTo(long seq, String digest, StoredEntry next) throws IOException {
            ChainVerification problem = checkpointsUpTo(seq, digest, next);
            return problem != null ? problem : receiptsUpTo(seq, digest, next);
        }

        /** Consumes and checks the receipts for entries up to {@code seq}, whose digest is {@code digest}. */
        private ChainVerification receiptsUpTo(long seq, String digest, StoredEntry next) {
            while (nextReceipt < receipts.size() && receipts.get(nextReceipt).seq() <= seq) {
                CheckpointLine receipt = receipts.get(nextReceipt);
                ChainVerification problem = checkReceipt(receipt);
                if (problem != null) {
                    return problem;
                }
                if (!receipt.digest().equals(digest)) {
                    return misvouched(receipt, "receipt " + receipt.number(), RECEIPT, seq, next);
                }
                nextReceipt++;
                receiptsChecked++;
            }
            return null;
        }

        /** A receipt for an entry past the newest: the entries from there on were cut off. */
        private Optional<ChainVerification> receiptsBeyond() {
            if (nextReceipt == receipts.size()) {
                return Optional.empty();
            }
            CheckpointLine receipt = receipts.get(nextReceipt);
            ChainVerification problem = checkReceipt(receipt);
            return Optional.of(problem != null ? problem : broken(last + 1, TRUNCATED, ("entries from %d on are gone: "
                    + "receipt %d, signed %s, vouches for entry %d").formatted(last + 1, receipt.number(),
                    receipt.time(), receipt.seq())));
        }

        private ChainVerification checkReceipt(CheckpointLine receipt) {
            if (keys.verify(receipt.body(), receipt.signature())) {
                return null;
            }
            return broken(receipt.seq(), RECEIPT, ("the signature of receipt %d (entry %d, signed %s) does not verify "
                    + "with the archive's key: not this archive's receipt, altered, or the key was replaced")
                    .formatted(receipt.number(), receipt.seq(), receipt.time()));
        }

        /**
         * The row that should be entry {@code last + 1}, and whether its content gives its digest at its own number;
         * {@code next} is the row after it, if any.
         */
        private ChainVerification judge(StoredEntry row, boolean hashesAtItsNumber, StoredEntry next) {
            long expected = last + 1;
            if (row.seq() < expected) {
                return broken(row.seq(), INSERTED, "entry %d appears again, or out of place, after entry %d"
                        .formatted(row.seq(), last));
            }
            if (row.seq() > expected) {
                return broken(expected, MISSING, "entry %d is missing: after entry %d comes entry %d"
                        .formatted(expected, last, row.seq()));
            }
            if (hashesAtItsNumber) {
                if (Objects.equals(row.prevDigest(), lastDigest)) {
                    return null;
                }
                if (expected == 1) {
                    return broken(1, ALTERED, "entry 1 does not start from the empty trail");
                }
                if (Objects.equals(row.prevDigest(), beforeLast)) {
                    return broken(last, INSERTED, "entry %d was not chained by the application: entry %d links past it"
                            .formatted(last, expected));
                }
                return broken(last, ALTERED, ("entry %d is not the one entry %d was chained to: it was altered and its "
                        + "digest recomputed").formatted(last, expected));
            }
            long was = numberWhenChained(row, expected);
            if (was == expected + 1 && next != null && next.hashesAt(expected)) {
                return broken(expected, INSERTED, "entries %d and %d have swapped places".formatted(expected, was));
            }
            if (was > expected) {
                return broken(expected, MISSING, "entries %d..%d are missing: the entry now numbered %d was chained as %d"
                        .formatted(expected, was - 1, expected, was));
            }
            if (was > 0) {
                return broken(was, INSERTED, "entries %d..%d were inserted: the entry now numbered %d was chained as %d"
                        .formatted(was, expected - 1, expected, was));
            }
            if (next != null && (next.seq() == row.seq() || Objects.equals(next.prevDigest(), lastDigest))) {
                return broken(expected, INSERTED, "entry %d was not chained by the application: the entry after it links "
                        .formatted(expected) + "past it");
            }
            return broken(expected, ALTERED, "entry %d's content does not match its digest".formatted(expected));
        }

        /** The number at which the row's content matches its digest, if it was renumbered; 0 if none near. */
        private long numberWhenChained(StoredEntry row, long seq) {
            for (long k = 1; k <= RENUMBER_REACH; k++) {
                if (row.hashesAt(seq + k)) {
                    return seq + k;
                }
                if (seq - k >= 1 && row.hashesAt(seq - k)) {
                    return seq - k;
                }
            }
            return 0;
        }

        /**
         * Consumes and checks the checkpoint lines for entries up to {@code seq}, whose digest is {@code digest};
         * {@code next} is the row after that entry, if any.
         */
        private ChainVerification checkpointsUpTo(long seq, String digest, StoredEntry next) throws IOException {
            while (peekLine() && (nextLine == null || nextLine.seq() <= seq)) {
                CheckpointLine line = nextLine;
                ChainVerification problem = checkLine();
                if (problem != null) {
                    return problem;
                }
                if (line.seq() < seq) {
                    return broken(line.seq(), CHECKPOINT, "checkpoint line %d (entry %d) is out of order"
                            .formatted(line.number(), line.seq()));
                }
                if (!line.digest().equals(digest)) {
                    return misvouched(line, "checkpoint line " + line.number(), CHECKPOINT, seq, next);
                }
                take();
            }
            return null;
        }

        /**
         * A signed checkpoint or receipt ({@code voucher} names it) vouches for another digest of entry {@code seq}
         * than the chain holds. Where the next row still carries the vouched-for digest, only the one entry was
         * forged; otherwise the chain was rewritten ({@code rewritten}: the problem named then).
         */
        private ChainVerification misvouched(CheckpointLine line, String voucher, String rewritten, long seq,
                StoredEntry next) {
            if (next != null && line.digest().equals(next.digest())) {
                return broken(seq, INSERTED, ("entry %d was not chained by the application: %s vouches for the entry "
                        + "now numbered %d").formatted(seq, voucher, next.seq()));
            }
            if (next != null && line.digest().equals(next.prevDigest())) {
                return broken(seq, ALTERED, ("entry %d was altered and its digest recomputed: %s and entry %d hold its "
                        + "former digest").formatted(seq, voucher, next.seq()));
            }
            return broken(seq, rewritten, ("%s, signed %s, vouches for another digest of entry %d than the chain "
                    + "holds: the chain was rewritten up to here").formatted(voucher, line.time(), seq));
        }

        /** A line's own soundness: well-formed, in order, signed by the archive's key. */
        private ChainVerification checkLine() {
            CheckpointLine line = nextLine;
            if (line == null) {
                return broken(lastLineSeq + 1, CHECKPOINT, "checkpoint line %d is not a checkpoint: %s"
                        .formatted(lines.number(), abbreviate(nextRaw)));
            }
            if (line.seq() < lastLineSeq) {
                return broken(line.seq(), CHECKPOINT, "checkpoint line %d (entry %d) comes after one for entry %d"
                        .formatted(line.number(), line.seq(), lastLineSeq));
            }
            if (!nextSigned) {
                return broken(line.seq(), CHECKPOINT, "the signature of checkpoint line %d (entry %d) does not verify"
                        .formatted(line.number(), line.seq()));
            }
            return null;
        }

        /** Whether a line is waiting; it is parsed into {@code nextLine} (null when malformed). */
        private boolean peekLine() throws IOException {
            if (nextRaw == null) {
                nextRaw = lines.next();
                nextLine = nextRaw == null ? null : lines.parsed();
                nextSigned = nextRaw != null && lines.signed();
            }
            return nextRaw != null;
        }

        private void take() {
            lastLineSeq = nextLine.seq();
            checkpointsChecked++;
            nextRaw = null;
            nextLine = null;
        }

        private ChainVerification broken(long seq, String problem, String detail) {
            return ChainVerification.broken(entriesChecked, checkpointsChecked, receiptsChecked, seq, problem, detail);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
