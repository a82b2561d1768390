package cn.lantai.stacks.internal.locations;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A4 sheets of labels for boxes and shelves: a grid of labels, each with its lines of text (the first set larger) on
 * the left and its QR code (ZXing, error correction M) on the right, cut lines drawn thin and grey.
 */
public final class LabelSheets {

    /** One label: its lines (the first is its heading) and the text its QR code holds. */
    public record Label(List<String> lines, String qr) {
    }

    private static final float MARGIN = 24;
    private static final float PAD = 8;

    private LabelSheets() {
    }

    /** The labels laid out {@code columns} × {@code rows} to a sheet, as many sheets as they fill. */
    public static byte[] render(List<Label> labels, int columns, int rows, Path fontFile) {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setCreator("Lantai");
            PDType0Font font = PDType0Font.load(doc, fontFile.toFile());
            PDRectangle a4 = PDRectangle.A4;
            float width = (a4.getWidth() - 2 * MARGIN) / columns;
            float height = (a4.getHeight() - 2 * MARGIN) / rows;
            int perSheet = columns * rows;
            for (int first = 0; first < labels.size(); first += perSheet) {
                PDPage page = new PDPage(a4);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    for (int i = first; i < Math.min(labels.size(), first + perSheet); i++) {
                        int n = i - first;
                        float x = MARGIN + (n % columns) * width;
                        float y = a4.getHeight() - MARGIN - (n / columns + 1) * height;
                        label(doc, out, font, labels.get(i), x, y, width, height);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void label(PDDocument doc, PDPageContentStream out, PDType0Font font, Label label, float x,
            float y, float width, float height) throws IOException {
        out.setStrokingColor(0.7f, 0.7f, 0.7f);
        out.setLineWidth(0.3f);
        out.addRect(x, y, width, height);
        out.stroke();
        float side = Math.min(height - 2 * PAD, width * 0.45f);
        PDImageXObject qr = LosslessFactory.createFromImage(doc, qr(label.qr(), 300));
        out.drawImage(qr, x + width - PAD - side, y + (height - side) / 2, side, side);
        float textWidth = width - 3 * PAD - side;
        float size = Math.min(16, height / 5);
        float top = y + height - PAD - size;
        out.setNonStrokingColor(0f, 0f, 0f);
        for (String line : label.lines()) {
            if (line == null || line.isBlank() || top < y + PAD) {
                continue;
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x + PAD, top);
            out.showText(fit(font, drawable(font, line), size, textWidth));
            out.endText();
            top -= size * 1.35f;
            size = Math.max(7, Math.min(10, height / 9));
        }
    }

    /** The text as the font can draw it: characters it lacks become "?". */
    private static String drawable(PDType0Font font, String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(Character.isISOControl(cp) ? " " : c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** Cut to the width, ending "…" when cut. */
    private static String fit(PDType0Font font, String text, float size, float width) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + (canDraw(font, "…") ? "…" : "");
    }

    private static boolean canDraw(PDType0Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static BufferedImage qr(String text, int side) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, side, side,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(),
                    BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for " + text.length() + " characters", e);
        }
    }
}
