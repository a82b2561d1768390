package cn.lantai.digitization.internal.batches;

import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.internal.batches.PageChecks.CheckedPage;
import cn.lantai.digitization.internal.images.PageImages;
import cn.lantai.digitization.internal.images.UnreadablePage;
import cn.lantai.digitization.internal.ocr.OcrEngine;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each checked page's quarter turns clockwise to stand upright, recorded with the page when it is attached: the
 * batch's fixed {@code rotate} for every page, or with {@code rotate=auto} the orientation the OCR engine detects
 * ({@link OcrEngine#orientation}), read from the batch's file before it is attached. A page the engine cannot tell
 * (blank, too little text, no orientation data installed) stays as scanned: 0.
 */
@Component
class PageOrientations {

    /** The longest side pages are decoded at for orientation: about 200 dpi on A4, plenty for Tesseract's OSD. */
    static final int ORIENTATION_SIDE = 2400;
    private static final Logger log = LoggerFactory.getLogger(PageOrientations.class);

    private final OcrEngine engine;

    PageOrientations(OcrEngine engine) {
        this.engine = engine;
    }

    List<Integer> turns(List<CheckedPage> pages, BatchOptions options) {
        if (!options.autoRotate()) {
            return Collections.nCopies(pages.size(), options.rotate() / 90);
        }
        List<Integer> turns = new ArrayList<>(pages.size());
        for (CheckedPage p : pages) {
            turns.add(detect(p.source(), p.info().index()));
        }
        return turns;
    }

    private int detect(Path file, int index) {
        try {
            BufferedImage page = PageImages.decode(file, index, ORIENTATION_SIDE);
            return engine.orientation(page).orElse(0);
        } catch (UnreadablePage | OutOfMemoryError e) {
            // it was read by the checks a moment ago; left as scanned rather than failing the entry
            log.warn("orientation of {} page {} not detected: {}", file.getFileName(), index, e.toString());
            return 0;
        }
    }
}
