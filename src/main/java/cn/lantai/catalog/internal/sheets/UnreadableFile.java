package cn.lantai.catalog.internal.sheets;

/** The file cannot be read as a catalogue at all; the message key and arguments say why, for people. */
public class UnreadableFile extends RuntimeException {

    private final String code;
    private final Object[] args;

    public UnreadableFile(String code, Object... args) {
        super(code + " " + java.util.Arrays.toString(args));
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
