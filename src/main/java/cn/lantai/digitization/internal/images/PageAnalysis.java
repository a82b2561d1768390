package cn.lantai.digitization.internal.images;

import cn.lantai.digitization.ScanPage.ColourMode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Measures of a page image for the scan checks: how much ink it holds (blank-page suspicion), how far its text lines
 * are skewed, where the content lies inside dark scanner borders, and the colour mode of its pixels. Pure functions:
 * each works on a greyscale copy scaled to about {@link #WORKING_SIDE} pixels on its long side, so a 600-dpi page costs
 * no more than a small one; the image given is never changed.
 */
public final class PageAnalysis {

    /** The long side of the working copy. */
    public static final int WORKING_SIDE = 1000;

    /** A pixel is ink where it is this much darker than the paper (0–255); a faint border or scanner haze is not. */
    static final int INK_CONTRAST = 60;

    /** Below this share of ink pixels (after specks are removed) a page is suspected blank: 1 in 10,000. */
    public static final double BLANK_INK_RATIO = 0.0001;

    /** The margin, as a share of each side inside the content bounds, left out of the ink count (edge shadows). */
    static final double MARGIN = 0.02;

    private PageAnalysis() {
    }

    /**
     * How much ink a page holds: the share of pixels inside the content bounds (less a small margin) that are ink and
     * have ink next to them (isolated specks of scanner noise do not count), the paper's grey level, and the contrast
     * between the paper and the darkest 0.01 % of those pixels.
     */
    public record Ink(double ratio, int paper, int contrast) {

        /** Suspected blank: almost no ink. */
        public boolean blank() {
            return ratio < BLANK_INK_RATIO;
        }
    }

    public static Ink ink(BufferedImage image) {
        Grey grey = Grey.of(image);
        Rectangle content = grey.contentBounds();
        return grey.ink(grey.inset(content));
    }

    /** A page with almost no ink: a white page with scanner noise or a faint border is blank; a line of text is not. */
    public static boolean blank(BufferedImage image) {
        return ink(image).blank();
    }

    /**
     * The angle in degrees (−10 to +10, to about 0.1°) by which the page's text lines are rotated clockwise as seen;
     * {@link PageProcessing#deskew} with this angle straightens them. 0 for a blank page. Found by the projection
     * profile of the ink: the angle at which the ink's row histogram varies most (text lines fall into few rows), first
     * in 0.5° steps, then 0.05° around the best.
     */
    public static double skew(BufferedImage image) {
        return skew(Grey.of(image));
    }

    private static double skew(Grey grey) {
        Rectangle content = grey.inset(grey.contentBounds());
        if (grey.ink(content).blank()) {
            return 0;
        }
        int[] points = grey.inkPoints(content, 200_000);
        if (points.length < 20) {
            return 0;
        }
        double best = search(points, grey.height, grey.width, -10, 10, 0.5);
        best = search(points, grey.height, grey.width, best - 0.5, best + 0.5, 0.05);
        double rounded = Math.round(best * 100) / 100.0;
        return rounded == 0 ? 0 : rounded; // no −0.0
    }

    private static double search(int[] points, int height, int width, double from, double to, double step) {
        double bestAngle = 0;
        double bestScore = -1;
        int steps = (int) Math.round((to - from) / step);
        int offset = width + 2;
        long[] bins = new long[height + 2 * offset];
        for (int i = 0; i <= steps; i++) {
            double angle = from + i * step;
            double radians = Math.toRadians(angle);
            double sin = Math.sin(radians);
            double cos = Math.cos(radians);
            Arrays.fill(bins, 0);
            for (int p = 0; p < points.length; p += 2) {
                int x = points[p];
                int y = points[p + 1];
                int row = (int) Math.round(y * cos - x * sin) + offset;
                if (row >= 0 && row < bins.length) {
                    bins[row]++;
                }
            }
            double score = 0;
            for (long bin : bins) {
                score += (double) bin * bin;
            }
            // prefer the angle nearer zero on a tie
            if (score > bestScore * (1 + 1e-9) || (Math.abs(score - bestScore) <= bestScore * 1e-9
                    && Math.abs(angle) < Math.abs(bestAngle))) {
                bestScore = score;
                bestAngle = angle;
            }
        }
        return bestAngle;
    }

    /**
     * The rectangle inside the dark borders a scanner leaves around a page (its lid or the book cradle), in the
     * image's own pixels; the whole image where it has none. Rows and columns are taken off each edge while most of
     * their pixels are dark.
     */
    public static Rectangle contentBounds(BufferedImage image) {
        return contentBounds(image, Grey.of(image));
    }

    private static Rectangle contentBounds(BufferedImage image, Grey grey) {
        Rectangle bounds = grey.contentBounds();
        double sx = (double) image.getWidth() / grey.width;
        double sy = (double) image.getHeight() / grey.height;
        if (bounds.x == 0 && bounds.y == 0 && bounds.width == grey.width && bounds.height == grey.height) {
            return new Rectangle(0, 0, image.getWidth(), image.getHeight());
        }
        // round inward, and step one working pixel further in where a border was found, past its soft edge
        int left = bounds.x == 0 ? 0 : (int) Math.ceil((bounds.x + 1) * sx);
        int top = bounds.y == 0 ? 0 : (int) Math.ceil((bounds.y + 1) * sy);
        int right = bounds.x + bounds.width == grey.width ? image.getWidth()
                : (int) Math.floor((bounds.x + bounds.width - 1) * sx);
        int bottom = bounds.y + bounds.height == grey.height ? image.getHeight()
                : (int) Math.floor((bounds.y + bounds.height - 1) * sy);
        return new Rectangle(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }

    /** All measures of a page at once (one working copy instead of one per measure). */
    public record Measures(Ink ink, double skew, Rectangle contentBounds, ColourMode colourMode) {

        public boolean blank() {
            return ink.blank();
        }
    }

    public static Measures measure(BufferedImage image) {
        Grey grey = Grey.of(image);
        Ink ink = grey.ink(grey.inset(grey.contentBounds()));
        return new Measures(ink, ink.blank() ? 0 : skew(grey), contentBounds(image, grey), colourMode(image));
    }

    /**
     * The colour mode of the pixels, whatever the file's type says: a colour scan of a black-and-white page is
     * greyscale; one-bit images are bitonal; colour where more than 0.1 % of pixels carry a visible hue.
     */
    public static ColourMode colourMode(BufferedImage image) {
        if (image.getColorModel().getPixelSize() == 1) {
            return ColourMode.BITONAL;
        }
        if (image.getColorModel().getNumColorComponents() == 1) {
            return ColourMode.GREYSCALE;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int step = Math.max(1, Math.max(width, height) / WORKING_SIDE);
        long coloured = 0;
        long total = 0;
        int[] row = new int[width];
        for (int y = 0; y < height; y += step) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x += step) {
                int rgb = row[x];
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                int chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                if (chroma > 32) {
                    coloured++;
                }
                total++;
            }
        }
        return coloured * 1000 > total ? ColourMode.COLOUR : ColourMode.GREYSCALE;
    }

    /** A greyscale working copy, about WORKING_SIDE on its long side (never enlarged). */
    static final class Grey {
        final int width;
        final int height;
        final byte[] pixels;

        private Grey(int width, int height, byte[] pixels) {
            this.width = width;
            this.height = height;
            this.pixels = pixels;
        }

        static Grey of(BufferedImage image) {
            int longest = Math.max(image.getWidth(), image.getHeight());
            double scale = longest > WORKING_SIDE ? (double) WORKING_SIDE / longest : 1.0;
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            // area average: every source pixel counts once, so thin strokes survive the reduction
            long[] sums = new long[w * h];
            int[] counts = new int[w * h];
            int sourceWidth = image.getWidth();
            int sourceHeight = image.getHeight();
            boolean greyRaster = image.getRaster().getNumBands() == 1
                    && image.getColorModel() instanceof java.awt.image.ComponentColorModel;
            int shift = greyRaster ? Math.max(0, image.getColorModel().getComponentSize(0) - 8) : 0;
            int[] row = new int[sourceWidth];
            int[] tx = new int[sourceWidth];
            for (int x = 0; x < sourceWidth; x++) {
                tx[x] = Math.min(w - 1, (int) ((long) x * w / sourceWidth));
            }
            for (int y = 0; y < sourceHeight; y++) {
                int base = Math.min(h - 1, (int) ((long) y * h / sourceHeight)) * w;
                if (greyRaster) {
                    image.getRaster().getSamples(0, y, sourceWidth, 1, 0, row);
                    for (int x = 0; x < sourceWidth; x++) {
                        sums[base + tx[x]] += row[x] >> shift;
                        counts[base + tx[x]]++;
                    }
                } else {
                    image.getRGB(0, y, sourceWidth, 1, row, 0, sourceWidth);
                    for (int x = 0; x < sourceWidth; x++) {
                        int rgb = row[x];
                        int luma = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff))
                                / 1000;
                        sums[base + tx[x]] += luma;
                        counts[base + tx[x]]++;
                    }
                }
            }
            byte[] pixels = new byte[w * h];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (counts[i] == 0 ? 255 : sums[i] / counts[i]);
            }
            return new Grey(w, h, pixels);
        }

        int at(int x, int y) {
            return pixels[y * width + x] & 0xff;
        }

        /** Dark for border detection: below mid-grey. */
        private boolean dark(int x, int y) {
            return at(x, y) < 96;
        }

        Rectangle contentBounds() {
            int top = 0;
            int bottom = height;
            int left = 0;
            int right = width;
            for (int pass = 0; pass < 2; pass++) {
                while (top < bottom - 1 && darkShare(left, right, top, true) > 0.5) {
                    top++;
                }
                while (bottom - 1 > top && darkShare(left, right, bottom - 1, true) > 0.5) {
                    bottom--;
                }
                while (left < right - 1 && darkShare(top, bottom, left, false) > 0.5) {
                    left++;
                }
                while (right - 1 > left && darkShare(top, bottom, right - 1, false) > 0.5) {
                    right--;
                }
            }
            return new Rectangle(left, top, right - left, bottom - top);
        }

        private double darkShare(int from, int to, int line, boolean row) {
            int dark = 0;
            for (int i = from; i < to; i++) {
                if (row ? dark(i, line) : dark(line, i)) {
                    dark++;
                }
            }
            return (double) dark / Math.max(1, to - from);
        }

        Rectangle inset(Rectangle r) {
            int dx = (int) Math.ceil(r.width * MARGIN);
            int dy = (int) Math.ceil(r.height * MARGIN);
            if (r.width - 2 * dx < 1 || r.height - 2 * dy < 1) {
                return r;
            }
            return new Rectangle(r.x + dx, r.y + dy, r.width - 2 * dx, r.height - 2 * dy);
        }

        /** The paper's grey: the brightest level that at least half the pixels reach or exceed. */
        int paper(Rectangle r) {
            int[] histogram = histogram(r);
            long total = (long) r.width * r.height;
            long seen = 0;
            for (int level = 255; level >= 0; level--) {
                seen += histogram[level];
                if (seen * 2 >= total) {
                    return level;
                }
            }
            return 0;
        }

        private int[] histogram(Rectangle r) {
            int[] histogram = new int[256];
            for (int y = r.y; y < r.y + r.height; y++) {
                int base = y * width;
                for (int x = r.x; x < r.x + r.width; x++) {
                    histogram[pixels[base + x] & 0xff]++;
                }
            }
            return histogram;
        }

        Ink ink(Rectangle r) {
            int paper = paper(r);
            int threshold = paper - INK_CONTRAST;
            long ink = 0;
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    if (at(x, y) < threshold && neighbours(x, y, threshold, r) >= 2) {
                        ink++;
                    }
                }
            }
            int[] histogram = histogram(r);
            long total = (long) r.width * r.height;
            long seen = 0;
            int darkest = 0;
            for (int level = 0; level < 256; level++) {
                seen += histogram[level];
                if (seen * 10_000 >= total) {
                    darkest = level;
                    break;
                }
            }
            return new Ink((double) ink / Math.max(1, total), paper, Math.max(0, paper - darkest));
        }

        private int neighbours(int x, int y, int threshold, Rectangle r) {
            int count = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if ((dx != 0 || dy != 0) && nx >= r.x && ny >= r.y && nx < r.x + r.width && ny < r.y + r.height
                            && at(nx, ny) < threshold) {
                        count++;
                    }
                }
            }
            return count;
        }

        /** Ink pixels' coordinates (x, y pairs), sampled evenly down to at most {@code limit} points. */
        int[] inkPoints(Rectangle r, int limit) {
            int threshold = paper(r) - INK_CONTRAST;
            int count = 0;
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    if (at(x, y) < threshold) {
                        count++;
                    }
                }
            }
            int every = Math.max(1, (count + limit - 1) / limit);
            int[] points = new int[2 * ((count + every - 1) / every)];
            int n = 0;
            int seen = 0;
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    if (at(x, y) < threshold && seen++ % every == 0 && n < points.length) {
                        points[n++] = x;
                        points[n++] = y;
                    }
                }
            }
            return n == points.length ? points : Arrays.copyOf(points, n);
        }
    }
}
