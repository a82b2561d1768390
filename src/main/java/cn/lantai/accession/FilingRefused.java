package cn.lantai.accession;

import java.util.Arrays;

/**
 * A filing that cannot be checked at all (malformed metadata, a file part not listed, an unsafe name), that the
 * person may not make (another fonds, no unit) or that is too large: nothing is stored and no receipt is written.
 * {@code code} is a message key ({@code accession.filing.*}); {@link #kind} decides the HTTP answer.
 */
public class FilingRefused extends RuntimeException {

    /** Why: the request is malformed (400), not the person's to make (403), or past a limit (413). */
    public enum Kind { MALFORMED, FORBIDDEN, TOO_LARGE }

    private final Kind kind;
    private final String code;
    private final transient Object[] args;

    public FilingRefused(Kind kind, String code, Object... args) {
        super(code + " " + Arrays.toString(args));
        this.kind = kind;
        this.code = code;
        this.args = args;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
