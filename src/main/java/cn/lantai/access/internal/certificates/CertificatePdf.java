package cn.lantai.access.internal.certificates;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The certified copy as an unsigned PDF (the archive's seal signs it afterwards): an A4 first page with the
 * certificate's text in the archive's embedded CJK font (a subset; text the font cannot draw shows as "?", so nothing
 * given is ever interpreted) and the QR code, then each watermarked page image on an A4 page of its own, scaled to
 * fit, with the certificate number at its foot. The number is also the document's subject.
 */
final class CertificatePdf {

    private static final float MARGIN = 48;

    private CertificatePdf() {
    }

    static byte[] render(CertificateContent content, Path fontFile) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(content.heading() + " " + content.number());
            info.setSubject(content.number());
            info.setAuthor(content.archive());
            info.setCreator("Lantai");
            info.setCreationDate(Calendar.getInstance());
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            cover(doc, font, content);
            int n = 0;
            for (BufferedImage image : content.pages()) {
                n++;
                page(doc, font, image, content.pageFooter() + " " + n + "/" + content.pages().size());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(PDDocument doc, PDType0Font font, CertificateContent content) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            float y = PDRectangle.A4.getHeight() - MARGIN - 24;
            String heading = shown(font, content.heading());
            float headingWidth = font.getStringWidth(heading) / 1000 * 24;
            text(s, font, 24, (PDRectangle.A4.getWidth() - headingWidth) / 2, y, heading);
            y -= 40;
            for (String line : content.lines()) {
                for (String wrapped : wrap(font, shown(font, line), 12, width)) {
                    text(s, font, 12, MARGIN, y, wrapped);
                    y -= 20;
                }
                y -= 4;
            }
            PDImageXObject qr = LosslessFactory.createFromImage(doc, content.qrCode());
            float side = 130;
            s.drawImage(qr, PDRectangle.A4.getWidth() - MARGIN - side, MARGIN, side, side);
        }
    }

    private static void page(PDDocument doc, PDType0Font font, BufferedImage image, String footer)
            throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        float boxWidth = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float boxHeight = PDRectangle.A4.getHeight() - 2 * MARGIN - 20;
        float scale = Math.min(boxWidth / image.getWidth(), boxHeight / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.drawImage(JPEGFactory.createFromImage(doc, image, 0.85f), MARGIN + (boxWidth - w) / 2,
                    MARGIN + 20 + (boxHeight - h) / 2, w, h);
            text(s, font, 9, MARGIN, MARGIN, shown(font, footer));
        }
    }

    private static void text(PDPageContentStream s, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = font.getStringWidth(ch) / 1000 * size;
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.append(ch);
            used += w;
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text with what the font cannot draw (a control character, a glyph it lacks) as "?". */
    private static String shown(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || !drawable(font, cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean drawable(PDType0Font font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
