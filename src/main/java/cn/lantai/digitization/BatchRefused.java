package cn.lantai.digitization;

/** A scan batch, or a step on it, refused as asked (answered 400 with the reason, or {@link #status} when given). */
public class BatchRefused extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public BatchRefused(String code, Object... args) {
        this(400, code, args);
    }

    public BatchRefused(int status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
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
