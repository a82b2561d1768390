package cn.lantai.catalog.internal.imports;

import java.nio.file.Path;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.OpenStatus;
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

        /** True when some existing record could lie beyond this reach. */
        boolean limited() {
            return clearance != Classification.TOP_SECRET || !seesUnopened || !scope.unrestricted();
        }

        /** Whether the importer could see a record so described (the row, or the record it would overwrite). */
        boolean covers(Description d) {
            return clearance.covers(d.classification()) && (seesUnopened || d.openStatus() == OpenStatus.OPEN)
                    && scope.covers(d.get(DescriptionField.FONDS), d.get(DescriptionField.CATEGORY));
        }
    }

    static final String SOURCE = "source";
    static final String REPORT = "report.csv";
    static final String CHECKED = "checked.properties";
    static final String REJECTED_ROWS = "rejected.bits";
    static final String UPDATING_ROWS = "updating.bits";

    Path dir(Path importsRoot) {
        return importsRoot.resolve(folder);
    }
}
