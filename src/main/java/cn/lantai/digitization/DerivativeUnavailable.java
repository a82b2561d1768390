package cn.lantai.digitization;

/**
 * A derivative that cannot be sent (answered 404 with the reason): it is still being made from the masters (or was
 * never asked for), or the entry has no such page. A record beyond the viewer's sight never gets this far: it answers
 * as a missing record.
 */
public class DerivativeUnavailable extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public DerivativeUnavailable(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    /** Message key in the i18n bundle. */
    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
