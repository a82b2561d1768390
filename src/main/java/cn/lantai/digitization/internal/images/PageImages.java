package cn.lantai.digitization.internal.images;

import cn.lantai.digitization.ScanPage.ColourMode;
import cn.lantai.digitization.internal.images.ImageFormats.Format;
import com.twelvemonkeys.imageio.stream.BufferedFileImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

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
 * <p>Formats are told and checked for damage in {@link ImageFormats}; resolutions are read in {@link Resolutions}.
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
        Format format = ImageFormats.format(file);
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
        Format format = ImageFormats.format(file);
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
            ImageFormats.requireJpegEnd(file);
        } else if (format == Format.PNG) {
            ImageFormats.requireIntactPng(file);
        }
        // buffered: the JPEG reader counts its images byte by byte, one system call each through the JDK's plain stream
        try (ImageInputStream in = new BufferedFileImageInputStream(file.toFile())) {
            ImageReader reader = ImageFormats.reader(in, format, file);
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

    private static PageInfo info(ImageReader reader, int index, Format format) throws IOException {
        int count = reader.getNumImages(true);
        if (index < 0 || index >= count) {
            throw new UnreadablePage("page " + (index + 1) + " does not exist: the file holds " + count);
        }
        int width = reader.getWidth(index);
        int height = reader.getHeight(index);
        checkSize(index, width, height);
        IIOMetadata metadata = reader.getImageMetadata(index);
        int[] dpi = format == Format.TIFF ? Resolutions.tiffDpi(metadata) : Resolutions.dpi(metadata);
        if (format == Format.JPEG && dpi[0] == 0 && reader.getInput() instanceof ImageInputStream in) {
            dpi = Resolutions.exifDpi(in);
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

    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
