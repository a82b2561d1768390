package cn.lantai.digitization.internal.derivatives;

import cn.lantai.digitization.PageText.Word;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.core.text.text.CT_Text;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.layout.element.canvas.DrawContext;
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
    private static final Map<Path, double[]> WIDTHS = new ConcurrentHashMap<>();

    private OfdCopy() {
    }

    /** Writes the OFD. Without a font ({@code font} null) the pages carry no text. */
    static void write(List<Sheet> sheets, Path font, OutputStream out) throws IOException {
        try (OFDDoc doc = new OFDDoc(out)) {
            Font cjk = font == null ? null : new Font(fontName(font), fontName(font), font, asciiWidths(font));
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
                        textLayer(ctx, canvas.getPreferBlock(), cjk, sheet);
                        ctx.restore();
                    }
                });
                page.add(canvas);
                doc.addVPage(page);
            }
        }
    }

    /**
     * The words as transparent text: one text object per font size (rounded to a quarter millimetre), drawn through
     * ofdrw's canvas for its first word, which adds it to the page's block with the font and the alpha; the other words
     * of that size join it as text codes of their own, their characters spread evenly over their boxes. (A text object
     * per word costs ofdrw a byte-by-byte comparison of the 5 MB font file with its embedded copy: 10 s for 10 pages
     * of 40 lines.)
     */
    private static void textLayer(DrawContext ctx, CT_PageBlock block, Font cjk, Sheet sheet) throws IOException {
        double sx = MM_PER_INCH / sheet.dpiX();
        double sy = MM_PER_INCH / sheet.dpiY();
        Map<Long, CT_Text> bySize = new HashMap<>();
        for (Word word : sheet.words()) {
            String text = printable(word.text());
            int chars = text.codePointCount(0, text.length());
            if (chars == 0 || word.width() <= 0 || word.height() <= 0) {
                continue;
            }
            double x = word.x() * sx;
            double baseline = (word.y() + word.height()) * sy;
            double width = word.width() * sx;
            // CJK characters are square: the size that spreads the word over its box, no taller than the box
            long quarters = Math.max(1, Math.round(Math.min(word.height() * sy, width / chars) * 4));
            CT_Text same = bySize.get(quarters);
            if (same == null) {
                ctx.setFont(new FontSetting(quarters / 4.0, cjk));
                ctx.fillText(text, x, baseline);
                List<PageBlockType> drawn = block.getPageBlocks();
                if (!drawn.isEmpty() && drawn.get(drawn.size() - 1) instanceof CT_Text made) {
                    bySize.put(quarters, made);
                }
                continue;
            }
            TextCode code = new TextCode().setContent(text).setX(x).setY(baseline);
            if (chars > 1) {
                Double[] gaps = new Double[chars - 1];
                Arrays.fill(gaps, width / chars);
                code.setDeltaX(gaps);
            }
            same.addTextCode(code);
        }
    }

    /**
     * The widths of the printable ASCII characters as fractions of the font size, read once per font file: with them
     * ofdrw measures text by table (CJK characters are square), where without them it looks the font up among the
     * system's fonts for every word (about 0.4 s a page of 40 lines).
     */
    private static double[] asciiWidths(Path font) {
        return WIDTHS.computeIfAbsent(font, file -> {
            double[] widths = new double[95];
            Arrays.fill(widths, 0.5);
            try {
                java.awt.Font awt = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, file.toFile())
                        .deriveFont(1000f);
                FontRenderContext context = new FontRenderContext(null, false, true);
                for (char c = 32; c <= 126; c++) {
                    widths[c - 32] = awt.getStringBounds(String.valueOf(c), context).getWidth() / 1000.0;
                }
            } catch (FontFormatException | IOException e) {
                // half width for every ASCII character, as ofdrw assumes for system fonts
            }
            return widths;
        });
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
