package cn.lantai.catalog;

import java.util.Arrays;

/** A refusal of the catalogue that people read: a message key of the i18n bundle and its arguments. */
public abstract class CatalogProblem extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    protected CatalogProblem(String code, Object... args) {
        super(code + " " + Arrays.toString(args));
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
