package cn.lantai.digitization;

import cn.lantai.digitization.internal.images.PageSamples;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned pages for tests, made on the fly: a page of printed lines (each page a little different, so no two share a
 * digest), written as PNG, JPEG or (multi-page) TIFF stating a resolution, or as PDF; and the damaged and hostile
 * files of issue 11's bad input (a truncated JPEG, a TIFF claiming 10^6 × 10^6 pixels, an empty and an encrypted PDF),
 * and zips of them, with raw names (../, absolute, GBK without the UTF-8 flag), symbolic links and a deflate bomb.
 */
public final class ScanFixtures {

    private static int serial;

    private ScanFixtures() {
    }

    /** A page of text lines, about A4 proportions, different from every other page made. */
    public static BufferedImage page() {
        int n = ++serial;
        BufferedImage img = new BufferedImage(620, 877, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 18));
        g.drawString("Page " + n, 60, 70);
        g.setStroke(new BasicStroke(3));
        for (int line = 0; line < 22; line++) {
            int y = 110 + line * 32;
            int length = 420 + ((n * 37 + line * 53) % 80);
            g.fillRect(60, y, length, 9);
        }
        g.dispose();
        return img;
    }

    public static byte[] png(int dpi) {
        return bytes(file -> PageSamples.png(page(), dpi, file));
    }

    public static byte[] jpeg(int dpi) {
        return bytes(file -> PageSamples.jpeg(page(), dpi, false, file));
    }

    public static byte[] tiff(int pages, int dpi) {
        List<BufferedImage> images = new java.util.ArrayList<>();
        for (int i = 0; i < pages; i++) {
            images.add(page());
        }
        return bytes(file -> PageSamples.tiff(images, "Deflate", dpi, file));
    }

    /** Writes through the image readers' own samples (they state the resolution in each format's own terms). */
    private static byte[] bytes(java.util.function.Consumer<java.nio.file.Path> writer) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("scan-fixture", ".bin");
            try {
                writer.accept(file);
                return java.nio.file.Files.readAllBytes(file);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A white page with a little scanner noise: blank. */
    public static byte[] blankPng(int dpi) {
        BufferedImage img = new BufferedImage(620, 877, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(250, 250, 248));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(120, 120, 120));
        java.util.Random noise = new java.util.Random(7);
        for (int i = 0; i < 12; i++) {
            g.fillRect(noise.nextInt(img.getWidth()), noise.nextInt(img.getHeight()), 1, 1);
        }
        g.dispose();
        return bytes(file -> PageSamples.png(img, dpi, file));
    }

    /** A page of lines leaning {@code degrees} clockwise, as fed crooked into the scanner. */
    public static byte[] skewedPng(double degrees, int dpi) {
        BufferedImage img = PageSamples.rotated(page(), degrees);
        return bytes(file -> PageSamples.png(img, dpi, file));
    }

    /** A JPEG cut in the middle of its data, as a copy broken off. */
    public static byte[] truncatedJpeg() {
        byte[] whole = jpeg(300);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A TIFF whose header claims 1,000,000 × 1,000,000 pixels (a decompression bomb) in a few bytes. */
    public static byte[] bombTiff() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 8 * 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 8);
        entry(b, 256, 4, 1_000_000);           // ImageWidth
        entry(b, 257, 4, 1_000_000);           // ImageLength
        entry(b, 258, 3, 8);                   // BitsPerSample
        entry(b, 259, 3, 1);                   // Compression: none
        entry(b, 262, 3, 1);                   // Photometric: black is zero
        entry(b, 273, 4, 8 + 2 + 8 * 12 + 4);  // StripOffsets
        entry(b, 278, 4, 1_000_000);           // RowsPerStrip
        entry(b, 279, 4, 16);                  // StripByteCounts
        b.putInt(0);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** A PDF of scanned pages: each an image drawn to fill an A4 page, at the given resolution. */
    public static byte[] pdf(int pages, int dpi) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                BufferedImage img = page();
                PDPage p = new PDPage(new PDRectangle(img.getWidth() * 72f / dpi, img.getHeight() * 72f / dpi));
                doc.addPage(p);
                PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                try (PDPageContentStream content = new PDPageContentStream(doc, p)) {
                    content.drawImage(x, 0, 0, p.getMediaBox().getWidth(), p.getMediaBox().getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] emptyPdf() {
        return pdf(0, 300);
    }

    public static byte[] encryptedPdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage img = page();
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream content = new PDPageContentStream(doc, p)) {
                content.drawImage(x, 0, 0, p.getMediaBox().getWidth(), p.getMediaBox().getHeight());
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of named entries, some raw: ../ and absolute names, links, GBK names, a bomb. */
    public static final class Zip {

        private final Map<String, byte[]> files = new LinkedHashMap<>();
        private final Map<String, String> links = new LinkedHashMap<>();
        private boolean gbk;
        private final List<String> folders = new java.util.ArrayList<>();
        private String bomb;
        private long bombBytes;

        public Zip file(String name, byte[] bytes) {
            files.put(name, bytes);
            return this;
        }

        public Zip folder(String name) {
            folders.add(name.endsWith("/") ? name : name + "/");
            return this;
        }

        public Zip link(String name, String target) {
            links.put(name, target);
            return this;
        }

        /** Names written in GBK without the UTF-8 flag, as Chinese Windows' zip tools do. */
        public Zip gbk() {
            gbk = true;
            return this;
        }

        public Zip bomb(String name, long bytes) {
            this.bomb = name;
            this.bombBytes = bytes;
            return this;
        }

        public byte[] bytes() {
            try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
                zip.setEncoding(gbk ? "GBK" : "UTF-8");
                zip.setUseLanguageEncodingFlag(!gbk);
                zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
                for (String folder : folders) {
                    zip.putArchiveEntry(new ZipArchiveEntry(folder));
                    zip.closeArchiveEntry();
                }
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    zip.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
                    zip.write(f.getValue());
                    zip.closeArchiveEntry();
                }
                for (Map.Entry<String, String> l : links.entrySet()) {
                    ZipArchiveEntry e = new ZipArchiveEntry(l.getKey());
                    e.setUnixMode(UnixStat.LINK_FLAG | 0777);
                    zip.putArchiveEntry(e);
                    zip.write(l.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeArchiveEntry();
                }
                if (bomb != null) {
                    zip.putArchiveEntry(new ZipArchiveEntry(bomb));
                    byte[] zeros = new byte[1 << 20];
                    for (long n = 0; n < bombBytes; n += zeros.length) {
                        zip.write(zeros);
                    }
                    zip.closeArchiveEntry();
                }
                zip.finish();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
