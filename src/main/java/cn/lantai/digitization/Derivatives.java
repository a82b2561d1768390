package cn.lantai.digitization;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeFiles;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.identity.Right;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.Jobs;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The derivatives of scanned entries as people receive them: access images and thumbnails per page, the PDF with its
 * text layer and the OFD of the whole entry, made in the background from the masters ({@code DerivativeJob}) and
 * remade on demand. Every delivery passes through {@link #deliver}, under the record's own rule (clearance, open
 * status and data scope through {@link CatalogManagement#item}, so a record beyond the viewer's sight answers exactly
 * as a missing one), and each delivery of a controlled record is audited. This is the one place where the next
 * issue's watermark (利用水印) is to be burnt into what a reader of a controlled record receives.
 */
@Service
public class Derivatives {

    private final CatalogManagement catalog;
    private final PageLedger pages;
    private final DerivativeFiles files;
    private final Jobs jobs;
    private final AuditTrail trail;

    Derivatives(CatalogManagement catalog, PageLedger pages, DerivativeFiles files, Jobs jobs, AuditTrail trail) {
        this.catalog = catalog;
        this.pages = pages;
        this.files = files;
        this.jobs = jobs;
        this.trail = trail;
    }

    /**
     * Starts remaking all of the entry's derivatives from its masters, whatever exists (数字化 staff only).
     *
     * @throws NotPermitted without the {@code DIGITIZE} right (403, audited)
     */
    @Transactional
    public JobId remake(ItemId id, Viewer viewer) {
        if (!DigitizeRight.heldBy(viewer)) {
            trail.recordApart(new AuditEvent(viewer.name(), viewer.address(), "digitization.derivatives.refused",
                    "item:" + id.value(), null, "DIGITIZE"));
            throw new NotPermitted("problem.not-permitted", Right.DIGITIZE.name());
        }
        Item item = catalog.item(id, viewer);
        JobId job = jobs.submit(DerivativeJob.KIND, DerivativeJob.params(id, true), viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "digitization.derivatives.remake",
                "item:" + id.value() + " " + item.archivalCode(), null, "job:" + job.value()));
        return job;
    }

    /**
     * Asks for the entry's derivatives to be brought up to date in the background, unless such a run is already
     * waiting to start (attaching and OCR announce pages in bursts; one pending run covers them all).
     */
    @Transactional
    public void update(ItemId id, String actor) {
        String params = DerivativeJob.params(id, false);
        if (jobs.queued(DerivativeJob.KIND, params).isEmpty()) {
            jobs.submit(DerivativeJob.KIND, params, actor == null ? "system" : actor);
        }
    }

    /** The entry's PDF (access images, invisible OCR text), if made from its masters as they are now. */
    public Delivery pdf(ItemId id, Viewer viewer) {
        Item item = catalog.item(id, viewer);
        List<ScanPage> scanned = scanned(id);
        return deliver(item, files.pdf(id, scanned), "application/pdf", name(item, ".pdf"), "pdf", viewer);
    }

    /** The entry's OFD (GB/T 33190), if made from its masters as they are now. */
    public Delivery ofd(ItemId id, Viewer viewer) {
        Item item = catalog.item(id, viewer);
        List<ScanPage> scanned = scanned(id);
        return deliver(item, files.ofd(id, scanned), "application/ofd", name(item, ".ofd"), "ofd", viewer);
    }

    /** The page's access image (JPEG, long side {@value DerivativeFiles#ACCESS_SIDE} px at most). */
    public Delivery access(ItemId id, int page, Viewer viewer) {
        Item item = catalog.item(id, viewer);
        ScanPage scanned = page(id, page);
        return deliver(item, files.access(scanned), "image/jpeg", String.format("%04d.jpg", page),
                "page " + page + " access", viewer);
    }

    /** The page's thumbnail (JPEG, long side {@value DerivativeFiles#THUMBNAIL_SIDE} px at most). */
    public Delivery thumbnail(ItemId id, int page, Viewer viewer) {
        Item item = catalog.item(id, viewer);
        ScanPage scanned = page(id, page);
        return deliver(item, files.thumbnail(scanned), "image/jpeg", String.format("%04d-thumbnail.jpg", page),
                "page " + page + " thumbnail", viewer);
    }

    /**
     * Every derivative leaves through here, for a viewer already allowed to read the record: the file as made, its
     * delivery of a controlled record audited. The watermark of controlled records (next issue) goes here.
     */
    private Delivery deliver(Item item, Path file, String mediaType, String fileName, String what, Viewer viewer) {
        Path made = DerivativeFiles.existing(file)
                .orElseThrow(() -> new DerivativeUnavailable("digitization.derivatives.being-made"));
        if (Viewer.controlled(item.description().classification(), item.description().openStatus())) {
            trail.record(new AuditEvent(viewer.name(), viewer.address(), "digitization.derivative-download",
                    "item:" + item.id().value() + " " + item.archivalCode(), null, what));
        }
        return new Delivery(made, mediaType, fileName);
    }

    private List<ScanPage> scanned(ItemId id) {
        List<ScanPage> scanned = pages.pages(id);
        if (scanned.isEmpty()) {
            throw new DerivativeUnavailable("digitization.derivatives.no-pages");
        }
        return scanned;
    }

    private ScanPage page(ItemId id, int page) {
        return pages.page(id, page)
                .orElseThrow(() -> new DerivativeUnavailable("digitization.derivatives.no-such-page", page));
    }

    private static String name(Item item, String extension) {
        String code = item.archivalCode();
        return (code == null || code.isBlank() ? "item-" + item.id().value() : code) + extension;
    }

    /** A derivative file to send as it is, with its media type and the name to offer for saving it. */
    public record Delivery(Path file, String mediaType, String fileName) {
    }
}
