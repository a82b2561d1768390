package cn.lantai.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is looking or acting: their clearance (密级 they may see), whether their role covers records not open to the
 * public, the fonds and categories their roles reach (data scope), what they may do to the catalogue, and where the
 * request came from (for the audit trail). Every read of the catalogue and every search is made for a viewer.
 */
public record Viewer(String name, String address, Classification clearance, boolean seesUnopened, Scope scope,
        Set<CatalogRight> rights) {

    public Viewer {
        scope = scope == null ? Scope.ALL : scope;
        rights = rights == null || rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
    }

    /** A member of the public: open, unclassified records only, and no changes. */
    public static Viewer publicUser(String name) {
        return new Viewer(name, null, Classification.NONE, false, Scope.ALL, Set.of());
    }

    /** Staff who may do every catalogue task within the given clearance, in every fonds (tests, local tools). */
    public static Viewer staff(String name, Classification clearance, boolean seesUnopened) {
        return new Viewer(name, null, clearance, seesUnopened, Scope.ALL, EnumSet.allOf(CatalogRight.class));
    }

    /** The application itself (demo data, maintenance): everything. */
    public static Viewer system() {
        return staff("system", Classification.TOP_SECRET, true);
    }

    public boolean maySee(Classification classification, OpenStatus status, String fonds, String category) {
        return clearance.covers(classification) && (seesUnopened || status == OpenStatus.OPEN)
                && scope.covers(fonds, category);
    }

    /** Whether the viewer may read a record so described: an item, or an entry once written. */
    public boolean maySee(Description d) {
        return maySee(d.classification(), d.openStatus(), d.get(DescriptionField.FONDS),
                d.get(DescriptionField.CATEGORY));
    }

    public boolean may(CatalogRight right) {
        return rights.contains(right);
    }

    /** A record that only some staff may see: classified (密级) or not yet open. Its views are audited. */
    public static boolean controlled(Classification classification, OpenStatus status) {
        return classification != Classification.NONE || status != OpenStatus.OPEN;
    }
}
