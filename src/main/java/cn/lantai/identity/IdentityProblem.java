package cn.lantai.identity;

import java.util.Arrays;

/** A refusal of the identity module that people read: a message key of the i18n bundle and its arguments. */
public class IdentityProblem extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public IdentityProblem(String code, Object... args) {
        super(code + " " + Arrays.toString(args));
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
