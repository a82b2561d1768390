package cn.lantai.digitization.internal.batches;

import java.awt.image.BufferedImage;

/** What a page looks like, for the blank-page and skew checks (the image analysis of internal.images). */
final class PageLooks {

    private PageLooks() {
    }

    static boolean blank(BufferedImage page) {
        return false;
    }

    /** The page's lean in degrees (positive clockwise), 0 where none is found. */
    static double skew(BufferedImage page) {
        return 0;
    }
}
