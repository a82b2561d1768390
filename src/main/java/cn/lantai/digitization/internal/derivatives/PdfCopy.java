package cn.lantai.digitization.internal.derivatives;

import cn.lantai.digitization.PageText.Word;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * The entry's PDF access copy (DA/T 31: PDF or OFD for use): each page the access image at the page's physical size,
 * under an invisible text layer (rendering mode 3, "neither fill nor stroke") of the OCR words, each word placed on
 * its box and stretched to its width, so a reader finds, selects and copies the words where they are on the scan.
 * Chinese needs an embedded font: the archive's CJK TrueType font, subset to the characters used.
 */
final class PdfCopy {

    private static final float POINTS_PER_INCH = 72f;

    private PdfCopy() {
    }

    /**
     * Writes the PDF. Without a font ({@code font} null) the pages carry no text layer.
     *
     * @param title   题名, the document's title
     * @param subject 档号, the document's subject
     */
    static void write(List<Sheet> sheets, String title, String subject, Path font, OutputStream out)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setSubject(subject);
            info.setProducer("Lantai");
            info.setCreator("Lantai");
            info.setCreationDate(Calendar.getInstance());
            PDType0Font cjk = font == null ? null : PDType0Font.load(doc, font.toFile());
            for (Sheet sheet : sheets) {
                float width = (float) (sheet.widthInches() * POINTS_PER_INCH);
                float height = (float) (sheet.heightInches() * POINTS_PER_INCH);
                PDPage page = new PDPage(new PDRectangle(width, height));
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    if (sheet.image() != null) {
                        PDImageXObject image = JPEGFactory.createFromByteArray(doc, Files.readAllBytes(sheet.image()));
                        content.drawImage(image, 0, 0, width, height);
                    } else if (cjk != null && sheet.note() != null) {
                        content.beginText();
                        content.setFont(cjk, 14);
                        content.newLineAtOffset(36, height - 50);
                        content.showText(drawable(cjk, sheet.note()));
                        content.endText();
                    }
                    if (cjk != null && sheet.image() != null) {
                        textLayer(content, cjk, sheet, height);
                    }
                }
            }
            doc.save(out);
        }
    }

    private static void textLayer(PDPageContentStream content, PDType0Font font, Sheet sheet, float pageHeight)
            throws IOException {
        float sx = POINTS_PER_INCH / sheet.dpiX();
        float sy = POINTS_PER_INCH / sheet.dpiY();
        content.beginText();
        content.setRenderingMode(RenderingMode.NEITHER);
        for (Word word : sheet.words()) {
            String text = drawable(font, word.text());
            if (text.isBlank() || word.width() <= 0 || word.height() <= 0) {
                continue;
            }
            float size = word.height() * sy;
            float natural = font.getStringWidth(text) / 1000f * size;
            if (natural <= 0) {
                continue;
            }
            float boxWidth = word.width() * sx;
            content.setFont(font, size);
            content.setHorizontalScaling(100f * boxWidth / natural);
            // the baseline a little above the box's bottom, where the descenders of the scan's line end
            float baseline = pageHeight - (word.y() + word.height()) * sy + size * 0.12f;
            content.setTextMatrix(new Matrix(1, 0, 0, 1, word.x() * sx, baseline));
            content.showText(text);
        }
        content.endText();
    }

    /** The text without the characters the font cannot draw (PDFBox refuses those) nor control characters. */
    static String drawable(PDType0Font font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                kept.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                // not in the font: left out of the text layer
            }
        });
        return kept.toString();
    }
}
