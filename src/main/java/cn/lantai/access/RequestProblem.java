package cn.lantai.access;

/**
 * A request, decision or delivery refused, with the HTTP status it answers (400 bad input, 403 not one's to decide,
 * 404 no such request or slip, 409 nothing left to decide, 410 a grant whose viewing period is over), and the bundle
 * key of its message.
 */
public class RequestProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public RequestProblem(int status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args.clone();
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
