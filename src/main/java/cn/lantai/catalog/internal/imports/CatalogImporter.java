package cn.lantai.catalog.internal.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.ImportOptions;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import cn.lantai.catalog.internal.CatalogWriter;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.catalog.internal.sheets.ColumnMapping;
import cn.lantai.catalog.internal.sheets.SheetRows;
import cn.lantai.catalog.internal.sheets.Sheets;
import cn.lantai.catalog.internal.sheets.UnreadableFile;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an Excel or CSV catalogue as a background job, in two passes over the file. The first checks every row
 * (the description rules, then, only in groups whose every record the importer may read, the arrangement, duplicates
 * in the file and against the catalogue, item-number gaps) and writes the error report; the second writes the valid
 * rows in batches, looking at each group again under its lock. Each batch commits together with the job's progress,
 * so a crash leaves whole batches only, and a restart goes on after the last one. All-or-nothing imports stop after
 * the first pass if any row is bad.
 */
@Component
public class CatalogImporter implements JobHandler {

    public static final String KIND = "catalog-import";

    private final Jobs jobs;
    private final EntryJudge judge;
    private final CatalogWriter writer;
    private final ChangeLog changes;
    private final Items items;
    private final ItemGroups groups;
    private final ExistingCodes existingCodes;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Uploads uploads;
    private final Path root;
    private final int batchSize;
    private final int maxRows;
    /** Called after each committed batch with the number of rows done; tests use it to stop a job midway. */
    private volatile java.util.function.IntConsumer afterBatch = done -> { };

    CatalogImporter(Jobs jobs, EntryJudge judge, CatalogWriter writer, ChangeLog changes, Items items,
            ItemGroups groups, ExistingCodes existingCodes, MessageSource messages, TransactionTemplate transactions,
            JsonMapper json,
            Uploads uploads,
            @Value("${lantai.data-dir}") Path dataDir, @Value("${lantai.import.batch-size:2000}") int batchSize,
            @Value("${lantai.import.max-rows:2000000}") int maxRows) {
        this.jobs = jobs;
        this.judge = judge;
        this.writer = writer;
        this.changes = changes;
        this.items = items;
        this.groups = groups;
        this.existingCodes = existingCodes;
        this.messages = messages;
        this.transactions = transactions;
        this.json = json;
        this.uploads = uploads;
        this.root = dataDir.resolve("imports");
        this.batchSize = batchSize;
        this.maxRows = maxRows;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String reportLink(JobId id) {
        return "/api/v1/imports/" + id + "/report";
    }

    /** Takes over an uploaded file and queues its import; the file is moved into the job's own folder. */
    public JobId submit(Path upload, String fileName, ImportOptions options, Viewer actor) {
        String folder = java.util.UUID.randomUUID().toString();
        Path dir = root.resolve(folder);
        try {
            Files.createDirectories(dir);
            Files.move(upload, dir.resolve(ImportJob.SOURCE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return transactions.execute(tx -> jobs.submit(KIND,
                json.writeValueAsString(new ImportJob(folder, fileName, options, ImportJob.Reach.of(actor))), actor.name()));
    }

    public ImportJob job(JobStatus status) {
        return json.readValue(status.params(), ImportJob.class);
    }

    public Path report(JobStatus status) {
        return job(status).dir(root).resolve(ImportJob.REPORT);
    }

    /**
     * Runs the import to its end, then removes its source file (the report stays): a job that ended, refused or not,
     * is never run again. A crash (an Error) leaves the file for the resumed run.
     */
    @Override
    public void run(JobStatus status) {
        ImportJob job = job(status);
        Path source = job.dir(root).resolve(ImportJob.SOURCE);
        try {
            importFile(status, job);
        } catch (RuntimeException e) {
            uploads.discard(source);
            throw e;
        }
        uploads.discard(source);
    }

    private void importFile(JobStatus status, ImportJob job) {
        Path dir = job.dir(root);
        Locale locale = Locale.forLanguageTag(job.options().language());
        try {
            Checked checked = Files.exists(dir.resolve(ImportJob.CHECKED)) ? Checked.load(dir) : check(status.id(), job, dir, locale);
            if (checked.rejected() > 0 && job.options().mode() == ImportOptions.Mode.ALL_OR_NOTHING) {
                jobs.fail(status.id(), 0, checked.total(), 0, checked.rejected(),
                        messages.getMessage("import.rejected-all", new Object[] {checked.rejected()}, locale));
                return;
            }
            long accepted = write(status, job, dir, checked, locale);
            long rejected = checked.total() - accepted;
            if (rejected > 0 && job.options().mode() == ImportOptions.Mode.ALL_OR_NOTHING) {
                // rows refused under the lock after a clean check (a code taken meanwhile): the batches before them
                // are committed, so say so rather than report the all-or-nothing import a success
                jobs.fail(status.id(), checked.total(), checked.total(), accepted, rejected, messages.getMessage(
                        "import.refused-while-writing", new Object[] {rejected, accepted}, locale));
                return;
            }
            jobs.succeed(status.id(), checked.total(), checked.total(), accepted, rejected,
                    messages.getMessage("import.done", new Object[] {accepted, rejected}, locale));
        } catch (UnreadableFile e) {
            jobs.fail(status.id(), 0, 0, 0, 0, messages.getMessage(e.code(), e.args(), locale));
        }
    }

    private Checked check(JobId id, ImportJob job, Path dir, Locale locale) {
        EntryJudge.Snapshot snapshot = judge.snapshot();
        Viewer reach = job.reach().viewer();
        Map<String, Boolean> closed = new HashMap<>();
        List<ReportLine> report = new ArrayList<>();
        BitSet rejectedRows = new BitSet();
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        NumberGaps gaps = new NumberGaps();
        List<ExistingCodes.Pending> pendingExisting = new ArrayList<>();
        BitSet updating = new BitSet();
        long total = 0;
        String format;
        long rowsInFile = countRows(id, job, dir);
        try (SheetRows rows = Sheets.open(dir.resolve(ImportJob.SOURCE), job.fileName())) {
            format = rows.format();
            ColumnMapping mapping = mapping(rows, job, snapshot);
            RowReader reader = new RowReader(mapping, job.options().defaults());
            SheetRows.Row row;
            while ((row = rows.next()) != null) {
                if (++total > maxRows) {
                    throw new UnreadableFile("import.too-many-rows", maxRows);
                }
                Entry entry = snapshot.judge(reader.read(row));
                var d = entry.description();
                boolean numbered = d.itemNo() > 0 && d.get(DescriptionField.FONDS) != null
                        && d.get(DescriptionField.CATEGORY) != null && d.get(DescriptionField.YEAR) != null
                        && d.get(DescriptionField.RETENTION) != null;
                String rowCode = numbered ? d.archivalCode().toString() : null;
                String rowTitle = d.get(DescriptionField.TITLE);
                int firstLine = report.size();
                for (Violation v : entry.violations()) {
                    report.add(line(row.number(), v, locale));
                }
                for (Violation v : entry.notices()) {
                    // a value moved or read in another sense: said in the report, the row itself is not refused
                    report.add(line(row.number(), v, locale));
                }
                boolean closedGroup = false;
                if (entry.valid() && !reach.maySee(d)) {
                    existingCodes.reject(report, rejectedRows, row.number(), d.get(DescriptionField.CLASSIFICATION),
                            "import.beyond-reach", locale);
                } else if (entry.valid() && closed.computeIfAbsent(d.arrangementGroup(),
                        group -> groups.holdsHiddenFrom(group, reach))) {
                    // numbers, codes taken, the same record and the arrangement all speak of the group's records:
                    // one answer for every row of the group, and none of those checks
                    report.add(refusal(row.number(), d, "catalog.group-beyond-reach", locale));
                    rejectedRows.set(row.number());
                    closedGroup = true;
                } else if (entry.valid()) {
                    for (Violation v : snapshot.arrangement(d)) {
                        report.add(line(row.number(), v, locale));
                        rejectedRows.set(row.number());
                    }
                }
                if (!entry.valid() || rejectedRows.get(row.number())) {
                    rejectedRows.set(row.number());
                    if (numbered && !closedGroup) {
                        // a bad row still holds its number: correcting and re-importing it fills the place
                        gaps.add(d.groupKey(), d.itemNo(), row.number());
                    }
                } else if (numbered) {
                    String code = d.archivalCode().toString();
                    Integer first = firstRowOfCode.putIfAbsent(code, row.number());
                    if (first != null) {
                        existingCodes.reject(report, rejectedRows, row.number(), code, "catalog.duplicate-in-file", locale, first);
                    } else {
                        gaps.add(d.groupKey(), d.itemNo(), row.number());
                        pendingExisting.add(new ExistingCodes.Pending(code, row.number(), rowTitle,
                                new CatalogWriter.Valid(d, entry.extra())));
                    }
                }
                for (int i = firstLine; i < report.size(); i++) {
                    report.set(i, report.get(i).about(rowCode, rowTitle));
                }
                if (pendingExisting.size() == 1000) {
                    // looked up while their entries are at hand: a hand edit counts only where the row changes the record
                    existingCodes.judge(pendingExisting, job.options(), reach, report, rejectedRows, updating, locale);
                    pendingExisting.clear();
                }
                if (total % 10_000 == 0) {
                    jobs.progress(id, "checking", total, rowsInFile, 0, rejectedRows.cardinality());
                }
            }
            if (total == 0) {
                throw new UnreadableFile("import.no-rows");
            }
        }
        existingCodes.judge(pendingExisting, job.options(), reach, report, rejectedRows, updating, locale);
        Map<String, Integer> highest = new HashMap<>();
        for (NumberGaps.Gap gap : gaps.gaps(group -> highest.computeIfAbsent(group, items::maxNumber))) {
            if (!rejectedRows.get(gap.row())) {
                report.add(new ReportLine(gap.row(), DescriptionField.ITEM_NO.label(), Integer.toString(gap.number()),
                        messages.getMessage("catalog.item-no-gap", new Object[] {gap.number(), gap.expected()}, locale)));
                rejectedRows.set(gap.row());
            }
        }
        report.sort(Comparator.comparingInt(ReportLine::row));
        ImportReport.write(dir.resolve(ImportJob.REPORT), report, messages, locale);
        long operation = transactions.execute(tx -> changes.begin("IMPORT", job.reach().actor(),
                job.reach().address(), job.fileName() + " (job " + id + ")", 0));
        Checked checked = new Checked(total, rejectedRows.cardinality(), operation, rejectedRows, updating, format);
        // the writing pass resumes after the rows the job counts done: the check's count must not stand for written rows
        jobs.progress(id, "writing", 0, total, 0, checked.rejected());
        checked.save(dir);
        return checked;
    }

    private ColumnMapping mapping(SheetRows rows, ImportJob job, EntryJudge.Snapshot snapshot) {
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.of(rows.header(), job.options().mapping(), snapshot.categories());
        } catch (IllegalArgumentException e) {
            throw new UnreadableFile("import.unknown-mapping-field", e.getMessage());
        }
        if (rows.header().isEmpty()) {
            throw new UnreadableFile("import.empty-file");
        }
        if (mapping.mapsNothing()) {
            throw new UnreadableFile("import.no-header", String.join(", ", rows.header().stream()
                    .map(h -> h == null ? "" : h).limit(20).toList()));
        }
        if (!mapping.repeated().isEmpty()) {
            // two columns for one field: which holds the value is the person's call, made in the mapping step
            throw new UnreadableFile("import.repeated-column", mapping.repeated().get(0).messageArgs());
        }
        return mapping;
    }

    private ReportLine line(int row, Violation v, Locale locale) {
        return new ReportLine(row, v.field(), v.value(), messages.getMessage(v.code(), v.args().toArray(), v.code(), locale));
    }

    private long write(JobStatus status, ImportJob job, Path dir, Checked checked, Locale locale) {
        long resumeAfter = status.done();
        long done = 0;
        Counts counts = new Counts(status.accepted(), Math.max(status.rejected(), checked.rejected()));
        EntryJudge.Snapshot snapshot = judge.snapshot();
        List<CatalogWriter.Valid> batch = new ArrayList<>(batchSize);
        List<Integer> batchRows = new ArrayList<>(batchSize);
        // the checking pass proved the file whole (encoding, zip bounds): the writing pass reads it as that pass found it
        try (SheetRows rows = Sheets.reopen(dir.resolve(ImportJob.SOURCE), job.fileName(), checked.format())) {
            RowReader reader = new RowReader(mapping(rows, job, snapshot), job.options().defaults());
            SheetRows.Row row;
            while ((row = rows.next()) != null) {
                done++;
                if (done <= resumeAfter) {
                    continue;
                }
                if (!checked.rejectedRows().get(row.number())) {
                    Entry entry = snapshot.judge(reader.read(row));
                    batch.add(new CatalogWriter.Valid(entry.description(), entry.extra()));
                    batchRows.add(row.number());
                }
                if (batch.size() == batchSize) {
                    commit(status.id(), batch, batchRows, job, dir, checked, done, counts, locale);
                }
            }
            commit(status.id(), batch, batchRows, job, dir, checked, done, counts, locale);
        }
        long total = counts.accepted;
        transactions.executeWithoutResult(tx -> changes.setCount(checked.operation(), (int) Math.min(total, Integer.MAX_VALUE)));
        return counts.accepted;
    }

    /** Rows accepted and rejected so far, as the job shows them. */
    private static final class Counts {

        long accepted;
        long rejected;

        Counts(long accepted, long rejected) {
            this.accepted = accepted;
            this.rejected = rejected;
        }
    }

    /**
     * The writing pass's second look, under the groups' locks: the catalogue may have changed since the rows were
     * checked. A row of a group that now holds a record beyond the importer gets the group's neutral refusal; a row
     * whose 档号 someone else has taken meanwhile is refused, never written over it, and the report says only that
     * the code is taken.
     */
    private CatalogWriter.Admission admission(Viewer reach, Checked checked, List<Integer> batchRows) {
        Map<String, Boolean> closed = new HashMap<>();
        return (index, entry, current) -> {
            Description d = entry.description();
            if (closed.computeIfAbsent(d.arrangementGroup(), group -> groups.holdsHiddenFrom(group, reach))
                    || current != null && !reach.maySee(current.description())) {
                return "catalog.group-beyond-reach";
            }
            if (current != null && d.itemNo() > 0 && checked.updating() != null
                    && !checked.updating().get(batchRows.get(index))) {
                return "import.code-taken";
            }
            return null;
        };
    }

    private void commit(JobId id, List<CatalogWriter.Valid> batch, List<Integer> batchRows, ImportJob job, Path dir,
            Checked checked, long done, Counts counts, Locale locale) {
        List<ReportLine> refusals = new ArrayList<>();
        List<HandEdits.Updated> updates = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            refusals.clear();
            int written = batch.size();
            if (!batch.isEmpty()) {
                CatalogWriter.Outcome outcome = writer.write(batch, checked.operation(),
                        admission(job.reach().viewer(), checked, batchRows));
                outcome.refused().forEach((index, code) -> refusals.add(refusal(batchRows.get(index),
                        batch.get(index).description(), code, locale)));
                updates.clear();
                outcome.changes().forEach((index, diff) -> updates.add(new HandEdits.Updated(batchRows.get(index),
                        batch.get(index).description(), diff)));
                written -= outcome.refused().size();
            }
            jobs.progress(id, "writing", done, checked.total(), counts.accepted + written,
                    counts.rejected + refusals.size());
            counts.accepted += written;
        });
        counts.rejected += refusals.size();
        if (!refusals.isEmpty()) {
            ImportReport.append(dir.resolve(ImportJob.REPORT), refusals);
        }
        if (!updates.isEmpty()) {
            HandEdits.appendChanges(dir.resolve(ImportJob.CHANGES), updates);
        }
        batch.clear();
        batchRows.clear();
        afterBatch.accept((int) done);
    }

    /** A row refused while writing: by its 档号 where it carries one, else (an unnumbered row) by its title. */
    private ReportLine refusal(int row, Description d, String code, Locale locale) {
        boolean numbered = d.itemNo() > 0;
        return new ReportLine(row, numbered ? "档号" : DescriptionField.TITLE.label(),
                numbered ? d.archivalCode().toString() : d.get(DescriptionField.TITLE),
                messages.getMessage(code, null, locale), numbered ? d.archivalCode().toString() : null,
                d.get(DescriptionField.TITLE));
    }

    /** The file's real number of data rows, counted before the check so progress speaks of the whole file. */
    private long countRows(JobId id, ImportJob job, Path dir) {
        jobs.progress(id, "counting", 0, 0, 0, 0);
        long count = 0;
        try (SheetRows rows = Sheets.open(dir.resolve(ImportJob.SOURCE), job.fileName())) {
            while (rows.next() != null) {
                if (++count > maxRows) {
                    throw new UnreadableFile("import.too-many-rows", maxRows);
                }
            }
        }
        return count;
    }

    /**
     * How the written rows split: items created and items updated, counted from the import's own change log (so the
     * count is what was committed), and the operation's id; null before the check has run.
     */
    public Split split(JobStatus status) {
        Path dir = job(status).dir(root);
        if (!Files.exists(dir.resolve(ImportJob.CHECKED))) {
            return null;
        }
        long operation = Checked.load(dir).operation();
        long[] counts = changes.createdAndUpdated(operation);
        return new Split(counts[0], counts[1], Math.max(0, status.accepted() - counts[0] - counts[1]),
                status.rejected(), dir.resolve(ImportJob.CHANGES));
    }

    /** New, updated, unchanged and refused rows of an import, and the file listing each update (may be absent). */
    public record Split(long created, long updated, long unchanged, long refused, Path changes) {
    }

    /** For tests: a hook after each committed batch (throwing from it simulates a crash midway). */
    public void afterEachBatch(java.util.function.IntConsumer hook) {
        this.afterBatch = hook == null ? done -> { } : hook;
    }
}
