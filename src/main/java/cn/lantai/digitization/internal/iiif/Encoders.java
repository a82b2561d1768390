package cn.lantai.digitization.internal.iiif;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writing and scaling the images IIIF serves: JPEG at one quality for tiles and answers, PNG as asked. */
final class Encoders {

    /** Visually lossless for scanned print and handwriting, about a third of the size of quality 1.0. */
    static final float JPEG_QUALITY = 0.88f;

    private Encoders() {
    }

    static void jpeg(BufferedImage image, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(image, ImageRequest.Format.JPG, out);
        }
    }

    static byte[] encode(BufferedImage image, ImageRequest.Format format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            write(image, format, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(BufferedImage image, ImageRequest.Format format, OutputStream out) throws IOException {
        BufferedImage source = image;
        if (format == ImageRequest.Format.JPG && image.getType() == BufferedImage.TYPE_BYTE_BINARY) {
            source = grey(image);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.writer()).next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageRequest.Format.JPG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(source, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The image at another size; for shrinking by more than half, in halving steps so no pixel is skipped. */
    static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height
                && (current.getWidth() > 2 * width || current.getHeight() > 2 * height)) {
            current = resize(current, Math.max(width, (current.getWidth() + 1) / 2),
                    Math.max(height, (current.getHeight() + 1) / 2));
        }
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        return resize(current, width, height);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, kind(image));
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Grey stays grey (one byte a pixel); everything else is drawn as RGB. */
    static int kind(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
    }

    /**
     * The image as 8-bit grey, by luminance (ITU-R BT.601) of its sRGB values. Not by drawing it onto a grey image:
     * Java2D's grey is linear, so drawing would darken every mid-tone (sRGB 128 becomes 55) in a JPEG that browsers
     * show as sRGB.
     */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int[] rgb = new int[w];
        int[] grey = new int[w];
        var raster = out.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, rgb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = rgb[x];
                int alpha = (p >>> 24) & 0xff;
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                int luma = (299 * r + 587 * g + 114 * b + 500) / 1000;
                // transparent parts lie on white paper
                grey[x] = (luma * alpha + 255 * (255 - alpha) + 127) / 255;
            }
            raster.setSamples(0, y, w, 1, 0, grey);
        }
        return out;
    }
}
