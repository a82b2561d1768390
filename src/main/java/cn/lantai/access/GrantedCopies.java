package cn.lantai.access;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.access.internal.UseLedger;
import cn.lantai.access.internal.Visits;
import cn.lantai.access.internal.delivery.Watermark;
import cn.lantai.access.internal.delivery.WatermarkedPdf;
import cn.lantai.access.internal.requests.RequestRows;
import cn.lantai.access.internal.requests.SlipTokens;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.DerivativeUnavailable;
import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScannedPages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery under a grant (利用): the pages of an approved item as JPEG images and as a PDF for download or print, each
 * with the watermark (requester, date, request number) burnt into its pixels here, on the server. The grant is checked
 * first (the request's, the item's, the period's); only then are the pages read, through {@link Derivatives} for a
 * reader made for this grant alone ({@link Grant#reader()}), so nobody's own sight is widened. Every page read is
 * audited by the catalogue and the derivatives; viewing, downloads and prints are audited here; the item is counted
 * used once per visit (or per staff member's request), and every download and print, in the use ledger.
 */
@Service
public class GrantedCopies {

    private final RequestRows rows;
    private final Derivatives derivatives;
    private final ScannedPages scanned;
    private final CatalogManagement catalog;
    private final Watermark watermark;
    private final UseLedger ledger;
    private final AuditTrail trail;
    private final TransactionTemplate transactions;
    private final Visits visits;
    private final ArchiveClock archiveClock;

    GrantedCopies(RequestRows rows, Derivatives derivatives, ScannedPages scanned, CatalogManagement catalog,
            Watermark watermark, UseLedger ledger, AuditTrail trail, TransactionTemplate transactions, Visits visits,
            ArchiveClock archiveClock) {
        this.visits = visits;
        this.archiveClock = archiveClock;
        this.rows = rows;
        this.derivatives = derivatives;
        this.scanned = scanned;
        this.catalog = catalog;
        this.watermark = watermark;
        this.ledger = ledger;
        this.trail = trail;
        this.transactions = transactions;
    }

    // ---- finding the grant ----------------------------------------------------------------------------------

    /** The grant of an item of a visitor's request, by the slip's secret. */
    public Grant bySlip(String slip, ItemId item, String address) {
        AccessRequest request = SlipTokens.digest(slip).flatMap(rows::bySlip)
                .orElseThrow(() -> new AccessProblem(404, "access.slip.not-found"));
        return live(request, item, address);
    }

    /** The grant of an item of a staff member's own request; another's request, or a visitor's, is none. */
    public Grant forStaff(long requestId, ItemId item, Viewer viewer) {
        AccessRequest request = rows.find(requestId).filter(r -> !r.forVisitor())
                .filter(r -> r.requester().equals(viewer.name()))
                .orElseThrow(() -> new AccessProblem(404, "access.request.not-found"));
        return live(request, item, viewer.address());
    }

    /**
     * A live grant of the item under a request filed for that visit at the desk (approved, its period not ended),
     * if there is one: what a certified copy of a controlled record is issued under.
     */
    public Optional<Grant> forVisit(long visitId, ItemId itemId) {
        Instant now = archiveClock.now();
        for (AccessRequest request : rows.byVisits(List.of(visitId))) {
            Optional<RequestedItem> item = request.item(itemId)
                    .filter(i -> i.stateAt(now) == RequestState.APPROVED);
            if (request.visitId() == visitId && item.isPresent()) {
                return Optional.of(new Grant(request, item.get(), requester(request), null));
            }
        }
        return Optional.empty();
    }

    private Grant live(AccessRequest request, ItemId itemId, String address) {
        RequestedItem item = request.item(itemId)
                .orElseThrow(() -> new AccessProblem(404, "access.grant.not-in-request"));
        return switch (item.stateAt(archiveClock.now())) {
            case PENDING -> throw new AccessProblem(404, "access.grant.pending");
            case REFUSED -> throw new AccessProblem(404, "access.grant.refused");
            case EXPIRED -> throw new AccessProblem(410, "access.grant.expired");
            case APPROVED -> new Grant(request, item, requester(request), address);
        };
    }

    /** Who asked, as the audit names them: {@code visitor:<id>}, or the staff member's account. */
    private String requester(AccessRequest request) {
        if (!request.forVisitor()) {
            return request.requester();
        }
        return visits.visit(request.visitId()).map(v -> "visitor:" + v.visitorId()).orElse("visitor:?");
    }

    // ---- delivering -----------------------------------------------------------------------------------------

    /** What the viewer page shows of a granted item: its title and code, and how many pages it has. */
    public record GrantedItem(String archivalCode, String title, int pages) {
    }

    /** Opens the item in the viewer: audited, and its first viewing counted as an item used. */
    public GrantedItem view(Grant grant) {
        Item item = catalog.item(grant.item().itemId(), grant.reader());
        audit(grant, "access.request.viewed", null);
        used(grant, item);
        return new GrantedItem(item.archivalCode(), item.title(), scanned.of(item.id()).size());
    }

    /** One page as a JPEG, the watermark burnt in. */
    public byte[] page(Grant grant, int page) {
        return jpeg(watermarked(grant, page, archiveClock.now()));
    }

    /**
     * The whole item as a PDF of watermarked page images, for download ({@code print} false) or print: audited and
     * counted ({@link UseKind#DOWNLOAD}, {@link UseKind#PRINT}).
     */
    public byte[] pdf(Grant grant, boolean print) {
        ItemId id = grant.item().itemId();
        Item item = catalog.item(id, grant.reader());
        List<ScanPage> pages = scanned.of(id);
        if (pages.isEmpty()) {
            throw new DerivativeUnavailable("digitization.derivatives.no-pages");
        }
        Instant now = archiveClock.now();
        List<WatermarkedPdf.Sheet> sheets = new ArrayList<>();
        for (ScanPage p : pages) {
            sheets.add(new WatermarkedPdf.Sheet(watermarked(grant, p.page(), now), p.width(), p.height(), p.dpiX(),
                    p.dpiY()));
        }
        byte[] pdf = WatermarkedPdf.write(sheets, grant.request().number() + " " + item.archivalCode());
        UseKind kind = print ? UseKind.PRINT : UseKind.DOWNLOAD;
        transactions.executeWithoutResult(tx -> {
            audit(grant, print ? "access.request.printed" : "access.request.downloaded", pages.size() + " pages");
            used(grant, item);
            ledger.record(kind, grant.request().visitId(), id.value(), "ITEM",
                    item.description().get(DescriptionField.CATEGORY), grant.request().purpose(), 1, actor(grant));
        });
        return pdf;
    }

    /** The file name to offer: the request number and the archival code. */
    public static String fileName(Grant grant) {
        return grant.request().number() + "-" + grant.item().archivalCode().replaceAll("[^\\p{L}\\p{N}._-]", "_")
                + ".pdf";
    }

    private BufferedImage watermarked(Grant grant, int page, Instant now) {
        Derivatives.Delivery access = derivatives.access(grant.item().itemId(), page, grant.reader());
        try {
            BufferedImage image = ImageIO.read(access.file().toFile());
            if (image == null) {
                throw new DerivativeUnavailable("digitization.derivatives.being-made");
            }
            return watermark.burn(image, grant.watermark(archiveClock.date(now)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Counts the item used (卷次/件次) once: once per visit for a visitor's request (the desk's entry of the same item
     * in that visit is the same use), once per request for a staff member's own; its first viewing is noted.
     */
    private void used(Grant grant, Item item) {
        transactions.executeWithoutResult(tx -> {
            Instant now = archiveClock.now();
            rows.firstViewing(grant.request().id(), item.id(), now);
            ledger.itemUsedOnce(grant.request().visitId(), grant.request().id(), item.id().value(), "ITEM",
                    item.description().get(DescriptionField.CATEGORY), grant.request().purpose(), actor(grant), now);
        });
    }

    private static String actor(Grant grant) {
        return grant.request().number();
    }

    private void audit(Grant grant, String action, String after) {
        Viewer reader = grant.reader();
        trail.record(new AuditEvent(reader.name(), reader.address(), action,
                grant.request().number() + " item:" + grant.item().itemId().value() + " "
                        + grant.item().archivalCode(), null, after));
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
