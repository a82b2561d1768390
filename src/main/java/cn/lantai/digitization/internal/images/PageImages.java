package cn.lantai.digitization.internal.images;

import cn.lantai.digitization.ScanPage.ColourMode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * Reads page images (TIFF, also multi-page, with LZW, Deflate, CCITT G4 or JPEG compression; JPEG, also CMYK/YCCK and
 * progressive; JPEG 2000; PNG; PDF, each PDF page a page): their pages' sizes, resolutions and colour modes from the
 * headers, and the pixels of one page or of a region of it.
 *
 * <p>The format is told from the file's first bytes, never from its name; other formats are refused. A page claiming
 * more than {@link #MAX_PIXELS} is refused from its header before any pixel is decoded (a decompression bomb claims a
 * huge size in a few bytes), and no decode returns more than {@link #MAX_DECODED_PIXELS}: a larger page is read
 * subsampled ({@code maxSide}) or in regions. Subsampling happens in the reader, so reading a large page small never
 * holds the whole page. A truncated or damaged file is an {@link UnreadablePage}, also where a reader would fill the
 * missing part with grey and say nothing (a JPEG without its end marker, a PNG whose chunk checksums fail).
 *
 * <p>Stateless: every call opens its own reader, so it may be called from several threads at once.
 */
public final class PageImages {

    /**
     * The most pixels a page may have: as many as one decode may return, since the viewer's tiles are cut from the
     * page decoded whole (an A2 sheet at 600 dpi is about 9,900 × 14,000 pixels, an A0 sheet at 300 dpi about 139
     * million). A page that claims more is refused from its header, so a batch reports it instead of attaching a page
     * that could never be shown.
     */
    public static final long MAX_PIXELS = 100_000_000L;

    /** The most pages one file may hold (a TIFF of tiny directories or a PDF of empty pages is not a record's scan). */
    public static final int MAX_PAGES = 20_000;

    /** The most pixels one decode returns (an A3 page at 600 dpi is about 70 million); read larger pages in parts. */
    public static final long MAX_DECODED_PIXELS = 100_000_000L;

    static {
        // Plug-ins are found through the class loader that loaded Lantai (in a packaged app, not the system one).
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(PageImages.class.getClassLoader());
            ImageIO.scanForPlugins();
        } finally {
            thread.setContextClassLoader(previous);
        }
        ImageIO.setUseCache(false);
    }

    /** The formats Lantai reads, told by their first bytes. */
    enum Format {
        TIFF("image/tiff"), JPEG("image/jpeg"), JP2("image/jp2"), PNG("image/png"), PDF("application/pdf");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private PageImages() {
    }

    /** A region asked for that lies wholly outside the page: the caller's mistake, not the file's. */
    public static final class RegionOutsidePage extends IllegalArgumentException {
        RegionOutsidePage(String message) {
            super(message);
        }
    }

    /** The file's pages as its headers describe them. */
    public static List<PageInfo> probe(Path file) {
        Format format = format(file);
        if (format == Format.PDF) {
            return PdfPages.probe(file);
        }
        return withReader(file, format, reader -> {
            int count = reader.getNumImages(true);
            if (count <= 0) {
                throw new UnreadablePage(name(file) + ": holds no page");
            }
            if (count > MAX_PAGES) {
                throw new UnreadablePage(name(file) + ": holds " + count + " pages, more than " + MAX_PAGES);
            }
            List<PageInfo> pages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pages.add(info(reader, i, format));
            }
            return pages;
        });
    }

    /** The pixels of the page at {@code index}, subsampled so that neither side exceeds {@code maxSide} (0: whole). */
    public static BufferedImage decode(Path file, int index, int maxSide) {
        return decodeRegion(file, index, null, maxSide);
    }

    /**
     * The pixels of {@code region} (in the page's full-size pixels; null: the whole page) of the page at {@code index},
     * subsampled so that neither side exceeds {@code maxSide} (0: full size). Only that region is decoded where the
     * format allows (tiled and stripped TIFF, JPEG, JPEG 2000, PNG row by row; PDF renders the region alone).
     */
    public static BufferedImage decodeRegion(Path file, int index, Rectangle region, int maxSide) {
        if (maxSide < 0) {
            throw new IllegalArgumentException("maxSide must be 0 or positive: " + maxSide);
        }
        Format format = format(file);
        if (format == Format.PDF) {
            return PdfPages.decode(file, index, region, maxSide);
        }
        return withReader(file, format, reader -> {
            PageInfo page = info(reader, index, format);
            Rectangle area = area(page.width(), page.height(), region, file, index);
            int step = step(area, maxSide);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(area);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            List<String> warnings = new ArrayList<>();
            IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
            reader.addIIOReadWarningListener(listener);
            BufferedImage image = reader.read(index, param);
            for (String warning : warnings) {
                if (damage(warning)) {
                    throw new UnreadablePage(name(file) + ": damaged (" + warning + ")");
                }
            }
            return image;
        });
    }

    /** The area to decode: the region clipped to the page, refused where it misses the page. */
    static Rectangle area(int width, int height, Rectangle region, Path file, int index) {
        Rectangle whole = new Rectangle(0, 0, width, height);
        if (region == null) {
            return whole;
        }
        Rectangle area = whole.intersection(region);
        if (area.isEmpty()) {
            throw new RegionOutsidePage(name(file) + " page " + (index + 1) + ": region " + region.x + "," + region.y
                    + "," + region.width + "," + region.height + " lies outside the page of " + width + " × " + height);
        }
        return area;
    }

    /** The subsampling step that keeps both sides within maxSide; refused where the result would exceed the cap. */
    static int step(Rectangle area, int maxSide) {
        int longest = Math.max(area.width, area.height);
        int step = maxSide > 0 && longest > maxSide ? (longest + maxSide - 1) / maxSide : 1;
        long out = (long) ((area.width + step - 1) / step) * ((area.height + step - 1) / step);
        if (out > MAX_DECODED_PIXELS) {
            throw new UnreadablePage("decoding " + area.width + " × " + area.height + " pixels at once exceeds the "
                    + MAX_DECODED_PIXELS + "-pixel limit: read it smaller (maxSide) or in regions");
        }
        return step;
    }

    private static boolean damage(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("premature") || w.contains("truncat") || w.contains("eoi") || w.contains("corrupt")
                || w.contains("unexpected end") || w.contains("end of file");
    }

    interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, Format format, ReaderWork<T> work) {
        if (format == Format.JPEG) {
            requireJpegEnd(file);
        } else if (format == Format.PNG) {
            requireIntactPng(file);
        }
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            ImageReader reader = reader(in, format, file);
            try {
                reader.setInput(in, false, false);
                return work.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (UnreadablePage | RegionOutsidePage e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePage(name(file) + ": cannot be read as " + format.mediaType + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** The format told by the file's first bytes; an empty, unknown or missing file is unreadable. */
    static Format format(Path file) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new UnreadablePage(name(file) + ": no such file", e);
        } catch (IOException e) {
            throw new UnreadablePage(name(file) + ": cannot be opened (" + e.getMessage() + ")", e);
        }
        if (n == 0) {
            throw new UnreadablePage(name(file) + ": the file is empty");
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && (head[2] == 42 || head[2] == 43) && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43)))) {
            return Format.TIFF;
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return Format.PNG;
        }
        if ((n >= 12 && head[0] == 0 && head[1] == 0 && head[2] == 0 && head[3] == 12 && head[4] == 'j'
                && head[5] == 'P' && head[6] == ' ' && head[7] == ' ')
                || (n >= 4 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0x4F && (head[2] & 0xff) == 0xFF
                        && (head[3] & 0xff) == 0x51)) {
            return Format.JP2;
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return Format.PDF;
        }
        throw new UnreadablePage(name(file) + ": not a page image format Lantai reads (TIFF, JPEG, JPEG 2000, PNG, PDF)");
    }

    /** The reader for the format: TwelveMonkeys' for TIFF and JPEG, jai-imageio's for JPEG 2000, the JDK's for PNG. */
    private static ImageReader reader(ImageInputStream in, Format format, Path file) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        ImageReader chosen = null;
        String preferred = switch (format) {
            case TIFF, JPEG -> "com.twelvemonkeys.";
            case JP2 -> "com.github.jaiimageio.jpeg2000.";
            case PNG -> "com.sun.imageio.plugins.png.";
            case PDF -> "-";
        };
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().startsWith(preferred)) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = candidate;
                break;
            }
            if (chosen == null) {
                chosen = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (chosen == null) {
            throw new UnreadablePage(name(file) + ": no reader for " + format.mediaType + " is installed");
        }
        return chosen;
    }

    private static PageInfo info(ImageReader reader, int index, Format format) throws IOException {
        int count = reader.getNumImages(true);
        if (index < 0 || index >= count) {
            throw new UnreadablePage("page " + (index + 1) + " does not exist: the file holds " + count);
        }
        int width = reader.getWidth(index);
        int height = reader.getHeight(index);
        checkSize(index, width, height);
        IIOMetadata metadata = reader.getImageMetadata(index);
        int[] dpi = format == Format.TIFF ? tiffDpi(metadata) : dpi(metadata);
        if (format == Format.JPEG && dpi[0] == 0 && reader.getInput() instanceof ImageInputStream in) {
            dpi = exifDpi(in);
        }
        return new PageInfo(index, width, height, dpi[0], dpi[1], colourMode(reader, index), format.mediaType);
    }

    static void checkSize(int index, long width, long height) {
        if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
            throw new UnreadablePage("page " + (index + 1) + " claims " + width + " × " + height
                    + " pixels, more than a page can have (at most " + MAX_PIXELS
                    + ", the most the viewer can cut into tiles)");
        }
    }

    private static ColourMode colourMode(ImageReader reader, int index) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(index);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(index);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return ColourMode.COLOUR;
        }
        var model = type.getColorModel();
        if (model.getPixelSize() == 1) {
            return ColourMode.BITONAL;
        }
        return model.getNumColorComponents() == 1 ? ColourMode.GREYSCALE : ColourMode.COLOUR;
    }

    /**
     * Dots per inch from the EXIF IFD0 of a JPEG that has no JFIF density (cameras and phone scanners write only EXIF):
     * the marker segments before the first scan are walked, reading at most 1 MB; 0 where none is found.
     */
    static int[] exifDpi(ImageInputStream in) throws IOException {
        long mark = in.getStreamPosition();
        try {
            in.seek(2);
            long limit = 1 << 20;
            while (in.getStreamPosition() < limit) {
                int ff = in.read();
                int marker = in.read();
                if (ff != 0xFF || marker < 0 || marker == 0xDA || marker == 0xD9) {
                    break;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    break;
                }
                if (marker == 0xE1 && length > 14) {
                    byte[] segment = new byte[length - 2];
                    in.readFully(segment);
                    if (segment[0] == 'E' && segment[1] == 'x' && segment[2] == 'i' && segment[3] == 'f') {
                        return exifResolution(ByteBuffer.wrap(segment, 6, segment.length - 6).slice());
                    }
                } else {
                    in.skipBytes(length - 2);
                }
            }
            return new int[] {0, 0};
        } catch (IOException | RuntimeException e) {
            return new int[] {0, 0}; // a garbled EXIF block states no resolution
        } finally {
            in.seek(mark);
        }
    }

    private static int[] exifResolution(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xffff;
        double x = 0;
        double y = 0;
        int unit = 2;
        for (int i = 0; i < entries; i++) {
            int at = ifd + 2 + 12 * i;
            int tag = tiff.getShort(at) & 0xffff;
            int type = tiff.getShort(at + 2) & 0xffff;
            if ((tag == 282 || tag == 283) && type == 5) {
                int offset = tiff.getInt(at + 8);
                long numerator = tiff.getInt(offset) & 0xffffffffL;
                long denominator = tiff.getInt(offset + 4) & 0xffffffffL;
                double value = denominator == 0 ? 0 : (double) numerator / denominator;
                if (tag == 282) {
                    x = value;
                } else {
                    y = value;
                }
            } else if (tag == 296 && type == 3) {
                unit = tiff.getShort(at + 8) & 0xffff;
            }
        }
        if (unit != 2 && unit != 3) {
            return new int[] {0, 0};
        }
        double perInch = unit == 3 ? 2.54 : 1;
        int dx = sane(x * perInch);
        int dy = sane(y * perInch);
        return new int[] {dx == 0 ? dy : dx, dy == 0 ? dx : dy};
    }

    private static final String TIFF_METADATA = "com_sun_media_imageio_plugins_tiff_image_1.0";

    /**
     * Dots per inch from the TIFF's own XResolution, YResolution and ResolutionUnit tags (the standard tree reports
     * 72 dpi for a TIFF that states none); 0 where the file states none or states no unit.
     */
    static int[] tiffDpi(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(TIFF_METADATA)) {
            return dpi(metadata);
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(TIFF_METADATA);
        NodeList fields = root.getElementsByTagName("TIFFField");
        double x = 0;
        double y = 0;
        int unit = 2;
        for (int i = 0; i < fields.getLength(); i++) {
            IIOMetadataNode field = (IIOMetadataNode) fields.item(i);
            String number = field.getAttribute("number");
            switch (number) {
                case "282" -> x = rational(field);
                case "283" -> y = rational(field);
                case "296" -> unit = (int) rational(field);
                default -> {
                }
            }
        }
        if (unit != 2 && unit != 3) {
            return dpi;
        }
        double perInch = unit == 3 ? 2.54 : 1;
        dpi[0] = sane(x * perInch);
        dpi[1] = sane(y * perInch);
        if (dpi[0] == 0) {
            dpi[0] = dpi[1];
        } else if (dpi[1] == 0) {
            dpi[1] = dpi[0];
        }
        return dpi;
    }

    /** The first value of a TIFF field in the native tree ("300/1", "300" or a number). */
    private static double rational(IIOMetadataNode field) {
        NodeList values = field.getElementsByTagName("*");
        for (int i = 0; i < values.getLength(); i++) {
            String value = ((IIOMetadataNode) values.item(i)).getAttribute("value");
            if (value != null && !value.isEmpty()) {
                try {
                    int slash = value.indexOf('/');
                    if (slash < 0) {
                        return Double.parseDouble(value);
                    }
                    double denominator = Double.parseDouble(value.substring(slash + 1));
                    return denominator == 0 ? 0 : Double.parseDouble(value.substring(0, slash)) / denominator;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static int sane(double dpi) {
        return Double.isFinite(dpi) && dpi >= 1 && dpi <= 100_000 ? (int) Math.round(dpi) : 0;
    }

    /** Dots per inch from the standard metadata tree (millimetres per pixel); 0 where the file states none. */
    static int[] dpi(IIOMetadata metadata) {
        int[] dpi = {0, 0};
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return dpi;
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        String[] names = {"HorizontalPixelSize", "VerticalPixelSize"};
        for (int i = 0; i < 2; i++) {
            NodeList nodes = root.getElementsByTagName(names[i]);
            if (nodes.getLength() > 0) {
                try {
                    float mmPerPixel = Float.parseFloat(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
                    if (mmPerPixel > 0 && Float.isFinite(mmPerPixel)) {
                        long value = Math.round(25.4 / mmPerPixel);
                        dpi[i] = value > 100_000 ? 0 : (int) value;
                    }
                } catch (NumberFormatException e) {
                    // a value the file garbles is a value it does not state
                }
            }
        }
        if (dpi[0] == 0 && dpi[1] > 0) {
            dpi[0] = dpi[1];
        } else if (dpi[1] == 0 && dpi[0] > 0) {
            dpi[1] = dpi[0];
        }
        return dpi;
    }

    /**
     * A JPEG must end with its EOI marker (perhaps followed by a little padding): the JDK decoder fills a truncated
     * scan with grey and only warns.
     */
    private static void requireJpegEnd(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int window = (int) Math.min(size, 4096);
            ByteBuffer tail = ByteBuffer.allocate(window);
            channel.position(size - window);
            while (tail.hasRemaining() && channel.read(tail) >= 0) {
                // fill the window
            }
            byte[] bytes = tail.array();
            for (int i = window - 2; i >= 2; i--) {
                if ((bytes[i] & 0xff) == 0xFF && (bytes[i + 1] & 0xff) == 0xD9) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UnreadablePage(name(file) + ": cannot be read (" + e.getMessage() + ")", e);
        }
        throw new UnreadablePage(name(file) + ": truncated JPEG (no end-of-image marker)");
    }

    /** Every PNG chunk's CRC must match and the file must reach its IEND chunk (the JDK reader checks neither). */
    private static void requireIntactPng(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = new java.io.BufferedInputStream(raw, 65536)) {
            in.skipNBytes(8);
            byte[] buffer = new byte[65536];
            while (true) {
                byte[] header = in.readNBytes(8);
                if (header.length < 8) {
                    throw new UnreadablePage(name(file) + ": truncated PNG (no IEND chunk)");
                }
                long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                        | (header[3] & 0xff);
                if (length > Integer.MAX_VALUE) {
                    throw new UnreadablePage(name(file) + ": damaged PNG (chunk length " + length + ")");
                }
                CRC32 crc = new CRC32();
                crc.update(header, 4, 4);
                long left = length;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new UnreadablePage(name(file) + ": truncated PNG (a chunk ends early)");
                    }
                    crc.update(buffer, 0, read);
                    left -= read;
                }
                byte[] stored = in.readNBytes(4);
                if (stored.length < 4) {
                    throw new UnreadablePage(name(file) + ": truncated PNG (a chunk ends early)");
                }
                long expected = ((stored[0] & 0xffL) << 24) | ((stored[1] & 0xff) << 16) | ((stored[2] & 0xff) << 8)
                        | (stored[3] & 0xff);
                String type = new String(header, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (crc.getValue() != expected) {
                    throw new UnreadablePage(name(file) + ": damaged PNG (checksum of chunk " + type + " fails)");
                }
                if (type.equals("IEND")) {
                    return;
                }
            }
        } catch (UnreadablePage e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadablePage(name(file) + ": truncated or unreadable PNG (" + e.getMessage() + ")", e);
        }
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
