package cn.lantai.accession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.lantai.accession.CheckedRecord.Origin;
import cn.lantai.accession.CheckedRecord.RecordFile;
import cn.lantai.accession.FilingRefused.Kind;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.accession.internal.FilingLedger;
import cn.lantai.accession.internal.FilingMetadata;
import cn.lantai.accession.internal.FilingMetadata.DeclaredFile;
import cn.lantai.accession.internal.FilingStore;
import cn.lantai.accession.internal.SealedForms;
import cn.lantai.accession.internal.WorkFolders;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogProblem;
import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The online filing of units' office systems (增量电子化): one record with its files, checked for the four properties
 * of DA/T 70-2018 on its own, catalogued in the unit's fonds and deposited in the archival store, answered by a
 * receipt the archive signs. A filing is idempotent by the unit's own record id ({@code sourceId}): a repeat, even a
 * concurrent one, answers the first receipt and stores nothing twice. A failed filing stores only its receipt and
 * claims nothing, so the unit files the corrected record again under the same sourceId.
 * <p>
 * Crash safety: the record is catalogued and the filing marked RECEIVED in one transaction, with its files kept in the
 * filing's work folder ({@code lantai.accession.filing.work}); only then are they deposited and the filing marked
 * STORED. A crash in between leaves a RECEIVED filing, which the next start deposits (see {@link FilingStore}), so no
 * catalogued filing stays without its files, and the store never holds an object the catalogue does not know.
 */
@Service
public class Filings {

    /** Receipts speak Chinese first, as the reports do. */
    private static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final FourPropertiesCheck check;
    private final FilingLedger ledger;
    private final FilingStore filingStore;
    private final CatalogManagement catalog;
    private final UnitDirectory units;
    private final ArchiveSeal seal;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Limits limits;

    /** One file part as received: its name (the part's file name) and how to read it. */
    public record FiledPart(String name, long size, Content content) {
    }

    /** Opens a part's bytes (the servlet's multipart file). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /** What a filing answers: the signed receipt, and whether it was the first receipt of an earlier filing. */
    public record Outcome(FilingReceipt.Signed receipt, boolean repeated) {
    }

    /** A filing's limits: files, bytes per file and per filing, and the metadata part's bytes. */
    public record Limits(int maxFiles, long maxFileSize, long maxFilingSize, long maxMetadataSize) {
    }

    Filings(FourPropertiesCheck check, FilingLedger ledger, FilingStore filingStore, CatalogManagement catalog,
            UnitDirectory units, ArchiveSeal seal, AuditTrail trail, MessageSource messages, JsonMapper json,
            PlatformTransactionManager transactions,
            @Value("${lantai.accession.filing.max-files:100}") int maxFiles,
            @Value("${lantai.accession.filing.max-file-size:1GB}") DataSize maxFileSize,
            @Value("${lantai.accession.filing.max-filing-size:1GB}") DataSize maxFilingSize,
            @Value("${lantai.accession.filing.max-metadata-size:256KB}") DataSize maxMetadataSize) {
        this.check = check;
        this.ledger = ledger;
        this.filingStore = filingStore;
        this.catalog = catalog;
        this.units = units;
        this.seal = seal;
        this.trail = trail;
        this.messages = messages;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.limits = new Limits(maxFiles, maxFileSize.toBytes(), maxFilingSize.toBytes(), maxMetadataSize.toBytes());
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Files one record for the person's unit (a unit archivist: {@code PREPARE_TRANSFER}). The metadata is JSON in the
     * charset of {@code contentType}; the parts are the files it lists, each exactly once.
     *
     * @throws FilingRefused when it cannot be checked, is not the person's to make, or passes a limit
     */
    @PreAuthorize("hasAuthority('PREPARE_TRANSFER')")
    public Outcome file(byte[] metadata, String contentType, List<FiledPart> parts, Viewer viewer) {
        requireWithinLimits(metadata, parts);
        FilingMetadata filed = FilingMetadata.parse(metadata, contentType, json);
        String unit = units.unitOf(viewer.name()).orElseThrow(() -> forbidden("accession.filing.no-unit"));
        EntryInput entry = inFonds(filed.entry(), fondsOf(unit));
        Map<String, FiledPart> byName = matchParts(filed.files(), parts);
        Optional<FilingLedger.Entry> earlier = ledger.claimed(unit, filed.sourceId());
        if (earlier.isPresent()) {
            return new Outcome(signed(earlier.get()), true);
        }
        String receiptId = UUID.randomUUID().toString();
        Path folder = filingStore.folder(receiptId);
        boolean kept = false;
        try {
            List<RecordFile> files = receive(filed.files(), byName, folder);
            FourPropertiesReport report = check.check(new CheckedRecord(filed.sourceId(), entry, files, Origin.FILING));
            trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.filing.check",
                    unit + "/" + filed.sourceId(), null, report.passed() ? "PASS" : "FAIL"));
            Draft draft = new Draft(receiptId, unit, entry.fields().get(DescriptionField.FONDS), filed.sourceId(),
                    viewer, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            if (!report.passed()) {
                return new Outcome(refuse(draft, report.checks()), false);
            }
            Outcome outcome = catalogue(draft, entry, report);
            kept = !outcome.repeated();
            if (kept) {
                filingStore.store(receiptId, outcome.receipt().receipt().recordId(), viewer.name());
            }
            return outcome;
        } finally {
            if (!kept) {
                WorkFolders.remove(folder);
            }
        }
    }

    /**
     * The receipt with its signature: for the filing unit's archivists and the archive's receiving staff
     * ({@code RECEIVE}); anyone else is told it does not exist.
     */
    @PreAuthorize("hasAnyAuthority('PREPARE_TRANSFER', 'RECEIVE')")
    public FilingReceipt.Signed receipt(String receiptId, Viewer viewer) {
        FilingLedger.Entry entry = ledger.byReceipt(receiptId).filter(e -> !e.json().isEmpty())
                .orElseThrow(() -> new FilingNotFound(receiptId));
        boolean receiving = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("RECEIVE"));
        if (!receiving && !units.unitOf(viewer.name()).map(entry.unit()::equals).orElse(false)) {
            throw new FilingNotFound(receiptId);
        }
        return signed(entry);
    }

    /** The receipt as a sealed PDF (归档回执), for the same people as {@link #receipt}. */
    @PreAuthorize("hasAnyAuthority('PREPARE_TRANSFER', 'RECEIVE')")
    public byte[] receiptPdf(String receiptId, Viewer viewer) {
        return seal.sealedPdf(SealedForms.receipt(receipt(receiptId, viewer).receipt(), seal.fingerprint()));
    }

    private record Draft(String receiptId, String unit, String fonds, String sourceId, Viewer viewer, Instant at) {

        /** The row that claims the sourceId before the record is catalogued. */
        FilingReceipt claim() {
            return new FilingReceipt(receiptId, unit, sourceId, null, null, Result.PASS, List.of(), viewer.name(), at);
        }

        FilingReceipt receipt(Item item, List<PropertyCheck> checks) {
            return new FilingReceipt(receiptId, unit, sourceId, item == null ? null : item.id().value(),
                    item == null ? null : item.archivalCode(), item == null ? Result.FAIL : Result.PASS, checks,
                    viewer.name(), at);
        }
    }

    /**
     * Claims the sourceId first (a concurrent claim waits on the unique constraint and then fails), catalogues the
     * record and issues the receipt, all in one transaction. The catalogue may still refuse what the check let pass
     * (its 档号 taken, the same record there already): that is a failed filing.
     */
    private Outcome catalogue(Draft draft, EntryInput entry, FourPropertiesReport report) {
        try {
            return tx.execute(status -> {
                ledger.insert(draft.claim(), FilingLedger.RECEIVED, "", "");
                Item item = catalog.create(entry, filingViewer(draft));
                FilingReceipt receipt = draft.receipt(item, report.checks());
                String text = json.writeValueAsString(receipt);
                String signature = sign(text);
                ledger.issue(receipt, text, signature);
                trail.record(new AuditEvent(draft.viewer().name(), draft.viewer().address(), "accession.filing",
                        "item:" + item.id().value(), null, draft.unit() + "/" + draft.sourceId() + " receipt "
                                + draft.receiptId()));
                return new Outcome(new FilingReceipt.Signed(receipt, text, signature), false);
            });
        } catch (DataIntegrityViolationException e) {
            return new Outcome(signed(awaitClaimed(draft.unit(), draft.sourceId())), true);
        } catch (InvalidEntry | CatalogProblem e) {
            List<PropertyCheck> checks = new ArrayList<>(report.checks());
            checks.add(new PropertyCheck(Property.AUTHENTICITY, "AUTH-CATALOGUE", Result.FAIL, draft.sourceId(), "",
                    catalogueRefusal(e)));
            return new Outcome(refuse(draft, checks), false);
        }
    }

    private FilingReceipt.Signed refuse(Draft draft, List<PropertyCheck> checks) {
        FilingReceipt receipt = draft.receipt(null, checks);
        String text = json.writeValueAsString(receipt);
        String signature = sign(text);
        ledger.insert(receipt, FilingLedger.REFUSED, text, signature);
        return new FilingReceipt.Signed(receipt, text, signature);
    }

    /**
     * The receipt of the filing that won a concurrent claim: it is committed once the other request's transaction
     * ends, which the database's lock timeout bounds.
     */
    private FilingLedger.Entry awaitClaimed(String unit, String sourceId) {
        for (int attempt = 0; attempt < 1200; attempt++) {
            Optional<FilingLedger.Entry> entry = ledger.claimed(unit, sourceId).filter(e -> !e.json().isEmpty());
            if (entry.isPresent()) {
                return entry.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the concurrent filing of " + unit + "/" + sourceId + " did not finish");
    }

    /**
     * The archive catalogues the filing on the unit's behalf, in the unit's fonds only: the group gate and the
     * catalogue's rules apply as to any entry, under the archivist's name in the change log.
     */
    private static Viewer filingViewer(Draft draft) {
        return new Viewer(draft.viewer().name(), draft.viewer().address(), Classification.TOP_SECRET, true,
                new Scope(List.of(new Scope.Area(Set.of(draft.fonds()), null))), Set.of(CatalogRight.CATALOG_EDIT));
    }

    private String catalogueRefusal(RuntimeException e) {
        if (e instanceof InvalidEntry invalid) {
            return String.join("；", invalid.violations().stream()
                    .map(v -> messages.getMessage(v.code(), v.args().toArray(), v.code(), REPORT_LOCALE)).toList());
        }
        CatalogProblem problem = (CatalogProblem) e;
        return messages.getMessage(problem.code(), problem.args(), problem.code(), REPORT_LOCALE);
    }

    private FilingReceipt.Signed signed(FilingLedger.Entry entry) {
        return new FilingReceipt.Signed(json.readValue(entry.json(), FilingReceipt.class), entry.json(),
                entry.signature());
    }

    private String sign(String text) {
        return Base64.getEncoder().encodeToString(seal.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void requireWithinLimits(byte[] metadata, List<FiledPart> parts) {
        if (metadata == null) {
            throw new FilingRefused(Kind.MALFORMED, "accession.filing.no-metadata");
        }
        if (metadata.length > limits.maxMetadataSize()) {
            throw new FilingRefused(Kind.TOO_LARGE, "accession.filing.metadata-too-large", limits.maxMetadataSize());
        }
        if (parts.size() > limits.maxFiles()) {
            throw new FilingRefused(Kind.TOO_LARGE, "accession.filing.too-many-files", limits.maxFiles());
        }
        long total = 0;
        for (FiledPart part : parts) {
            if (part.size() > limits.maxFileSize()) {
                throw new FilingRefused(Kind.TOO_LARGE, "accession.filing.file-too-large", part.name(),
                        limits.maxFileSize());
            }
            total += part.size();
        }
        if (total > limits.maxFilingSize()) {
            throw new FilingRefused(Kind.TOO_LARGE, "accession.filing.filing-too-large", limits.maxFilingSize());
        }
    }

    /** The unit's fonds: its own, or the nearest unit above it that forms one. */
    private String fondsOf(String unitCode) {
        Optional<UnitProfile> unit = units.unit(unitCode);
        for (int depth = 0; unit.isPresent() && depth < 64; depth++) {
            if (unit.get().formsFonds()) {
                return unit.get().fonds();
            }
            unit = units.unit(unit.get().parent());
        }
        throw forbidden("accession.filing.no-fonds", unitCode);
    }

    /** The entry in the unit's fonds: given as another fonds, refused; not given, filled in. */
    private static EntryInput inFonds(EntryInput entry, String fonds) {
        String given = entry.fields().get(DescriptionField.FONDS);
        if (given != null && !given.isBlank() && !given.strip().equals(fonds)) {
            throw forbidden("accession.filing.other-fonds", given.strip(), fonds);
        }
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.putAll(entry.fields());
        fields.put(DescriptionField.FONDS, fonds);
        return new EntryInput(null, fields, entry.extra());
    }

    /** Every listed file has exactly one part and every part is listed (by its file name). */
    private static Map<String, FiledPart> matchParts(List<DeclaredFile> files, List<FiledPart> parts) {
        Map<String, FiledPart> byName = new HashMap<>();
        for (FiledPart part : parts) {
            if (byName.put(part.name(), part) != null) {
                throw new FilingRefused(Kind.MALFORMED, "accession.filing.name-twice", part.name());
            }
        }
        for (DeclaredFile file : files) {
            if (!byName.containsKey(file.name())) {
                throw new FilingRefused(Kind.MALFORMED, "accession.filing.part-missing", file.name());
            }
        }
        for (String name : byName.keySet()) {
            if (files.stream().noneMatch(f -> f.name().equals(name))) {
                throw new FilingRefused(Kind.MALFORMED, "accession.filing.part-unlisted", name);
            }
        }
        return byName;
    }

    private static List<RecordFile> receive(List<DeclaredFile> files, Map<String, FiledPart> parts, Path folder) {
        List<RecordFile> received = new ArrayList<>();
        try {
            for (DeclaredFile file : files) {
                Path location = folder.resolve(file.name()).normalize();
                if (!location.startsWith(folder)) {
                    throw new FilingRefused(Kind.MALFORMED, "accession.filing.bad-name", file.name());
                }
                Files.createDirectories(location.getParent());
                try (InputStream in = parts.get(file.name()).content().open()) {
                    Files.copy(in, location);
                }
                received.add(new RecordFile(file.name(), location, file.sha256(), file.sm3(), file.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received;
    }

    private static FilingRefused forbidden(String code, Object... args) {
        return new FilingRefused(Kind.FORBIDDEN, code, args);
    }
}
