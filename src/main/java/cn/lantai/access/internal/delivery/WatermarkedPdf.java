package cn.lantai.access.internal.delivery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A PDF made only of watermarked page images, each page at the physical size of its scan: no text layer, no image
 * without the watermark, so nothing in the file reads around it.
 */
public final class WatermarkedPdf {

    private static final float POINTS_PER_INCH = 72f;
    private static final int DEFAULT_DPI = 300;

    private WatermarkedPdf() {
    }

    /** One page: its watermarked image and the scan's size in pixels and resolution (0 for none stated). */
    public record Sheet(BufferedImage image, int width, int height, int dpiX, int dpiY) {

        float widthPoints() {
            return width * POINTS_PER_INCH / (dpiX > 0 ? dpiX : DEFAULT_DPI);
        }

        float heightPoints() {
            int dpi = dpiY > 0 ? dpiY : (dpiX > 0 ? dpiX : DEFAULT_DPI);
            return height * POINTS_PER_INCH / dpi;
        }
    }

    /**
     * @param subject the request number and archival code, as the document's subject
     */
    public static byte[] write(List<Sheet> sheets, String subject) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setSubject(subject);
            info.setProducer("Lantai");
            info.setCreator("Lantai");
            info.setCreationDate(Calendar.getInstance());
            for (Sheet sheet : sheets) {
                float width = sheet.widthPoints();
                float height = sheet.heightPoints();
                PDPage page = new PDPage(new PDRectangle(width, height));
                doc.addPage(page);
                PDImageXObject image = JPEGFactory.createFromImage(doc, sheet.image(), 0.85f);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, width, height);
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
