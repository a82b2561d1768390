package cn.lantai.digitization.internal.derivatives;

import cn.lantai.digitization.PageText.Word;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.layout.element.canvas.FontSetting;

/**
 * The entry's OFD access copy (GB/T 33190-2016, the layout format of Chinese e-government) made with ofdrw: each page
 * the access image at the page's physical size (OFD measures in millimetres) and the OCR words over it as fully
 * transparent text (alpha 0) in the archive's embedded CJK TrueType font, each word's characters spread over its box,
 * so an OFD reader finds and selects them where they are on the scan. ofdrw embeds the whole font file (it does not
 * subset): about 5 MB per document with AR PL SungtiL GB.
 */
final class OfdCopy {

    private static final double MM_PER_INCH = 25.4;

    private OfdCopy() {
    }

    /** Writes the OFD. Without a font ({@code font} null) the pages carry no text. */
    static void write(List<Sheet> sheets, Path font, OutputStream out) throws IOException {
        Font cjk = font == null ? null : new Font(fontName(font), fontName(font), font);
        try (OFDDoc doc = new OFDDoc(out)) {
            for (Sheet sheet : sheets) {
                double width = sheet.widthInches() * MM_PER_INCH;
                double height = sheet.heightInches() * MM_PER_INCH;
                VirtualPage page = new VirtualPage(width, height);
                Canvas canvas = new Canvas(0d, 0d, width, height);
                canvas.setDrawer(ctx -> {
                    if (sheet.image() != null) {
                        ctx.drawImage(sheet.image(), 0, 0, width, height);
                    } else if (cjk != null && sheet.note() != null) {
                        ctx.setFont(new FontSetting(5d, cjk));
                        ctx.fillText(sheet.note(), 12, 20);
                    }
                    if (cjk != null && sheet.image() != null && !sheet.words().isEmpty()) {
                        ctx.save();
                        ctx.setGlobalAlpha(0d);
                        double sx = MM_PER_INCH / sheet.dpiX();
                        double sy = MM_PER_INCH / sheet.dpiY();
                        for (Word word : sheet.words()) {
                            String text = printable(word.text());
                            if (text.isEmpty() || word.width() <= 0 || word.height() <= 0) {
                                continue;
                            }
                            // CJK characters are square: the size that spreads the word over its box, no taller
                            double size = Math.min(word.height() * sy,
                                    word.width() * sx / text.codePointCount(0, text.length()));
                            ctx.setFont(new FontSetting(size, cjk));
                            ctx.fillText(text, word.x() * sx, (word.y() + word.height()) * sy);
                        }
                        ctx.restore();
                    }
                });
                page.add(canvas);
                doc.addVPage(page);
            }
        }
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        text.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    private static String fontName(Path font) {
        String name = font.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
