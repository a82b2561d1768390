package cn.lantai.catalog;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.lantai.catalog.internal.Rights;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.EntryRules;
import cn.lantai.catalog.internal.imports.CatalogImporter;
import cn.lantai.catalog.internal.imports.HandEdits;
import cn.lantai.catalog.internal.imports.ImportPermits;
import cn.lantai.catalog.internal.imports.PreviewSplit;
import cn.lantai.catalog.internal.imports.Uploads;
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
 * checks every row, reports the bad ones, and writes the rest (see {@link ImportOptions}). Each request that uploads or
 * reads a catalogue is first {@link #admit admitted}, before its body is read; an upload is {@link #receive received}
 * into the uploads folder, and leaves it by its import, by {@link #discard}, or by the sweep of abandoned uploads.
 */
@Service
public class CatalogImports {

    private static final int SAMPLE_ROWS = 5;
    /**
     * Rows the preview judges for its split into new, updated, unchanged and refused: enough to see what a sheet does,
     * few enough that a request of a 100,000-row file answers in seconds; the import's report covers every row.
     */
    static final int SPLIT_ROWS = 1_000;
    /** Rows the preview reads for unregistered 全宗号; the import's row check names any beyond them. */
    static final int FONDS_SCAN_ROWS = 100_000;

    private final CatalogImporter importer;
    private final EntryJudge judge;
    private final Jobs jobs;
    private final MessageSource messages;

    private final Rights rights;
    private final Uploads uploads;
    private final ImportPermits permits;
    private final PreviewSplit previewSplit;

    CatalogImports(CatalogImporter importer, EntryJudge judge, Jobs jobs, MessageSource messages, Rights rights,
            Uploads uploads, ImportPermits permits, PreviewSplit previewSplit) {
        this.previewSplit = previewSplit;
        this.rights = rights;
        this.importer = importer;
        this.judge = judge;
        this.jobs = jobs;
        this.messages = messages;
        this.uploads = uploads;
        this.permits = permits;
    }

    /** One admitted request's place in its person's import work; closing gives it back. */
    public interface Admission extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * Admits a request that uploads or reads a catalogue, before anything of it is read: the viewer needs the right to
     * import ({@link NotPermitted}, audited) and a free place in their import work ({@link ImportsBusy}: requests under
     * way plus import jobs queued or running, at most {@code lantai.import.per-person}).
     */
    public Admission admit(Viewer viewer) {
        rights.require(viewer, CatalogRight.CATALOG_IMPORT, "upload");
        if (!permits.take(viewer.name(), jobs.unfinished(CatalogImporter.KIND, viewer.name()))) {
            throw new ImportsBusy(permits.perPerson());
        }
        return () -> permits.give(viewer.name());
    }

    /** Stores an uploaded catalogue (and closes the stream) for a preview or an import. */
    public Path receive(InputStream content) {
        return uploads.store(content);
    }

    /** Removes an upload that will not be imported. */
    public void discard(Path upload) {
        uploads.discard(upload);
    }

    /**
     * Queues the import of an uploaded file, which the import takes over: moved into the job's folder, or removed at
     * once if the import is refused.
     */
    public JobId start(Path upload, String fileName, ImportOptions options, Viewer actor) {
        try {
            rights.require(actor, CatalogRight.CATALOG_IMPORT, "import " + fileName);
            return importer.submit(upload, fileName, options, actor);
        } catch (RuntimeException e) {
            uploads.discard(upload);
            throw e;
        }
    }

    /**
     * Reads the header and first rows and proposes a mapping; {@link UnreadableImport} if the file is unreadable or
     * has no header row. Also names what would make the import fail or reject rows, before it starts: columns that
     * repeat a field, a sheet without data rows, and the 全宗号 of the file's first {@value #FONDS_SCAN_ROWS} rows
     * that are not registered (which the viewer may register first if they hold {@link CatalogRight#CATALOG_DEFINE}).
     * Needs the right to import ({@link NotPermitted}, audited).
     */
    public ImportPreview preview(Path file, String fileName, Map<String, String> mapping, Viewer viewer) {
        rights.require(viewer, CatalogRight.CATALOG_IMPORT, "preview " + fileName);
        EntryJudge.Snapshot snapshot = judge.snapshot();
        Locale locale = LocaleContextHolder.getLocale();
        try (SheetRows rows = Sheets.open(file, fileName)) {
            if (rows.header().isEmpty()) {
                throw new UnreadableFile("import.empty-file");
            }
            ColumnMapping columns = ColumnMapping.of(rows.header(), mapping == null ? Map.of() : mapping,
                    snapshot.categories());
            if (columns.mapsNothing() && headerLooksLikeData(rows.header())) {
                throw new UnreadableFile("import.header-is-data", String.join(", ", rows.header().stream()
                        .map(String::valueOf).limit(5).toList()));
            }
            Map<String, String> proposed = new LinkedHashMap<>();
            for (int i = 0; i < rows.header().size(); i++) {
                ColumnMapping.Target t = columns.columns().get(i);
                proposed.putIfAbsent(String.valueOf(rows.header().get(i)), t == null ? null : ColumnMapping.name(t));
            }
            List<List<String>> sample = new ArrayList<>();
            PreviewSplit.Run split = columns.mapsNothing() || !columns.repeated().isEmpty() ? null
                    : previewSplit.start(snapshot, columns, Map.of(), viewer, locale);
            Set<String> unregistered = new TreeSet<>();
            SheetRows.Row row;
            int read = 0;
            while (read < FONDS_SCAN_ROWS && (row = rows.next()) != null) {
                read++;
                if (sample.size() < SAMPLE_ROWS) {
                    sample.add(row.cells());
                }
                if (split != null && read <= SPLIT_ROWS) {
                    split.offer(row);
                }
                String fonds = fondsOf(row, columns);
                if (fonds != null && !snapshot.fondsRegistered(fonds)) {
                    unregistered.add(fonds);
                }
            }
            List<String> problems = new ArrayList<>();
            for (ColumnMapping.Repeated r : columns.repeated()) {
                problems.add(messages.getMessage("import.repeated-column", r.messageArgs(), locale));
            }
            if (columns.mapsNothing()) {
                problems.add(messages.getMessage("import.no-header", new Object[] {String.join(", ", rows.header()
                        .stream().map(String::valueOf).limit(20).toList())}, locale));
            }
            if (read == 0) {
                problems.add(messages.getMessage("import.no-rows", null, locale));
            }
            if (!unregistered.isEmpty()) {
                boolean mayRegister = viewer.may(CatalogRight.CATALOG_DEFINE);
                problems.add(messages.getMessage(mayRegister ? "import.unregistered-fonds"
                        : "import.unregistered-fonds-ask", new Object[] {String.join("、", unregistered)}, locale));
            }
            boolean counted = read < FONDS_SCAN_ROWS || rows.next() == null;
            return new ImportPreview(rows.format(), rows.header(), proposed, sample, targets(snapshot),
                    List.copyOf(unregistered), problems, split == null ? null : split.finish(read, counted));
        } catch (UnreadableFile e) {
            throw new UnreadableImport(messages.getMessage(e.code(), e.args(), locale));
        } catch (IllegalArgumentException e) {
            throw new UnreadableImport(messages.getMessage("import.unknown-mapping-field", new Object[] {e.getMessage()},
                    locale));
        }
    }

    /** A first row of 档号 or dates is a catalogue whose header row is missing: its first item would be lost. */
    private static boolean headerLooksLikeData(List<String> header) {
        return header.stream().filter(h -> h != null && !h.isBlank()).anyMatch(h -> ArchivalCode.parse(h).isPresent()
                || ArchivalCode.parseInFile(h).isPresent() || ArchivalDates.parse(h).isPresent());
    }

    private static String fondsOf(SheetRows.Row row, ColumnMapping columns) {
        for (var column : columns.columns().entrySet()) {
            String value = row.cell(column.getKey());
            if (value == null || value.isBlank()) {
                continue;
            }
            String fonds = null;
            if (column.getValue() instanceof ColumnMapping.FieldColumn f && f.field() == DescriptionField.FONDS) {
                fonds = value.strip().toUpperCase(Locale.ROOT);
            } else if (column.getValue() instanceof ColumnMapping.ArchivalCodeColumn) {
                fonds = ArchivalCode.parse(value.strip()).or(() -> ArchivalCode.parseInFile(value.strip()))
                        .map(ArchivalCode::fonds).orElse(null);
            }
            if (fonds != null && ArchivalCode.FONDS.matcher(fonds).matches()) {
                return fonds;
            }
        }
        return null;
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

    /** How many past imports {@link #pastImports} lists. */
    static final int PAST_IMPORTS = 200;

    /** The viewer's own imports, newest first; no one sees another's (their reports speak of the records). */
    public List<ImportRun> pastImports(Viewer viewer) {
        return jobs.startedBy(CatalogImporter.KIND, viewer.name(), PAST_IMPORTS).stream()
                .map(s -> new ImportRun(s.id(), importer.job(s).fileName(), s.createdAt(), s.finishedAt(), s.state(),
                        s.total(), s.accepted(), s.rejected()))
                .toList();
    }

    /**
     * How the rows of one's own import split (new, updated, unchanged, refused) and its updates field by field; null
     * while its rows are still being checked. For anyone but the person who started it the import does not exist.
     */
    public ImportResult result(JobId id, Viewer viewer) {
        JobStatus status = jobs.statusFor(id, viewer.name());
        if (!status.kind().equals(CatalogImporter.KIND)) {
            throw new JobNotFound(id);
        }
        CatalogImporter.Split split = importer.split(status);
        if (split == null) {
            return null;
        }
        List<HandEdits.Change> read = HandEdits.readChanges(split.changes(), ImportResult.SHOWN + 1);
        List<ImportResult.Change> changes = read.stream().limit(ImportResult.SHOWN)
                .map(c -> new ImportResult.Change(c.row(), c.code(), c.title(), c.field(), c.oldValue(), c.newValue()))
                .toList();
        return new ImportResult(split.created(), split.updated(), split.unchanged(), split.refused(), changes,
                read.size() > ImportResult.SHOWN);
    }

    /** The file cannot be read as a catalogue; the message says why, for people. */
    public static class UnreadableImport extends RuntimeException {

        public UnreadableImport(String message) {
            super(message);
        }
    }
}
