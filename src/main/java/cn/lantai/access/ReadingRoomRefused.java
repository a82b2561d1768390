package cn.lantai.access;

/**
 * A step of the reading room or of the use statistics refused as asked: a wrong ID number, a bad range, a missing
 * right. Answered with {@link #status()} (400 unless told) and the reason from the bundle under {@link #code()}.
 */
public class ReadingRoomRefused extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public ReadingRoomRefused(String code, Object... args) {
        this(400, code, args);
    }

    public ReadingRoomRefused(int status, String code, Object... args) {
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
