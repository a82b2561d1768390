package cn.lantai.digitization.internal.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The processing DA/T 31 names for access copies: deskew, crop, rotate. Each returns a new image and leaves the one
 * given untouched; the masters stay as scanned and callers record the parameters, so any processing can be redone
 * or undone from the master.
 */
public final class PageProcessing {

    private PageProcessing() {
    }

    /**
     * The page rotated about its centre by {@code -degrees}, undoing a clockwise skew of {@code degrees} as
     * {@link PageAnalysis#skew} measures it; same size, corners filled white, bilinear. A grey or bitonal page comes
     * back greyscale, any other as RGB. |degrees| above 45 is refused (that is a rotation, not a skew).
     */
    public static BufferedImage deskew(BufferedImage image, double degrees) {
        if (!Double.isFinite(degrees) || Math.abs(degrees) > 45) {
            throw new IllegalArgumentException("a skew is at most 45 degrees either way: " + degrees);
        }
        boolean grey = image.getColorModel().getNumColorComponents() == 1;
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.rotate(Math.toRadians(-degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A copy of the part of the page inside {@code rect} (clipped to the page); a rectangle missing the page is refused. */
    public static BufferedImage crop(BufferedImage image, Rectangle rect) {
        Rectangle area = rect.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        if (area.isEmpty()) {
            throw new IllegalArgumentException("the crop " + rect.x + "," + rect.y + "," + rect.width + ","
                    + rect.height + " lies outside the page of " + image.getWidth() + " × " + image.getHeight());
        }
        WritableRaster raster = image.getColorModel().createCompatibleWritableRaster(area.width, area.height);
        raster.setRect(-area.x, -area.y, image.getRaster());
        return new BufferedImage(image.getColorModel(), raster, image.isAlphaPremultiplied(), null);
    }

    /** The page turned clockwise by {@code quarterTurns} × 90° (negative turns counter-clockwise); pixels exact. */
    public static BufferedImage rotate(BufferedImage image, int quarterTurns) {
        int turns = Math.floorMod(quarterTurns, 4);
        int w = image.getWidth();
        int h = image.getHeight();
        int ow = turns % 2 == 0 ? w : h;
        int oh = turns % 2 == 0 ? h : w;
        Raster source = image.getRaster();
        WritableRaster target = image.getColorModel().createCompatibleWritableRaster(ow, oh);
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = source.getDataElements(x, y, pixel);
                switch (turns) {
                    case 0 -> target.setDataElements(x, y, pixel);
                    case 1 -> target.setDataElements(h - 1 - y, x, pixel);
                    case 2 -> target.setDataElements(w - 1 - x, h - 1 - y, pixel);
                    default -> target.setDataElements(y, w - 1 - x, pixel);
                }
            }
        }
        return new BufferedImage(image.getColorModel(), target, image.isAlphaPremultiplied(), null);
    }
}
