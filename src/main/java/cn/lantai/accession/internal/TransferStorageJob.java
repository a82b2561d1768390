package cn.lantai.accession.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.Transfer;
import cn.lantai.accession.TransferState;
import cn.lantai.accession.internal.TransferRows.RecordRow;
import cn.lantai.accession.internal.TransferRows.RecordState;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogProblem;
import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.ContentInspection;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.Digests;
import cn.lantai.preservation.PreservationEvent;
import cn.lantai.preservation.StoredFile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores an accepted transfer's records, one by one, in the catalogue and the archival store. Per record: the
 * catalogue item is created as the receiving person (audited by the catalogue) and its id kept in the record's row in
 * the same transaction; its files are deposited with PREMIS events (the report's virus check and format
 * identification, then the store's digests and ingestion); the row is marked stored with the job's progress. Resumed
 * after a crash it goes on from the rows: a record with an item is never created again, and a record whose object the
 * store already holds with the same digests is only reconciled, not deposited twice.
 */
@Component
public class TransferStorageJob implements JobHandler {

    public static final String KIND = "transfer-accept";
    private static final TypeReference<Map<String, Object>> ENTRY = new TypeReference<>() {
    };

    private final TransferRows rows;
    private final TransferFolders folders;
    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final ContentInspection inspection;
    private final Jobs jobs;
    private final AuditTrail trail;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private volatile CrashPoint crashPoint;
    private volatile int crashAfter;
    private volatile boolean crashed;

    /** Where the crash test stops a record: after it is catalogued, after its deposit, or once it is marked stored. */
    public enum CrashPoint { CATALOGUED, DEPOSITED, STORED }

    TransferStorageJob(TransferRows rows, TransferFolders folders, CatalogManagement catalog, ArchivalStore store,
            ContentInspection inspection, Jobs jobs, AuditTrail trail, TransactionTemplate tx, JsonMapper json) {
        this.rows = rows;
        this.folders = folders;
        this.catalog = catalog;
        this.store = store;
        this.inspection = inspection;
        this.jobs = jobs;
        this.trail = trail;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * For the crash test only: the next run stops with an {@link Error} at this point of its {@code records}-th record
     * of the run, as a killed process would, leaving the job RUNNING for {@link Jobs#resumeUnfinished()}.
     */
    public void crashForTests(CrashPoint point, int records) {
        this.crashed = false;
        this.crashAfter = records;
        this.crashPoint = point;
    }

    /** Whether the crash asked for by {@link #crashForTests} happened: nothing more runs in that run. */
    public boolean crashedForTests() {
        return crashed;
    }

    private void crashIf(CrashPoint point, int record) {
        if (crashPoint == point && record >= crashAfter) {
            crashPoint = null;
            crashed = true;
            throw new Error("test hook: crash at " + point + " of record " + record + " of this run");
        }
    }

    @Override
    public void run(JobStatus job) {
        long id = Long.parseLong(job.params());
        Transfer transfer = rows.find(id).orElseThrow();
        if (transfer.state() != TransferState.STORING) {
            jobs.succeed(job.id(), job.done(), job.total(), job.accepted(), job.rejected(), null);
            return;
        }
        Viewer receiver = receiver(transfer.decidedBy());
        Path payload = folders.folder(id).resolve(rows.payloadDir(id));
        Map<String, List<PropertyCheck>> checksByFile = checksByFile(rows.checks(id));
        List<RecordRow> records = rows.records(id);
        List<RecordRow> todo = records.stream().filter(r -> r.state() == RecordState.PENDING
                || r.state() == RecordState.CATALOGUED).toList();
        int total = (int) records.stream().filter(r -> r.state() != RecordState.LEFT_OUT).count();
        int[] stored = {(int) records.stream().filter(r -> r.state() == RecordState.STORED).count()};
        int[] refused = {(int) records.stream().filter(r -> r.state() == RecordState.REFUSED).count()};
        int thisRun = 0;
        for (RecordRow record : todo) {
            thisRun++;
            Long itemId = record.itemId();
            if (itemId == null) {
                itemId = catalogue(id, record, receiver);
                if (itemId == null) {
                    refused[0]++;
                    continue;
                }
            }
            crashIf(CrashPoint.CATALOGUED, thisRun);
            Item item = catalog.itemsForIndexing(List.of(new ItemId(itemId))).get(0);
            store(item, record, payload, checksByFile, transfer.decidedBy(), id);
            crashIf(CrashPoint.DEPOSITED, thisRun);
            stored[0]++;
            tx.executeWithoutResult(s -> {
                rows.recordState(id, record.row(), RecordState.STORED, item.id().value(), null);
                rows.storedCount(id, stored[0]);
                jobs.progress(job.id(), "storing", stored[0] + refused[0], total, stored[0], refused[0]);
            });
            crashIf(CrashPoint.STORED, thisRun);
        }
        tx.executeWithoutResult(s -> {
            rows.move(id, TransferState.STORING, TransferState.ACCEPTED);
            trail.record(new AuditEvent(transfer.decidedBy(), null, "accession.transfer.stored", "transfer:" + id,
                    null, "stored=" + stored[0] + " refused=" + refused[0]));
            jobs.succeed(job.id(), stored[0] + refused[0], total, stored[0], refused[0], null);
        });
        WorkFolders.remove(folders.work(id));
    }

    /**
     * The receiving person as the catalogue's writer: their decision to accept is the authority to catalogue what was
     * accepted (DA/T 22 numbering in the archive's groups), in every fonds and at every clearance the transfer holds.
     */
    private static Viewer receiver(String login) {
        return new Viewer(login, null, Classification.TOP_SECRET, true, Scope.ALL, Set.of(CatalogRight.CATALOG_EDIT));
    }

    /** Creates the record's item and remembers it in one transaction; null when the catalogue refuses it. */
    private Long catalogue(long id, RecordRow record, Viewer receiver) {
        EntryInput entry = numberedByTheArchive(record.entry());
        try {
            return tx.execute(s -> {
                Item item = catalog.create(entry, receiver);
                rows.recordState(id, record.row(), RecordState.CATALOGUED, item.id().value(), null);
                return item.id().value();
            });
        } catch (CatalogProblem | InvalidEntry e) {
            tx.executeWithoutResult(s -> rows.recordState(id, record.row(), RecordState.REFUSED, null,
                    e instanceof CatalogProblem p ? p.code() : "catalog.invalid-entry"));
            return null;
        }
    }

    /**
     * The entry as the unit described it, but numbered by the archive: records left out of the accept would leave
     * gaps in the unit's 件号, and numbers are gap-free in the archive's groups (DA/T 22), so the group's parts of the
     * unit's 档号 are kept and the 件号 is the group's next.
     */
    @SuppressWarnings("unchecked")
    private EntryInput numberedByTheArchive(String entryJson) {
        Map<String, Object> entry = json.readValue(entryJson, ENTRY);
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        ((Map<String, String>) entry.get("fields")).forEach((k, v) -> fields.put(DescriptionField.valueOf(k), v));
        String code = (String) entry.get("code");
        if (code != null && !code.isBlank()) {
            ArchivalCode.parse(code.strip()).ifPresent(c -> {
                fields.put(DescriptionField.FONDS, c.fonds());
                fields.put(DescriptionField.CATEGORY, c.category());
                fields.put(DescriptionField.YEAR, Integer.toString(c.year()));
                fields.put(DescriptionField.RETENTION, c.retention().code());
                if (c.org() != null) {
                    fields.put(DescriptionField.ORG, c.org());
                }
            });
        }
        fields.remove(DescriptionField.ITEM_NO);
        return new EntryInput(null, fields, (Map<String, String>) entry.get("extra"));
    }

    private void store(Item item, RecordRow record, Path payload, Map<String, List<PropertyCheck>> checks,
            String actor, long transfer) {
        List<String> names = List.of(record.files().split(";"));
        Map<String, ContentFile> files = new LinkedHashMap<>();
        List<PreservationEvent> events = new ArrayList<>();
        for (String name : names) {
            Path source = payload.resolve(name);
            String stored = storedName(name, names);
            files.put(stored, new ContentFile(stored, source, inspection.identify(source).mediaType()));
            for (PropertyCheck c : checks.getOrDefault(name, List.of())) {
                if (c.code().equals("SEC-VIRUS")) {
                    events.add(PreservationEvent.success(PreservationEvent.VIRUS_CHECK, "ClamAV", c.reason(), stored));
                } else if (c.code().equals("USE-FORMAT")) {
                    events.add(PreservationEvent.success(PreservationEvent.FORMAT_IDENTIFICATION, "Apache Tika",
                            c.reason(), stored));
                }
            }
        }
        if (store.holds(item.id()) && holdsTheSame(item.id(), files)) {
            return;
        }
        store.deposit(new Deposit(item, List.copyOf(files.values()), events, actor,
                "transfer " + transfer + " (移交接收)"));
    }

    /** Whether the store's head of the record already holds these files with these digests (a crash after deposit). */
    private boolean holdsTheSame(ItemId id, Map<String, ContentFile> files) {
        store.reconcile(id);
        Map<String, String> held = new LinkedHashMap<>();
        for (StoredFile f : store.files(id)) {
            held.put(f.name(), f.sha256());
        }
        return held.keySet().equals(files.keySet()) && files.values().stream()
                .allMatch(f -> Digests.of(f.source()).sha256().equals(held.get(f.name())));
    }

    /** The file's own name inside the record, or its payload path when two of the record's files share a name. */
    private static String storedName(String name, List<String> names) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        long same = names.stream().filter(n -> n.substring(n.lastIndexOf('/') + 1).equals(last)).count();
        return same == 1 ? last : name;
    }

    private static Map<String, List<PropertyCheck>> checksByFile(List<PropertyCheck> checks) {
        Map<String, List<PropertyCheck>> byFile = new LinkedHashMap<>();
        checks.stream().filter(c -> !c.file().isEmpty())
                .forEach(c -> byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c));
        return byFile;
    }
}
