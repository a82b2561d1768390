package cn.lantai.digitization.internal.derivatives;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Access images (利用图像) of a page: scaled down from the master's pixels by halving steps (a single large step
 * loses the thin strokes of Chinese characters) and written as baseline JPEG, greyscale for greyscale and bitonal
 * masters, colour otherwise.
 */
final class AccessImages {

    static final float QUALITY = 0.85f;

    private AccessImages() {
    }

    /** The image with its long side at most {@code maxSide} pixels, as RGB or 8-bit grey (what JPEG holds). */
    static BufferedImage scaled(BufferedImage image, int maxSide) {
        boolean grey = image.getColorModel().getNumColorComponents() == 1;
        int type = grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * factor));
        int targetH = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = redraw(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        if (current == image || current.getWidth() != targetW || current.getHeight() != targetH) {
            current = redraw(current, targetW, targetH, type);
        }
        return current;
    }

    static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage redraw(BufferedImage source, int w, int h, int type) {
        BufferedImage target = new BufferedImage(w, h, type);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
