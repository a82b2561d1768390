package cn.lantai.digitization.internal.images;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Generated page images for the digitization tests: pages of text (Chinese where a CJK font is installed, Latin
 * otherwise) drawn with Java2D, written in each format Lantai reads with their resolution stated in the file's own
 * metadata. Other tests of issue 11 (scan batches, IIIF, OCR) may use it.
 */
public final class PageSamples {

    /** A line of the text drawn on pages. */
    public static final String CJK_LINE = "兰台区档案局一九八五年文书档案永久保管";
    public static final String LATIN_LINE = "Lantai district archives bureau records 1985";

    private PageSamples() {
    }

    /** A font that can draw Chinese if one is installed, else a serif font. */
    public static Font font(float size) {
        for (String family : new String[] {"AR PL SungtiL GB", "WenQuanYi Zen Hei", "Noto Sans CJK SC",
                "Noto Serif CJK SC"}) {
            Font font = new Font(family, Font.PLAIN, 1);
            if (font.getFamily().equals(family) && font.canDisplayUpTo(CJK_LINE) == -1) {
                return font.deriveFont(size);
            }
        }
        for (Font font : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (font.canDisplayUpTo(CJK_LINE) == -1) {
                return font.deriveFont(size);
            }
        }
        return new Font(Font.SERIF, Font.PLAIN, 1).deriveFont(size);
    }

    public static String line() {
        return font(12).canDisplayUpTo(CJK_LINE) == -1 ? CJK_LINE : LATIN_LINE;
    }

    /** A white page of {@code lines} lines of text with a margin, as an RGB image. */
    public static BufferedImage textPage(int width, int height, int lines) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        float size = width / 40f;
        g.setFont(font(size));
        String line = line();
        int margin = width / 10;
        int y = margin + (int) size;
        for (int i = 0; i < lines && y < height - margin; i++) {
            String text = line.substring(0, Math.max(4, line.length() - (i * 3) % 7));
            g.drawString(text, margin, y);
            y += (int) (size * 1.8f);
        }
        g.dispose();
        return page;
    }

    /** The page rotated by {@code degrees} (clockwise as seen) about its centre, white filled. */
    public static BufferedImage rotated(BufferedImage page, double degrees) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A copy of the image in another type (grey, bitonal). */
    public static BufferedImage as(BufferedImage image, int type) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    public static void png(BufferedImage image, int dpi, Path file) {
        write(image, "png", null, dpi, file);
    }

    public static void jpeg(BufferedImage image, int dpi, boolean progressive, Path file) {
        write(image, "jpeg", progressive ? "progressive" : null, dpi, file);
    }

    /** A TIFF of one or more pages, compressed with {@code compression} ("LZW", "Deflate", "CCITT T.6", "JPEG"). */
    public static void tiff(List<BufferedImage> pages, String compression, int dpi, Path file) {
        ImageWriter writer = writer("tiff", "com.twelvemonkeys.");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(page), param);
                tiffDensity(metadata, dpi);
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A JP2 with its capture resolution box (resc) saying {@code dpi}. */
    public static void jp2(BufferedImage image, int dpi, Path file) {
        ImageWriter writer = writer("jpeg2000", "com.github.jaiimageio.");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            // this writer reads the standard tree's millimetres per pixel the right way round
            IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
            for (String name : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                IIOMetadataNode size = new IIOMetadataNode(name);
                size.setAttribute("value", Double.toString(25.4 / dpi));
                dimension.appendChild(size);
            }
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dimension);
            metadata.mergeTree("javax_imageio_1.0", root);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A JPEG without a JFIF segment whose resolution is only in its EXIF block, as cameras and phones write them. */
    public static void exifJpeg(BufferedImage image, int dpi, Path file) {
        ImageWriter writer = writer("jpeg", "com.sun.imageio.");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(format);
            IIOMetadataNode jfif = (IIOMetadataNode) tree.getElementsByTagName("app0JFIF").item(0);
            jfif.getParentNode().removeChild(jfif);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(6 + 8 + 2 + 3 * 12 + 4 + 16);
            b.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
            b.putShort((short) 3);
            b.putShort((short) 282).putShort((short) 5).putInt(1).putInt(50); // XResolution RATIONAL at 50
            b.putShort((short) 283).putShort((short) 5).putInt(1).putInt(58); // YResolution RATIONAL at 58
            b.putShort((short) 296).putShort((short) 3).putInt(1).putShort((short) 2).putShort((short) 0); // inch
            b.putInt(0).putInt(dpi).putInt(1).putInt(dpi).putInt(1);
            IIOMetadataNode exif = new IIOMetadataNode("unknown");
            exif.setAttribute("MarkerTag", "225");
            exif.setUserObject(b.array());
            IIOMetadataNode markers = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
            markers.insertBefore(exif, markers.getFirstChild());
            metadata.setFromTree(format, tree);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A CMYK JPEG (Adobe marker), as prepress scanners write them, from a four-band raster. */
    public static void cmykJpeg(int width, int height, Path file) {
        var raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x % 255, y % 255, 40, 10});
            }
        }
        ImageWriter writer = writer("jpeg", "com.sun.imageio.");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A PDF with one page per image, each image covering an A4 page (so the page's resolution is the image's). */
    public static void pdf(List<BufferedImage> pages, Path file) {
        try (PDDocument document = new PDDocument()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(BufferedImage image, String format, String mode, int dpi, Path file) {
        ImageWriter writer = writer(format, "com.sun.imageio.");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("progressive".equals(mode)) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (format.equals("jpeg")) {
                IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
                IIOMetadataNode jfif = (IIOMetadataNode) tree.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(dpi));
                jfif.setAttribute("Ydensity", Integer.toString(dpi));
                metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
            } else {
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                phys.setAttribute("pixelsPerUnitXAxis", Long.toString(Math.round(dpi / 0.0254)));
                phys.setAttribute("pixelsPerUnitYAxis", Long.toString(Math.round(dpi / 0.0254)));
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                root.appendChild(phys);
                metadata.mergeTree("javax_imageio_png_1.0", root);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * XResolution, YResolution and ResolutionUnit (inch) in the TIFF's own tags: the writers read the standard tree's
     * millimetres per pixel the wrong way round, so the native tree is used.
     */
    private static void tiffDensity(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
        String format = "com_sun_media_imageio_plugins_tiff_image_1.0";
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        for (int tag : new int[] {282, 283}) {
            IIOMetadataNode field = new IIOMetadataNode("TIFFField");
            field.setAttribute("number", Integer.toString(tag));
            IIOMetadataNode rationals = new IIOMetadataNode("TIFFRationals");
            IIOMetadataNode rational = new IIOMetadataNode("TIFFRational");
            rational.setAttribute("value", dpi + "/1");
            rationals.appendChild(rational);
            field.appendChild(rationals);
            ifd.appendChild(field);
        }
        IIOMetadataNode unit = new IIOMetadataNode("TIFFField");
        unit.setAttribute("number", "296");
        IIOMetadataNode shorts = new IIOMetadataNode("TIFFShorts");
        IIOMetadataNode inch = new IIOMetadataNode("TIFFShort");
        inch.setAttribute("value", "2");
        shorts.appendChild(inch);
        unit.appendChild(shorts);
        ifd.appendChild(unit);
        IIOMetadataNode root = new IIOMetadataNode(format);
        root.appendChild(ifd);
        metadata.mergeTree(format, root);
    }

    private static ImageWriter writer(String format, String preferred) {
        List<ImageWriter> writers = new ArrayList<>();
        Iterator<ImageWriter> all = ImageIO.getImageWritersByFormatName(format);
        all.forEachRemaining(writers::add);
        return writers.stream().filter(w -> w.getClass().getName().startsWith(preferred)).findFirst()
                .orElseGet(() -> writers.get(0));
    }
}
