package cn.lantai.accession;

import java.util.Arrays;

/**
 * A transfer package that cannot be checked at all (not a zip, empty, inflating past the package's total); nothing of
 * it is left on disk. The code is a message key of the i18n bundle, for people.
 */
public class PackageRefused extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public PackageRefused(String code, Object... args) {
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
