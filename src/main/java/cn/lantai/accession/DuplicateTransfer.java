package cn.lantai.accession;

/** The same package (same SHA-256) was already submitted by the unit and not rejected: 409, naming that transfer. */
public class DuplicateTransfer extends TransferProblem {

    private final long earlier;

    public DuplicateTransfer(long earlier) {
        super(409, "accession.transfer.duplicate", earlier);
        this.earlier = earlier;
    }

    public long earlier() {
        return earlier;
    }
}
