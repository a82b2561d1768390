package cn.lantai.search;

/**
 * A search that cannot be answered as asked: a page beyond the deepest one offered, a page size out of range, a text
 * too long to be a search, a filter on a field no category has, a field of the advanced search that cannot be read.
 * {@code code} names the message in the i18n bundle, {@code args} fill it; the API answers 400 with that message, the
 * page shows it beside {@link #field()} when there is one.
 */
public class SearchQueryRejected extends IllegalArgumentException {

    private final String code;
    private final transient Object[] args;
    private final String field;

    public SearchQueryRejected(String code, Object... args) {
        this(null, code, args);
    }

    private SearchQueryRejected(String field, String code, Object[] args) {
        super(code + " " + java.util.Arrays.toString(args));
        this.field = field;
        this.code = code;
        this.args = args.clone();
    }

    /** A value of one parameter (named as the page and the API call it) that cannot be read. */
    public static SearchQueryRejected onField(String field, String code, Object... args) {
        return new SearchQueryRejected(field, code, args);
    }

    /** The parameter whose value was refused, or null when the search as a whole was. */
    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
