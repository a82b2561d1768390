package cn.lantai.catalog.internal.imports;

import java.nio.file.Path;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;

/**
 * What an import job needs to run, and resume: its working folder, the file's original name, the options, and the
 * person who started it and their reach (rows beyond their clearance or data scope are refused).
 */
public record ImportJob(String folder, String fileName, ImportOptions options, Reach reach) {

    /** The clearance and data scope of the person who started the import. */
    public record Reach(String actor, String address, Classification clearance, boolean seesUnopened, Scope scope) {

        static Reach of(Viewer viewer) {
            return new Reach(viewer.name(), viewer.address(), viewer.clearance(), viewer.seesUnopened(),
                    viewer.scope());
        }

        /** The importer as a viewer, for judging what they may read: no rights, only sight. */
        Viewer viewer() {
            return new Viewer(actor, address, clearance, seesUnopened, scope, Set.of());
        }
    }

    static final String SOURCE = "source";
    static final String REPORT = "report.csv";
    static final String CHANGES = "changes.csv";
    static final String CHECKED = "checked.properties";
    static final String REJECTED_ROWS = "rejected.bits";
    static final String UPDATING_ROWS = "updating.bits";

    Path dir(Path importsRoot) {
        return importsRoot.resolve(folder);
    }
}
