package cn.lantai.accession;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's transfer (移交) as the archive keeps it: which unit and fonds, electronic (a package) or paper only, where
 * it stands, who handed it over and when, the package's SHA-256 and its manifest's SM3, the counts of 件/卷, files and
 * bytes, a paper transfer's boxes and destination shelf (库房-列-节-层), why it could not be checked, and the decision
 * (who, when, why). {@code storedRecords} counts the records stored so far by an accept.
 */
public record Transfer(long id, String unit, String fonds, Kind kind, TransferState state, String submittedBy,
        Instant submittedAt, String packageSha256, String manifestSm3, Counts counts, Paper paper, String problem,
        Decision decision, String reasons, String decidedBy, Instant decidedAt, int storedRecords) {

    /** 电子 (a package with its files) or 纸质 (recorded and receipted, nothing stored). */
    public enum Kind { ELECTRONIC, PAPER }

    public enum Decision { ACCEPTED, REJECTED }

    /** 件, 卷, files and bytes handed over. */
    public record Counts(int items, int volumes, int files, long bytes) {
    }

    /** A paper transfer's boxes, destination shelf (库房-列-节-层, as written) and date handed over. */
    public record Paper(int boxes, String shelf, LocalDate handedOverOn) {
    }

    /** Whether its receipt (交接文据) can be issued: a decision was taken and, for an accept, every record stored. */
    public boolean receiptReady() {
        return state == TransferState.ACCEPTED || state == TransferState.REJECTED || state == TransferState.RECORDED;
    }
}
