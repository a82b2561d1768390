package cn.lantai.digitization.internal.images;

import cn.lantai.digitization.ScanPage.ColourMode;
import cn.lantai.digitization.internal.TempFolder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.ScratchFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a PDF as page images. A page is rendered at its own resolution where it is a scan (one image covering
 * the page: the image's pixels per inch of the page), otherwise at {@link #DEFAULT_DPI}; the size and dpi reported are
 * those of that rendering, capped so that a page never exceeds {@link #MAX_RENDER_PIXELS}. An encrypted PDF, one
 * without pages and one whose images claim bomb sizes are unreadable.
 */
final class PdfPages {

    static final int DEFAULT_DPI = 300;
    static final int MAX_DPI = 1200;
    static final long MAX_RENDER_PIXELS = PageImages.MAX_DECODED_PIXELS;

    private PdfPages() {
    }

    /** How one page renders: its size at the chosen dpi, and the colour of its images. */
    private record Plan(int width, int height, float dpi, ColourMode colourMode) {
    }

    static List<PageInfo> probe(Path file) {
        try (PDDocument document = open(file)) {
            if (document.getNumberOfPages() > PageImages.MAX_PAGES) {
                throw new UnreadablePage(PageImages.name(file) + ": holds " + document.getNumberOfPages()
                        + " pages, more than " + PageImages.MAX_PAGES);
            }
            List<PageInfo> pages = new ArrayList<>(document.getNumberOfPages());
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                Plan plan = plan(document.getPage(i), i, file);
                int dpi = Math.round(plan.dpi());
                pages.add(new PageInfo(i, plan.width(), plan.height(), dpi, dpi, plan.colourMode(),
                        ImageFormats.Format.PDF.mediaType));
            }
            return pages;
        } catch (IOException e) {
            throw new UnreadablePage(PageImages.name(file) + ": cannot be closed (" + e.getMessage() + ")", e);
        }
    }

    static BufferedImage decode(Path file, int index, Rectangle region, int maxSide) {
        try (PDDocument document = open(file)) {
            if (index < 0 || index >= document.getNumberOfPages()) {
                throw new UnreadablePage("page " + (index + 1) + " does not exist: the file holds "
                        + document.getNumberOfPages());
            }
            Plan plan = plan(document.getPage(index), index, file);
            Rectangle area = PageImages.area(plan.width(), plan.height(), region, file, index);
            PageImages.step(area, maxSide); // refuses what would exceed the decode cap
            int longest = Math.max(area.width, area.height);
            double factor = maxSide > 0 && longest > maxSide ? (double) maxSide / longest : 1.0;
            int width = Math.max(1, Math.min(maxSide > 0 ? maxSide : Integer.MAX_VALUE,
                    (int) Math.ceil(area.width * factor - 1e-9)));
            int height = Math.max(1, Math.min(maxSide > 0 ? maxSide : Integer.MAX_VALUE,
                    (int) Math.ceil(area.height * factor - 1e-9)));
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.translate(-area.x * factor, -area.y * factor);
                PDFRenderer renderer = new PDFRenderer(document);
                // always: an embedded image larger than the page is drawn at is read subsampled, never decoded whole
                renderer.setSubsamplingAllowed(true);
                float scale = (float) (plan.dpi() / 72.0 * factor);
                renderer.renderPageToGraphics(index, g, scale);
            } finally {
                g.dispose();
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadablePage || e instanceof PageImages.RegionOutsidePage) {
                throw (RuntimeException) e;
            }
            throw new UnreadablePage(PageImages.name(file) + ": page " + (index + 1) + " cannot be rendered ("
                    + e.getMessage() + ")", e);
        }
    }

    private static PDDocument open(Path file) {
        PDDocument document;
        try {
            // PDFBox's cache of the document's streams: under the data directory, not the system's temp folder
            document = Loader.loadPDF(file.toFile(), "", null, null,
                    () -> new ScratchFile(MemoryUsageSetting.setupTempFileOnly().setTempDir(TempFolder.current().toFile())));
        } catch (InvalidPasswordException e) {
            throw new UnreadablePage(PageImages.name(file) + ": the PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePage(PageImages.name(file) + ": damaged PDF (" + e.getMessage() + ")", e);
        }
        if (document.isEncrypted()) {
            close(document);
            throw new UnreadablePage(PageImages.name(file)
                    + ": the PDF is encrypted; a master must be stored without encryption");
        }
        int count;
        try {
            count = document.getNumberOfPages();
        } catch (RuntimeException e) {
            close(document);
            throw new UnreadablePage(PageImages.name(file) + ": damaged PDF page tree (" + e.getMessage() + ")", e);
        }
        if (count <= 0) {
            close(document);
            throw new UnreadablePage(PageImages.name(file) + ": the PDF has no pages");
        }
        return document;
    }

    private static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // nothing was written
        }
    }

    /**
     * The page's rendering: a scan (an image covering the page) renders at the image's own resolution; any other
     * page at 300 dpi; both lowered where the page would exceed the render cap.
     */
    private static Plan plan(PDPage page, int index, Path file) {
        PDRectangle box = page.getCropBox();
        float widthPt = box.getWidth();
        float heightPt = box.getHeight();
        if (!(widthPt > 0) || !(heightPt > 0) || widthPt > 14_400 || heightPt > 14_400) {
            throw new UnreadablePage(PageImages.name(file) + ": page " + (index + 1) + " has an impossible size ("
                    + widthPt + " × " + heightPt + " points)");
        }
        float dpi = DEFAULT_DPI;
        ColourMode mode = ColourMode.COLOUR;
        PDImageXObject largest = largestImage(page, index, file);
        if (largest != null) {
            int w = largest.getCOSObject().getInt(COSName.WIDTH, 0);
            int h = largest.getCOSObject().getInt(COSName.HEIGHT, 0);
            double pageRatio = widthPt / heightPt;
            double imageRatio = (double) w / h;
            double pixelsPerInch = w / (widthPt / 72.0);
            if (Math.abs(imageRatio / pageRatio - 1) < 0.03) {
                dpi = (float) Math.max(72, Math.min(MAX_DPI, pixelsPerInch));
            } else if (Math.abs(imageRatio * pageRatio - 1) < 0.03) {
                dpi = (float) Math.max(72, Math.min(MAX_DPI, h / (widthPt / 72.0)));
            }
            mode = colourMode(largest);
        }
        long pixels = (long) Math.floor(widthPt * dpi / 72) * (long) Math.floor(heightPt * dpi / 72);
        if (pixels > MAX_RENDER_PIXELS) {
            dpi = (float) (dpi * Math.sqrt((double) MAX_RENDER_PIXELS / pixels) * 0.999);
        }
        int width = (int) Math.max(1, Math.floor(widthPt * dpi / 72));
        int height = (int) Math.max(1, Math.floor(heightPt * dpi / 72));
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        if (rotation == 90 || rotation == 270) {
            return new Plan(height, width, dpi, mode);
        }
        return new Plan(width, height, dpi, mode);
    }

    /** How deep forms may nest inside forms before the page is refused (a loop or a bomb of nesting). */
    static final int MAX_FORM_DEPTH = 12;

    /**
     * The page's largest image by pixel count. Every image the page can draw is checked against the bomb limit: those
     * of its resources, of the forms among them and the forms inside those (recursively), and the inline images of
     * its content and of the forms; a JPEG or JPEG 2000 image by the size its own header states as well as the size
     * its dictionary declares, since the decoder goes by the header. Nothing is decoded.
     */
    private static PDImageXObject largestImage(PDPage page, int index, Path file) {
        PDImageXObject[] largest = {null};
        long[] most = {0};
        try {
            inlineImages(new PDFStreamParser(page), index, file);
            walk(page.getResources(), index, file, 0, new HashSet<>(), image -> {
                long pixels = (long) image.getCOSObject().getInt(COSName.WIDTH, 0)
                        * image.getCOSObject().getInt(COSName.HEIGHT, 0);
                if (pixels > most[0]) {
                    most[0] = pixels;
                    largest[0] = image;
                }
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadablePage unreadable) {
                throw unreadable;
            }
            throw new UnreadablePage(PageImages.name(file) + ": page " + (index + 1) + " has a damaged image or form ("
                    + e.getMessage() + ")", e);
        }
        return largest[0];
    }

    private static void walk(PDResources resources, int index, Path file, int depth, Set<COSBase> seen,
            Consumer<PDImageXObject> images) throws IOException {
        if (resources == null) {
            return;
        }
        if (depth > MAX_FORM_DEPTH) {
            throw new UnreadablePage(PageImages.name(file) + ": page " + (index + 1) + " nests forms more than "
                    + MAX_FORM_DEPTH + " deep");
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object == null || !seen.add(object.getCOSObject())) {
                continue;
            }
            if (object instanceof PDImageXObject image) {
                checkClaim(image.getCOSObject().getInt(COSName.WIDTH, 0), image.getCOSObject().getInt(COSName.HEIGHT, 0),
                        index, file);
                checkEncodedSize(image, index, file);
                images.accept(image);
            } else if (object instanceof PDFormXObject form) {
                inlineImages(new PDFStreamParser(form), index, file);
                walk(form.getResources(), index, file, depth + 1, seen, images);
            }
        }
    }

    /** The inline images ({@code BI … ID … EI}) of a content stream, by the sizes they declare. */
    private static void inlineImages(PDFStreamParser parser, int index, Path file) throws IOException {
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op && "BI".equals(op.getName()) && op.getImageParameters() != null) {
                COSDictionary parameters = op.getImageParameters();
                checkClaim(parameters.getInt(COSName.W, parameters.getInt(COSName.WIDTH, 0)),
                        parameters.getInt(COSName.H, parameters.getInt(COSName.HEIGHT, 0)), index, file);
            }
        }
    }

    private static void checkClaim(long w, long h, int index, Path file) {
        if (w <= 0 || h <= 0 || w * h > PageImages.MAX_PIXELS) {
            throw new UnreadablePage(PageImages.name(file) + ": page " + (index + 1) + " holds an image that "
                    + "claims " + w + " × " + h + " pixels, more than a page can have");
        }
    }

    /** A JPEG or JPEG 2000 image's size as its own header states it (what the decoder will allocate). */
    private static void checkEncodedSize(PDImageXObject image, int index, Path file) throws IOException {
        List<COSName> filters = image.getStream().getFilters();
        if (filters.isEmpty()) {
            return;
        }
        COSName last = filters.get(filters.size() - 1);
        if (!COSName.DCT_DECODE.equals(last) && !COSName.JPX_DECODE.equals(last)) {
            return;
        }
        try (InputStream encoded = image.getStream().createInputStream(
                List.of(COSName.DCT_DECODE.getName(), COSName.JPX_DECODE.getName()));
                ImageInputStream in = ImageIO.createImageInputStream(encoded)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return; // an encoding no reader knows fails when rendered, with a reason
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkClaim(reader.getWidth(0), reader.getHeight(0), index, file);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ColourMode colourMode(PDImageXObject image) {
        if (image.isStencil() || image.getCOSObject().getInt(COSName.BITS_PER_COMPONENT, 8) == 1) {
            return ColourMode.BITONAL;
        }
        try {
            var space = image.getColorSpace();
            if (space instanceof PDDeviceGray || space.getNumberOfComponents() == 1) {
                return ColourMode.GREYSCALE;
            }
        } catch (IOException | RuntimeException e) {
            // a colour space that cannot be told is reported as colour, the safe side for checks
        }
        return ColourMode.COLOUR;
    }
}
