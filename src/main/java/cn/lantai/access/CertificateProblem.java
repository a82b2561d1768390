package cn.lantai.access;

/**
 * A certificate cannot be issued, revoked or verified as asked: the bundle key of the reason, its arguments and the
 * HTTP status that says so (400 bad input, 404 no such certificate, 409 already revoked, 413 too large, 503 no
 * font or key to make one here).
 */
public class CertificateProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public CertificateProblem(int status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
