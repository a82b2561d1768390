package cn.lantai.digitization.internal.batches;

import cn.lantai.digitization.ScanPage.ColourMode;
import cn.lantai.digitization.internal.images.PageInfo;
import cn.lantai.digitization.internal.images.UnreadablePage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of a scanned PDF: each page's resolution is its largest image's pixels over the page's width in inches (a
 * PDF states no dpi of its own), refused when encrypted or without pages; rendered small for the blank and skew looks.
 */
final class PdfPages {

    private PdfPages() {
    }

    static List<PageInfo> probe(Path file) {
        try (PDDocument pdf = open(file)) {
            List<PageInfo> pages = new ArrayList<>();
            int index = 0;
            for (PDPage page : pdf.getPages()) {
                pages.add(info(page, index++));
            }
            return pages;
        } catch (IOException e) {
            throw new UnreadablePage(file.getFileName() + ": not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    /** The page rendered in grey so that its longer side is about {@code maxSide} pixels. */
    static BufferedImage render(Path file, int index, int maxSide) {
        try (PDDocument pdf = open(file)) {
            PDRectangle box = pdf.getPage(index).getMediaBox();
            float longest = Math.max(box.getWidth(), box.getHeight());
            float scale = longest <= 0 ? 1 : Math.min(4f, maxSide / longest);
            return new PDFRenderer(pdf).renderImage(index, scale, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePage(file.getFileName() + ": page " + (index + 1) + " cannot be drawn", e);
        }
    }

    private static PDDocument open(Path file) throws IOException {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()));
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new UnreadablePage(file.getFileName() + ": the PDF is encrypted (password protected)", e);
        }
        if (pdf.isEncrypted()) {
            pdf.close();
            throw new UnreadablePage(file.getFileName() + ": the PDF is encrypted");
        }
        if (pdf.getNumberOfPages() == 0) {
            pdf.close();
            throw new UnreadablePage(file.getFileName() + ": the PDF has no pages");
        }
        return pdf;
    }

    private static PageInfo info(PDPage page, int index) throws IOException {
        PDRectangle box = page.getMediaBox();
        PDImageXObject largest = null;
        PDResources resources = page.getResources();
        if (resources != null) {
            for (COSName name : resources.getXObjectNames()) {
                PDXObject x = resources.getXObject(name);
                if (x instanceof PDImageXObject image && (largest == null || image.getWidth() > largest.getWidth())) {
                    largest = image;
                }
            }
        }
        if (largest == null) {
            return new PageInfo(index, Math.round(box.getWidth()), Math.round(box.getHeight()), 0, 0,
                    ColourMode.COLOUR, "application/pdf");
        }
        boolean landscapeImage = largest.getWidth() > largest.getHeight();
        boolean landscapePage = box.getWidth() > box.getHeight();
        float inchesWide = (landscapeImage == landscapePage ? box.getWidth() : box.getHeight()) / 72f;
        float inchesHigh = (landscapeImage == landscapePage ? box.getHeight() : box.getWidth()) / 72f;
        int dpiX = inchesWide <= 0 ? 0 : Math.round(largest.getWidth() / inchesWide);
        int dpiY = inchesHigh <= 0 ? 0 : Math.round(largest.getHeight() / inchesHigh);
        ColourMode mode = largest.getBitsPerComponent() == 1 ? ColourMode.BITONAL
                : largest.getColorSpace().getNumberOfComponents() == 1 ? ColourMode.GREYSCALE : ColourMode.COLOUR;
        return new PageInfo(index, largest.getWidth(), largest.getHeight(), dpiX, dpiY, mode, "application/pdf");
    }
}
