package cn.lantai.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.internal.Rights;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.EntryRules;
import cn.lantai.catalog.internal.imports.CatalogImporter;
import cn.lantai.catalog.internal.sheets.ColumnMapping;
import cn.lantai.catalog.internal.sheets.SheetRows;
import cn.lantai.catalog.internal.sheets.Sheets;
import cn.lantai.catalog.internal.sheets.UnreadableFile;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobNotFound;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports of Excel (.xlsx) and CSV catalogues: a preview for the column-mapping step, then a background job that
 * checks every row, reports the bad ones, and writes the rest (see {@link ImportOptions}).
 */
@Service
public class CatalogImports {

    private static final int SAMPLE_ROWS = 5;

    private final CatalogImporter importer;
    private final EntryJudge judge;
    private final Jobs jobs;
    private final MessageSource messages;

    private final Rights rights;

    CatalogImports(CatalogImporter importer, EntryJudge judge, Jobs jobs, MessageSource messages, Rights rights) {
        this.rights = rights;
        this.importer = importer;
        this.judge = judge;
        this.jobs = jobs;
        this.messages = messages;
    }

    /** Queues the import of an uploaded file, which the import takes over (moves). */
    public JobId start(Path upload, String fileName, ImportOptions options, Viewer actor) {
        rights.require(actor, CatalogRight.CATALOG_IMPORT, "import " + fileName);
        return importer.submit(upload, fileName, options, actor);
    }

    /** Reads the header and first rows and proposes a mapping; {@link UnreadableImport} if the file is unreadable. */
    public ImportPreview preview(Path file, String fileName, Map<String, String> mapping) {
        EntryJudge.Snapshot snapshot = judge.snapshot();
        try (SheetRows rows = Sheets.open(file, fileName)) {
            ColumnMapping columns = ColumnMapping.of(rows.header(), mapping == null ? Map.of() : mapping,
                    snapshot.categories());
            Map<String, String> proposed = new LinkedHashMap<>();
            for (int i = 0; i < rows.header().size(); i++) {
                ColumnMapping.Target t = columns.columns().get(i);
                proposed.put(String.valueOf(rows.header().get(i)), t == null ? null : ColumnMapping.name(t));
            }
            List<List<String>> sample = new ArrayList<>();
            SheetRows.Row row;
            while (sample.size() < SAMPLE_ROWS && (row = rows.next()) != null) {
                sample.add(row.cells());
            }
            return new ImportPreview(rows.format(), rows.header(), proposed, sample, targets(snapshot));
        } catch (UnreadableFile e) {
            throw new UnreadableImport(messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableImport(messages.getMessage("import.unknown-mapping-field", new Object[] {e.getMessage()},
                    LocaleContextHolder.getLocale()));
        }
    }

    private static Map<String, String> targets(EntryJudge.Snapshot snapshot) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("archivalCode", EntryRules.ARCHIVAL_CODE_LABEL);
        for (DescriptionField f : DescriptionField.values()) {
            targets.put(f.key(), f.label());
        }
        for (Category c : snapshot.categories()) {
            c.fields().forEach(f -> targets.putIfAbsent(f.label(), c.name() + "·" + f.label()));
        }
        return targets;
    }

    /** The error report of an import job (CSV), for the person who started it; for anyone else it does not exist. */
    public Path report(JobId id, Viewer viewer) {
        JobStatus status = jobs.statusFor(id, viewer.name());
        if (!status.kind().equals(CatalogImporter.KIND)) {
            throw new JobNotFound(id);
        }
        return importer.report(status);
    }

    /** The file cannot be read as a catalogue; the message says why, for people. */
    public static class UnreadableImport extends RuntimeException {

        public UnreadableImport(String message) {
            super(message);
        }
    }
}
