package cn.lantai.accession;

import java.util.Arrays;

/**
 * A transfer request that cannot be done as asked; the code is a message key ({@code accession.transfer.*}), the
 * status the HTTP answer: 400 (bad input), 409 (the same package again, or a transfer not in the state the step
 * needs), 413 (a package past the size limit).
 */
public class TransferProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;

    public TransferProblem(int status, String code, Object... args) {
        super(code + " " + Arrays.toString(args));
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
        return args;
    }
}
