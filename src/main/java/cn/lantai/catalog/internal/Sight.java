package cn.lantai.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;

/**
 * {@link Viewer#maySee} as SQL, over a table of records (items or files) with the columns {@code classification},
 * {@code open_status}, {@code fonds_code} and {@code category_code}: what the viewer may read, and its complement.
 */
final class Sight {

    /** A condition and its parameters, in order. */
    record Clause(String sql, List<Object> args) {
    }

    private Sight() {
    }

    /** The records the viewer may read: clearance covers the 密级, open or the right to unopened, within scope. */
    static Clause visible(Viewer viewer, String alias) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<String> covered = Arrays.stream(Classification.values()).filter(viewer.clearance()::covers)
                .map(Enum::name).toList();
        parts.add(alias + "classification IN (" + Items.marks(covered.size()) + ")");
        args.addAll(covered);
        if (!viewer.seesUnopened()) {
            parts.add(alias + "open_status = ?");
            args.add(OpenStatus.OPEN.name());
        }
        if (!viewer.scope().unrestricted()) {
            parts.add(scope(viewer.scope(), alias, args));
        }
        return new Clause(String.join(" AND ", parts), args);
    }

    /**
     * The records the viewer may not read, as the exact complement of {@link #visible}, written as lists of the
     * values beyond sight so that an index on (…, classification, open_status) finds them by seeking, in the same
     * time however many there are; null when the viewer may read every record.
     */
    static Clause hidden(Viewer viewer, String alias) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<String> above = Arrays.stream(Classification.values()).filter(c -> !viewer.clearance().covers(c))
                .map(Enum::name).toList();
        if (!above.isEmpty()) {
            parts.add(alias + "classification IN (" + Items.marks(above.size()) + ")");
            args.addAll(above);
        }
        if (!viewer.seesUnopened()) {
            List<String> unopened = Arrays.stream(OpenStatus.values()).filter(s -> s != OpenStatus.OPEN)
                    .map(Enum::name).toList();
            parts.add(alias + "open_status IN (" + Items.marks(unopened.size()) + ")");
            args.addAll(unopened);
        }
        if (!viewer.scope().unrestricted()) {
            parts.add("NOT " + scope(viewer.scope(), alias, args));
        }
        return parts.isEmpty() ? null : new Clause("(" + String.join(" OR ", parts) + ")", args);
    }

    /** The data scope: some area of the viewer's roles covers the record's fonds and category. */
    private static String scope(Scope scope, String alias, List<Object> args) {
        List<String> areas = new ArrayList<>();
        for (Scope.Area area : scope.areas()) {
            List<String> parts = new ArrayList<>();
            in(parts, args, alias + "fonds_code", area.fonds());
            in(parts, args, alias + "category_code", area.categories());
            areas.add("(" + String.join(" AND ", parts) + ")");
        }
        return areas.isEmpty() ? "(1 = 0)" : "(" + String.join(" OR ", areas) + ")";
    }

    private static void in(List<String> parts, List<Object> args, String column, Set<String> codes) {
        if (codes == null) {
            parts.add("1 = 1");
        } else if (codes.isEmpty()) {
            parts.add("1 = 0");
        } else {
            parts.add(column + " IN (" + Items.marks(codes.size()) + ")");
            args.addAll(codes.stream().sorted().toList());
        }
    }
}
