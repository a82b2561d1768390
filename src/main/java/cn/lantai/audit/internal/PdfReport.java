package cn.lantai.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import cn.lantai.audit.SealCheck;
import cn.lantai.audit.SealedDocument;
import org.springframework.stereotype.Component;

/**
 * A document under the archive's seal as a PDF: a title, lines that say what it holds, and a table that wraps its
 * cells, on A4 pages (landscape for wide tables), the Chinese text in an embedded subset of a TrueType font
 * ({@link CjkFont}); then signed over its byte range (adbe.pkcs7.detached) by {@link ReportSigner}. The audit trail's
 * report and every other sealed document take this one path ({@link cn.lantai.audit.ArchiveSeal}).
 */
@Component
public class PdfReport {

    private static final float MARGIN = 36;
    private static final float TITLE_SIZE = 14;
    private static final float LINE_SIZE = 9;
    private static final float CELL_SIZE = 7.5f;
    private static final float PAD = 2;

    private final ReportSigner signer;

    PdfReport(ReportSigner signer) {
        this.signer = signer;
    }

    /** The signed PDF. */
    public byte[] render(SealedDocument content, Path fontFile) {
        try {
            return sign(layout(content, fontFile), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the PDF carries signatures that all verify with the archive's key and the last of which covers the
     * whole file but its own place (nothing added after sealing); false for anything that is no such PDF.
     */
    public boolean sealed(byte[] pdf) {
        return SealCheck.pdfSealedBy(pdf, signer.publicKey());
    }

    private byte[] layout(SealedDocument content, Path fontFile) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(content.title());
            info.setAuthor(content.author());
            info.setCreator("Lantai");
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            Writer w = new Writer(doc, font, content.landscape());
            for (String wrapped : w.wrap(content.title(), TITLE_SIZE, w.width())) {
                w.text(wrapped, TITLE_SIZE);
            }
            for (String line : content.lines()) {
                for (String wrapped : w.wrap(line, LINE_SIZE, w.width())) {
                    w.text(wrapped, LINE_SIZE);
                }
            }
            if (content.hasTable()) {
                w.gap(6);
                table(w, content);
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void table(Writer w, SealedDocument content) throws IOException {
        float[] widths = new float[content.widths().length];
        float share = 0;
        for (float f : content.widths()) {
            share += f;
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = w.width() * content.widths()[i] / share;
        }
        w.row(content.columns(), widths, true);
        for (List<String> row : content.rows()) {
            if (!w.row(row, widths, false)) {
                w.newPage();
                w.row(content.columns(), widths, true);
                w.row(row, widths, false);
            }
        }
    }

    private byte[] sign(byte[] unsigned, SealedDocument content) throws IOException {
        return seal(unsigned, content.author(), content.reason());
    }

    /**
     * Another module's PDF signed as the archive's own: an incremental update adding a signature field whose
     * adbe.pkcs7.detached CMS covers the whole file but the signature's place.
     */
    public byte[] seal(byte[] unsigned, String name, String reason) throws IOException {
        try (PDDocument doc = Loader.loadPDF(unsigned)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setSignDate(Calendar.getInstance());
            doc.addSignature(signature, range -> signer.sign(range.readAllBytes()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Writes down the pages, opening a new one when the current is full. */
    private static final class Writer {

        private final PDDocument doc;
        private final PDType0Font font;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private final PDRectangle size;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, PDType0Font font, boolean landscape) throws IOException {
            this.doc = doc;
            this.font = font;
            this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4;
            newPage();
        }

        float width() {
            return size.getWidth() - 2 * MARGIN;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(size);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        void gap(float points) {
            y -= points;
        }

        void text(String text, float size) throws IOException {
            if (y - size * 1.4f < MARGIN) {
                newPage();
            }
            y -= size * 1.4f;
            put(MARGIN, y, shown(text), size);
        }

        /** Writes a table row; false, writing nothing, when it does not fit on this page (a new page is due). */
        boolean row(List<String> cells, float[] widths, boolean header) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < widths.length; i++) {
                String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
                List<String> l = wrap(cell, CELL_SIZE, widths[i] - 2 * PAD);
                wrapped.add(l);
                lines = Math.max(lines, l.size());
            }
            float leading = CELL_SIZE * 1.3f;
            float height = lines * leading + 2 * PAD;
            if (y - height < MARGIN) {
                if (height > size.getHeight() - 2 * MARGIN - leading * 3) {
                    lines = (int) ((y - MARGIN - 2 * PAD) / leading);
                    height = lines * leading + 2 * PAD;
                } else {
                    return false;
                }
            }
            float x = MARGIN;
            for (int i = 0; i < widths.length; i++) {
                stream.addRect(x, y - height, widths[i], height);
                List<String> l = wrapped.get(i);
                for (int k = 0; k < Math.min(lines, l.size()); k++) {
                    put(x + PAD, y - PAD - (k + 1) * leading + CELL_SIZE * 0.3f, l.get(k), CELL_SIZE);
                }
                x += widths[i];
            }
            stream.setLineWidth(header ? 0.8f : 0.3f);
            stream.stroke();
            y -= height;
            return true;
        }

        private void put(float x, float atY, String text, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        /** The text cut into lines that fit the width, character by character (Chinese has no spaces to break at). */
        List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : shown(text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float used = 0;
                for (int i = 0; i < paragraph.length(); ) {
                    int cp = paragraph.codePointAt(i);
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
            }
            return lines;
        }

        /** The text with what the font cannot draw (a control character, a glyph it lacks) as "?". */
        private String shown(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (Character.isISOControl(cp) || !drawable(cp)) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
            return out.toString();
        }

        private boolean drawable(int cp) {
            return glyphs.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
        }
    }
}
