package cn.lantai.catalog;

/** The change contradicts the catalogue as it stands (a stale version, an unknown fonds, a duplicate code …). */
public class CatalogConflict extends RuntimeException {

    private final String code;
    private final Object[] args;

    public CatalogConflict(String code, Object... args) {
        super(code + " " + java.util.Arrays.toString(args));
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
