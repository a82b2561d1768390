package cn.lantai.catalog;

/**
 * Who is looking: their clearance (密级 they may see) and whether they may see records that are not open to the
 * public. Every read of the catalogue and every search is made for a viewer.
 */
public record Viewer(String name, Classification clearance, boolean seesUnopened) {

    /** A member of the public: open, unclassified records only. */
    public static Viewer publicUser(String name) {
        return new Viewer(name, Classification.NONE, false);
    }

    public boolean maySee(Classification classification, OpenStatus status) {
        return clearance.covers(classification) && (seesUnopened || status == OpenStatus.OPEN);
    }
}
