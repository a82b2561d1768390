package cn.lantai.preservation.internal.packages;

import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import cn.lantai.preservation.PackageFormat;

/**
 * What a package job needs to run, and to run again after a restart (kept as the job's parameters): the format, the
 * selection, and the sight of the person who asked, so the job packages exactly the records they may read.
 */
public record PackageJob(PackageFormat format, ItemFilter selection, Reach reach) {

    /** The clearance and data scope of the person who asked for the package. */
    public record Reach(String actor, String address, Classification clearance, boolean seesUnopened, Scope scope) {

        public static Reach of(Viewer viewer) {
            return new Reach(viewer.name(), viewer.address(), viewer.clearance(), viewer.seesUnopened(),
                    viewer.scope());
        }

        /** The asker as a viewer for reading: sight only, no rights. */
        Viewer viewer() {
            return new Viewer(actor, address, clearance, seesUnopened, scope, Set.of());
        }
    }
}
