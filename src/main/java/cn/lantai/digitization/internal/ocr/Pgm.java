package cn.lantai.digitization.internal.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a page as a binary greyscale PGM (P5), or a colour BMP: no compression to pay for. Tesseract reads either;
 * RapidOCR's detector wants three channels (a one-channel image aborts its native runtime, and the JVM with it).
 */
final class Pgm {

    private Pgm() {
    }

    static void write(BufferedImage image, Path file) throws IOException {
        BufferedImage grey = grey(image);
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int stride = grey.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel m
                    ? m.getScanlineStride() : grey.getWidth();
            for (int y = 0; y < grey.getHeight(); y++) {
                out.write(pixels, y * stride, grey.getWidth());
            }
        }
    }

    /**
     * The page as a 24-bit BMP (three equal channels): what RapidOCR's models take, in a format its OpenCV always
     * reads, uncompressed.
     */
    static void writeRgb(BufferedImage image, Path file) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        if (!javax.imageio.ImageIO.write(rgb, "bmp", file.toFile())) {
            throw new IOException("no BMP writer");
        }
    }

    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getRaster().getParent() == null) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return grey;
    }
}
