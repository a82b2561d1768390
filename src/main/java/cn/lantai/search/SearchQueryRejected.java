package cn.lantai.search;

/**
 * A search that cannot be answered as asked: a page beyond the deepest one offered, a page size out of range, a text
 * too long to be a search, a filter on a field no category has. {@code code} names the message in the i18n bundle,
 * {@code args} fill it; the API answers 400 with that message.
 */
public class SearchQueryRejected extends IllegalArgumentException {

    private final String code;
    private final transient Object[] args;

    public SearchQueryRejected(String code, Object... args) {
        super(code + " " + java.util.Arrays.toString(args));
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
