package cn.lantai.digitization.internal;

import cn.lantai.digitization.Processing;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.images.PageAnalysis;
import cn.lantai.digitization.internal.images.PageImages;
import cn.lantai.digitization.internal.images.PageProcessing;
import cn.lantai.digitization.internal.images.UnreadablePage;
import cn.lantai.preservation.ArchivalStore;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.springframework.stereotype.Component;

/**
 * The one place a page's master becomes the image people see and the OCR reads (DA/T 31's processing, issue 11): the
 * master read in place from the archival store (never written), then turned upright by the page's recorded quarter
 * turns, its black scanner borders cropped and its skew straightened when the batch that attached it asked so. IIIF
 * tiles, derivatives (access images, PDF, OFD) and OCR all go through here, so word boxes, tiles and downloads agree
 * and the master stays as scanned.
 */
@Component
public class ProcessedPages {

    /** A processed page: the image, and how many full-size processed pixels one of its pixels stands for. */
    public record Processed(BufferedImage image, double scale) {
    }

    /** What is done to one page: quarter turns clockwise (0-3), crop, deskew. */
    public record Steps(int turns, boolean cropBorders, boolean deskew) {

        public static final Steps NONE = new Steps(0, false, false);

        public boolean none() {
            return turns == 0 && !cropBorders && !deskew;
        }

        /** A short stable name of the steps ({@code ""} for none), e.g. {@code r2cd}: part of cached images' names. */
        public String key() {
            return none() ? "" : "r" + turns + (cropBorders ? "c" : "") + (deskew ? "d" : "");
        }
    }

    private final ArchivalStore store;
    private final ScannedPages pages;
    private final PageLedger ledger;

    ProcessedPages(ArchivalStore store, ScannedPages pages, PageLedger ledger) {
        this.store = store;
        this.pages = pages;
        this.ledger = ledger;
    }

    /** The steps recorded for the page: its own quarter turns and the crop and deskew of the batch that attached it. */
    public Steps steps(ScanPage page) {
        Processing processing = pages.processing(page.item());
        return new Steps(ledger.turns(page.item(), page.page()), processing.cropBorders(), processing.deskew());
    }

    /**
     * The page as shown and read, decoded at most {@code maxSide} pixels on its longest side (0: whole).
     *
     * @throws UnreadablePage when the master is missing or cannot be decoded
     */
    public Processed open(ScanPage page, int maxSide) {
        return open(page, steps(page), maxSide);
    }

    public Processed open(ScanPage page, Steps steps, int maxSide) {
        BufferedImage image = PageImages.decode(store.location(page.item(), page.master())
                .orElseThrow(() -> new UnreadablePage("the master " + page.master() + " is not in the entry's stored "
                        + "object")), page.masterIndex(), maxSide);
        double scale = image.getWidth() == 0 ? 1.0 : (double) page.width() / image.getWidth();
        return new Processed(apply(image, steps), scale);
    }

    /** The steps applied to a decoded master page: turned upright, then borders cropped, then straightened. */
    public static BufferedImage apply(BufferedImage master, Steps steps) {
        BufferedImage image = steps.turns() == 0 ? master : PageProcessing.rotate(master, steps.turns());
        if (steps.cropBorders()) {
            Rectangle content = PageAnalysis.contentBounds(image);
            if (!content.isEmpty() && (content.width < image.getWidth() || content.height < image.getHeight())) {
                image = PageProcessing.crop(image, content);
            }
        }
        if (steps.deskew()) {
            double skew = PageAnalysis.skew(image);
            if (skew != 0) {
                image = PageProcessing.deskew(image, skew);
            }
        }
        return image;
    }

    /**
     * The page with the width, height and resolution it has once turned upright (swapped by an odd number of quarter
     * turns), for canvases and sheets sized before the image is decoded. Crops are not known until then.
     */
    public ScanPage upright(ScanPage page) {
        return upright(page, ledger.turns(page.item(), page.page()));
    }

    public static ScanPage upright(ScanPage page, int turns) {
        if (turns % 2 == 0) {
            return page;
        }
        return new ScanPage(page.item(), page.page(), page.master(), page.masterIndex(), page.sha256(), page.height(),
                page.width(), page.dpiY(), page.dpiX(), page.colourMode());
    }
}
