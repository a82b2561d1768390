package cn.lantai.access;

/**
 * A step of the access module refused as asked: the HTTP status it answers (400 bad input unless told; 403 not one's
 * right, 404 no such request, visitor, slip or certificate, 409 nothing left to decide or already revoked, 410 a grant
 * whose viewing period is over, 413 too large, 503 no font or key to make a certificate here), the bundle key of its
 * message and the message's arguments. The API answers it as problem+json, the pages with the message.
 */
public class AccessProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public AccessProblem(String code, Object... args) {
        this(400, code, args);
    }

    public AccessProblem(int status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args.clone();
    }

    public int status() {
        return status;
    }

    /** The message key of the reason (i18n bundles). */
    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
