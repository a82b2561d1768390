package cn.lantai.accession.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.lantai.accession.FourPropertiesCheck;
import cn.lantai.accession.FourPropertiesCheck.CheckedPackage;
import cn.lantai.accession.PackageRefused;
import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.Transfer;
import cn.lantai.accession.Transfer.Counts;
import cn.lantai.accession.TransferPackage;
import cn.lantai.accession.TransferPackage.PackageRecord;
import cn.lantai.accession.TransferPackages;
import cn.lantai.accession.TransferState;
import cn.lantai.accession.internal.TransferRows.RecordRow;
import cn.lantai.accession.internal.TransferRows.RecordState;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.Digests;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unpacks a submitted package and runs the four-properties check on it, in the background: CHECKING → CHECKED with
 * the report, the records and the counts saved together, or REFUSED when the package cannot be checked at all or
 * names another unit's fonds. Resumed after a crash, it starts again from the package. The check is recorded in the
 * audit trail (DA/T 70's "process logged").
 */
@Component
public class TransferCheckJob implements JobHandler {

    public static final String KIND = "transfer-check";

    private final TransferRows rows;
    private final TransferFolders folders;
    private final TransferPackages packages;
    private final FourPropertiesCheck check;
    private final Jobs jobs;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    TransferCheckJob(TransferRows rows, TransferFolders folders, TransferPackages packages, FourPropertiesCheck check,
            Jobs jobs, AuditTrail trail, MessageSource messages, TransactionTemplate tx, JsonMapper json) {
        this.rows = rows;
        this.folders = folders;
        this.packages = packages;
        this.check = check;
        this.jobs = jobs;
        this.trail = trail;
        this.messages = messages;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobStatus job) {
        long id = Long.parseLong(job.params());
        Transfer transfer = rows.find(id).orElseThrow();
        if (transfer.state() == TransferState.CHECKING) {
            try {
                check(transfer, job);
            } catch (RuntimeException e) {
                // never left CHECKING for good: the unit sees why and may submit the package again
                refuse(transfer, messages.getMessage("accession.transfer.check-failed",
                        new Object[] {String.valueOf(e.getMessage())}, Finding.REPORT_LOCALE));
                throw e;
            }
        }
        jobs.succeed(job.id(), 1, 1, 1, 0, null);
    }

    private void check(Transfer transfer, JobStatus job) {
        long id = transfer.id();
        Path work = folders.work(id);
        WorkFolders.remove(work);
        jobs.progress(job.id(), "checking", 0, 1, 0, 0);
        TransferPackage pkg;
        try {
            pkg = packages.open(folders.packageZip(id), work);
        } catch (PackageRefused e) {
            refuse(transfer, messages.getMessage(e.code(), e.args(), Finding.REPORT_LOCALE));
            return;
        }
        Set<String> foreign = pkg.records().stream().map(TransferCheckJob::fondsOf).filter(Objects::nonNull)
                .filter(f -> !f.equals(transfer.fonds())).collect(Collectors.toCollection(TreeSet::new));
        if (!foreign.isEmpty()) {
            refuse(transfer, messages.getMessage("accession.transfer.foreign-fonds",
                    new Object[] {String.join("、", foreign), transfer.fonds()}, Finding.REPORT_LOCALE));
            return;
        }
        CheckedPackage checked = check.checkRecords(pkg);
        Set<String> faulty = checked.report().failures().stream().map(PropertyCheck::record)
                .filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        List<RecordRow> records = pkg.records().stream().map(r -> {
            String label = checked.recordByRow().getOrDefault(r.row(), Integer.toString(r.row()));
            return new RecordRow(r.row(), label, null, faulty.contains(label) ? RecordState.LEFT_OUT
                    : RecordState.PENDING, null, entryJson(r), String.join(";", r.files()));
        }).toList();
        Counts counts = counts(pkg);
        String payload = folders.folder(id).relativize(pkg.bagRoot().resolve("data")).toString();
        tx.executeWithoutResult(s -> {
            rows.saveChecks(id, checked.report().checks());
            rows.saveRecords(id, records);
            rows.checked(id, manifestSm3(pkg), counts, payload);
            trail.record(new AuditEvent(transfer.submittedBy(), null, "accession.transfer.check",
                    "transfer:" + id, null, "checks=" + checked.report().checks().size() + " failed="
                            + checked.report().failures().size()));
        });
        deleteQuietly(folders.packageZip(id));
    }

    private void refuse(Transfer transfer, String problem) {
        tx.executeWithoutResult(s -> {
            rows.refused(transfer.id(), problem);
            trail.record(new AuditEvent(transfer.submittedBy(), null, "accession.transfer.refused",
                    "transfer:" + transfer.id(), null, problem));
        });
        folders.remove(transfer.id());
    }

    /** The record's 全宗号, from its 档号 or its own column; null when it names none. */
    static String fondsOf(PackageRecord record) {
        String code = record.entry().archivalCode();
        if (code != null && !code.isBlank()) {
            return ArchivalCode.parseInFile(code.strip()).or(() -> ArchivalCode.parse(code.strip()))
                    .map(ArchivalCode::fonds).orElse(null);
        }
        String fonds = record.entry().fields().get(DescriptionField.FONDS);
        return fonds == null || fonds.isBlank() ? null : fonds.strip();
    }

    private String entryJson(PackageRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.entry().fields().forEach((f, v) -> fields.put(f.name(), v));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("code", record.entry().archivalCode());
        entry.put("fields", fields);
        entry.put("extra", record.entry().extra());
        return json.writeValueAsString(entry);
    }

    private static Counts counts(TransferPackage pkg) {
        long volumes = pkg.records().stream().map(r -> r.entry().archivalCode()).filter(Objects::nonNull)
                .map(c -> ArchivalCode.parseInFile(c.strip())).flatMap(Optional::stream)
                .map(c -> c.fonds() + c.category() + c.year() + c.retention() + c.org() + "|" + c.volume())
                .distinct().count();
        List<TransferPackage.PayloadFile> files = pkg.files().stream()
                .filter(f -> !f.name().equals(pkg.catalogue())).toList();
        return new Counts(pkg.records().size(), (int) volumes, files.size(),
                files.stream().mapToLong(TransferPackage.PayloadFile::size).sum());
    }

    /** SM3 of the payload manifest as sent: manifest-sm3.txt, else manifest-sha256.txt; null when there is none. */
    private static String manifestSm3(TransferPackage pkg) {
        for (String name : List.of("manifest-sm3.txt", "manifest-sha256.txt")) {
            Path manifest = pkg.bagRoot().resolve(name);
            if (Files.isRegularFile(manifest)) {
                try {
                    return Digests.of(manifest).sm3();
                } catch (UncheckedIOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
