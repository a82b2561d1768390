package cn.lantai.access;

import java.awt.image.BufferedImage;

/** Comparing delivered images with the plain access images they were made from. */
final class Pixels {

    private Pixels() {
    }

    /**
     * The share of pixels of the two images (same size) whose colour differs by more than JPEG's noise: a burnt-in
     * watermark changes a few percent of a page; re-encoding alone changes next to none.
     */
    static double differingShare(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
                if (d > 60) {
                    differing++;
                }
            }
        }
        return differing / (double) ((long) w * h);
    }
}
