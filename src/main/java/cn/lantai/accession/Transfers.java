package cn.lantai.accession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.lantai.accession.Transfer.Counts;
import cn.lantai.accession.Transfer.Decision;
import cn.lantai.accession.Transfer.Kind;
import cn.lantai.accession.Transfer.Paper;
import cn.lantai.accession.internal.TransferCheckJob;
import cn.lantai.accession.internal.TransferFolders;
import cn.lantai.accession.internal.TransferRows;
import cn.lantai.accession.internal.TransferStorageJob;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.Right;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.Digests;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units' transfers (移交/接收): a unit archivist submits a package (their unit decides the fonds), it is unpacked and
 * checked in the background; the receiving staff accept it (its records without a FAIL enter the catalogue and the
 * store in one resumable job) or reject it with reasons; paper-only transfers are recorded by the receiving staff. A
 * unit sees its own transfers only, the receiving staff ({@code RECEIVE}) all; any other transfer answers as one that
 * does not exist. Every step and every refused step is in the audit trail.
 */
@Service
public class Transfers {

    /** The most reasons a rejection keeps (the column of V19). */
    public static final int MAX_REASONS = 2000;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final TransferRows rows;
    private final TransferFolders folders;
    private final UnitDirectory units;
    private final Jobs jobs;
    private final AuditTrail trail;

    Transfers(TransferRows rows, TransferFolders folders, UnitDirectory units, Jobs jobs, AuditTrail trail) {
        this.rows = rows;
        this.folders = folders;
        this.units = units;
        this.jobs = jobs;
        this.trail = trail;
    }

    /**
     * Reads an uploaded package to a file of its own (streamed, digested on the way, at most {@code maxBytes}); the
     * caller passes it to {@link #submit} or {@link #discard}s it.
     *
     * @throws TransferProblem 413 past the size limit (nothing is kept)
     */
    public Path receive(InputStream upload, long maxBytes) {
        Path file = folders.newUpload();
        try (InputStream in = upload; var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new TransferProblem(413, "accession.transfer.too-large", maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            discard(file);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return file;
    }

    /** Removes an upload that will not be submitted. */
    public void discard(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Admits an upload of a package before its body is read: without {@code PREPARE_TRANSFER} it is refused (403,
     * audited), so nothing of it is received or stored.
     */
    public void admitUpload(String login, String address) {
        requireRight(new Viewer(login, address, Classification.NONE, false, Scope.ALL, Set.of()),
                Right.PREPARE_TRANSFER, "transfer:new");
    }

    /**
     * Submits the uploaded package of the person's unit and starts its check; the upload is taken over (or removed
     * when refused). Needs {@code PREPARE_TRANSFER} and a unit that forms a fonds.
     *
     * @throws TransferProblem 400 when the file is no zip; {@link DuplicateTransfer} (409) when the unit already
     *                         submitted the same package and it was not rejected
     * @throws NotPermitted    without the right or a unit with a fonds (403, audited)
     */
    @Transactional
    public Transfer submit(Path upload, Viewer viewer) {
        try {
            requireRight(viewer, Right.PREPARE_TRANSFER, "transfer:new");
            UnitProfile unit = units.unitOf(viewer.name()).flatMap(units::unit).filter(UnitProfile::formsFonds)
                    .orElseThrow(() -> refusal(viewer, "transfer:new", "accession.transfer.no-unit"));
            requireZip(upload);
            String sha256 = Digests.of(upload).sha256();
            rows.sameDigest(unit.code(), sha256).ifPresent(earlier -> {
                throw new DuplicateTransfer(earlier);
            });
            long id = rows.insert(unit.code(), unit.fonds(), Kind.ELECTRONIC, TransferState.CHECKING, viewer.name(),
                    Instant.now(), sha256, new Counts(0, 0, 0, size(upload)), null);
            folders.adopt(upload, id);
            JobId job = jobs.submit(TransferCheckJob.KIND, Long.toString(id), viewer.name());
            rows.jobStarted(id, job.value());
            trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.submit", "transfer:" + id,
                    null, "unit=" + unit.code() + " sha256=" + sha256));
            return rows.find(id).orElseThrow();
        } catch (RuntimeException e) {
            discard(upload);
            throw e;
        }
    }

    /** The transfer, if the person may see it (their unit's, or any for the receiving staff). */
    public Transfer transfer(long id, Viewer viewer) {
        Transfer transfer = rows.find(id).orElseThrow(() -> new TransferNotFound(id));
        if (!receives(viewer) && !transfer.unit().equals(unitOf(viewer))) {
            throw new TransferNotFound(id);
        }
        return transfer;
    }

    /** The report's checks of a transfer the person may see, in the order they were made. */
    public FourPropertiesReport report(long id, Viewer viewer) {
        transfer(id, viewer);
        return new FourPropertiesReport(rows.checks(id));
    }

    /** The transfers the person may see, newest first (at most 500), optionally in one state. */
    public List<Transfer> transfers(TransferState state, Viewer viewer) {
        if (receives(viewer)) {
            return rows.list(null, state, 500);
        }
        String unit = unitOf(viewer);
        return unit == null ? List.of() : rows.list(unit, state, 500);
    }

    /** The transfers of one unit, for its page: the receiving staff's, or the unit's own archivists'. */
    public List<Transfer> transfersOf(String unit, Viewer viewer) {
        if (!receives(viewer) && !isOfUnit(unit, viewer)) {
            return List.of();
        }
        return rows.list(unit, null, 500);
    }

    /**
     * The unit's transfers in outline (dates, state, counts; no record content), newest first (at most 500): for the
     * receiving staff and for the inspectors, whose unit pages show a unit's whole history.
     */
    @PreAuthorize("hasAnyAuthority('RECEIVE', 'INSPECT')")
    public List<TransferOutline> receivedFrom(String unitCode) {
        return unitCode == null ? List.of()
                : rows.list(unitCode.strip(), null, 500).stream().map(TransferOutline::of).toList();
    }

    /**
     * Accepts a checked transfer: its records without a FAIL are stored (catalogue and store) by a background job
     * (STORING, then ACCEPTED); records with a FAIL are left out and named on the receipt. Asked again while its
     * storing job has failed (a disk full, the store unreachable), the job is started again and goes on from the
     * records already stored. Needs {@code RECEIVE}.
     *
     * @throws NotPermitted    without the right (403, audited)
     * @throws TransferProblem 409 when it is not CHECKED (being checked, decided already, being stored)
     */
    @Transactional
    public Transfer accept(long id, Viewer viewer) {
        requireRight(viewer, Right.RECEIVE, "transfer:" + id);
        Transfer transfer = transfer(id, viewer);
        if (transfer.state() == TransferState.STORING && storingFailed(id)) {
            JobId job = jobs.submit(TransferStorageJob.KIND, Long.toString(id), transfer.decidedBy());
            rows.jobStarted(id, job.value());
            trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.accept-again",
                    "transfer:" + id, null, null));
            return rows.find(id).orElseThrow();
        }
        if (!rows.move(id, TransferState.CHECKED, TransferState.STORING)) {
            throw new TransferProblem(409, "accession.transfer.not-checked", id);
        }
        rows.decided(id, Decision.ACCEPTED, null, viewer.name(), Instant.now());
        JobId job = jobs.submit(TransferStorageJob.KIND, Long.toString(id), viewer.name());
        rows.jobStarted(id, job.value());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.accept", "transfer:" + id,
                null, null));
        return rows.find(id).orElseThrow();
    }

    /**
     * Rejects a checked transfer with reasons (required, at most {@link #MAX_REASONS} characters): nothing of it is
     * kept but the record of the transfer, its report and the reasons. Needs {@code RECEIVE}.
     */
    @Transactional
    public Transfer reject(long id, String reasons, Viewer viewer) {
        requireRight(viewer, Right.RECEIVE, "transfer:" + id);
        transfer(id, viewer);
        String why = reasons == null ? "" : reasons.strip();
        if (why.isEmpty() || why.length() > MAX_REASONS || why.codePoints().anyMatch(c -> Character.isISOControl(c)
                && c != '\n' && c != '\r' && c != '\t')) {
            throw new TransferProblem(400, "accession.transfer.bad-reasons", MAX_REASONS);
        }
        if (!rows.move(id, TransferState.CHECKED, TransferState.REJECTED)) {
            throw new TransferProblem(409, "accession.transfer.not-checked", id);
        }
        rows.decided(id, Decision.REJECTED, why, viewer.name(), Instant.now());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.reject", "transfer:" + id,
                null, why));
        folders.remove(id);
        return rows.find(id).orElseThrow();
    }

    /**
     * Records a paper-only transfer as received (RECORDED, accepted by the person). Needs {@code RECEIVE}; the unit
     * must form a fonds; counts are 0..1,000,000, boxes 0..100,000, the shelf at most 100 characters.
     */
    @Transactional
    public Transfer recordPaper(PaperTransfer paper, Viewer viewer) {
        requireRight(viewer, Right.RECEIVE, "transfer:paper");
        UnitProfile unit = units.unit(paper.unit()).filter(UnitProfile::formsFonds)
                .orElseThrow(() -> new TransferProblem(400, "accession.transfer.no-such-unit", paper.unit()));
        String shelf = paper.shelf() == null ? null : paper.shelf().strip();
        boolean bad = paper.items() < 0 || paper.items() > 1_000_000 || paper.volumes() < 0
                || paper.volumes() > 1_000_000 || paper.items() + paper.volumes() == 0 || paper.boxes() < 0
                || paper.boxes() > 100_000 || (shelf != null && (shelf.length() > 100
                        || shelf.codePoints().anyMatch(Character::isISOControl)))
                || paper.handedOverOn() == null;
        if (bad) {
            throw new TransferProblem(400, "accession.transfer.bad-paper");
        }
        Instant now = Instant.now();
        long id = rows.insert(unit.code(), unit.fonds(), Kind.PAPER, TransferState.RECORDED, viewer.name(), now, null,
                new Counts(paper.items(), paper.volumes(), 0, 0),
                new Paper(paper.boxes(), shelf == null || shelf.isEmpty() ? null : shelf, paper.handedOverOn()));
        rows.decided(id, Decision.ACCEPTED, null, viewer.name(), now);
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.paper", "transfer:" + id,
                null, "unit=" + unit.code() + " items=" + paper.items() + " volumes=" + paper.volumes()));
        return rows.find(id).orElseThrow();
    }

    /**
     * The transfers accepted from {@code from} (inclusive) to {@code to}, with their 卷 and 件: aggregates without any
     * unit's name, so the caller decides who may read them (the yearly statistics).
     */
    public TransfersReceived receivedBetween(Instant from, Instant to) {
        long[] counts = rows.acceptedBetween(from, to);
        return new TransfersReceived(counts[0], counts[1], counts[2]);
    }

    /** The labels of the records left out of an accept because of a FAIL, for the receipt. */
    public List<String> leftOut(long id, Viewer viewer) {
        transfer(id, viewer);
        return rows.records(id).stream().filter(r -> r.state() != TransferRows.RecordState.STORED
                && r.state() != TransferRows.RecordState.PENDING && r.state() != TransferRows.RecordState.CATALOGUED)
                .map(TransferRows.RecordRow::label).toList();
    }

    /** The id of the transfer's latest background job (its check, then its storing), for following its progress. */
    public String jobOf(long id) {
        return rows.job(id).orElse(null);
    }

    private boolean storingFailed(long id) {
        return rows.job(id).map(job -> jobs.status(new JobId(job)).state() == JobState.FAILED).orElse(false);
    }

    /** Whether the person belongs to this unit. */
    public boolean isOfUnit(String unit, Viewer viewer) {
        return unit != null && unit.equals(unitOf(viewer));
    }

    /** Whether the person may prepare their unit's transfers (立档单位档案员). */
    public boolean prepares(Viewer viewer) {
        return authorities(viewer).contains(Right.PREPARE_TRANSFER.name());
    }

    /** Whether the person holds the receiving right (接收). */
    public boolean receives(Viewer viewer) {
        return authorities(viewer).contains(Right.RECEIVE.name());
    }

    private String unitOf(Viewer viewer) {
        return units.unitOf(viewer.name()).orElse(null);
    }

    private void requireRight(Viewer viewer, Right right, String target) {
        if (!authorities(viewer).contains(right.name())) {
            throw refusal(viewer, target, "accession.transfer.not-permitted");
        }
    }

    private NotPermitted refusal(Viewer viewer, String target, String code) {
        trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "accession.transfer.refused", target, null,
                code));
        return new NotPermitted(code);
    }

    /** The signed-in person's authorities; identity's rights are not the catalogue's, so the viewer does not carry them. */
    private static Set<String> authorities(Viewer viewer) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !viewer.name().equals(auth.getName())) {
            return Set.of();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static void requireZip(Path upload) {
        try (InputStream in = Files.newInputStream(upload)) {
            if (!Arrays.equals(in.readNBytes(4), ZIP_MAGIC)) {
                throw new TransferProblem(400, "accession.transfer.not-zip");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
