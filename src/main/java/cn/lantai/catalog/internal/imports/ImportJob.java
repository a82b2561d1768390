package cn.lantai.catalog.internal.imports;

import java.nio.file.Path;

import cn.lantai.catalog.ImportOptions;

/** What an import job needs to run, and resume: its working folder, the file's original name, and the options. */
public record ImportJob(String folder, String fileName, ImportOptions options) {

    static final String SOURCE = "source";
    static final String REPORT = "report.csv";
    static final String CHECKED = "checked.properties";
    static final String REJECTED_ROWS = "rejected.bits";

    Path dir(Path importsRoot) {
        return importsRoot.resolve(folder);
    }
}
