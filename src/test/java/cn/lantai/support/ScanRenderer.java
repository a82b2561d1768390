package cn.lantai.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Renders Chinese text into an A4 page image as a scanner would give it (greyscale, at a given resolution), with the
 * text actually drawn, line by line, for OCR tests and the OCR benchmark: the truth an engine's reading is compared
 * with. Uses a CJK font of the machine (文鼎简报宋 from {@code fonts-arphic-gbsn00lp}, or 文泉驿正黑).
 */
public final class ScanRenderer {

    private static final List<Path> FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    private ScanRenderer() {
    }

    /** A rendered page and the lines drawn on it, as drawn (long lines wrapped at the margin). */
    public record Page(BufferedImage image, List<String> lines) {

        public String text() {
            return String.join("\n", lines);
        }
    }

    /** True when a CJK font is installed to render with. */
    public static boolean fontAvailable() {
        return FONTS.stream().anyMatch(Files::isRegularFile);
    }

    /**
     * Draws the title (larger, centred; none if null) and the body lines at {@code points} size on an A4 page at
     * {@code dpi}, one-inch margins, wrapping lines at the right margin; with {@code noise}, a light sprinkle of
     * specks as on a photocopy.
     */
    public static Page a4(String title, List<String> body, float points, int dpi, boolean noise, long seed) {
        int width = Math.round(8.27f * dpi);
        int height = Math.round(11.69f * dpi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        List<String> drawn = new ArrayList<>();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font base = font();
            int margin = dpi;
            int y = margin;
            if (title != null) {
                g.setFont(base.deriveFont(points * 1.6f * dpi / 72f));
                FontMetrics m = g.getFontMetrics();
                y += m.getAscent();
                g.drawString(title, (width - m.stringWidth(title)) / 2, y);
                y += m.getDescent() + m.getHeight();
                drawn.add(title);
            }
            g.setFont(base.deriveFont(points * dpi / 72f));
            FontMetrics m = g.getFontMetrics();
            int lineHeight = Math.round(m.getHeight() * 1.5f);
            for (String paragraph : body) {
                for (String line : wrap(paragraph, m, width - 2 * margin)) {
                    if (y + lineHeight > height - margin) {
                        return finish(image, drawn, noise, seed);
                    }
                    y += lineHeight;
                    g.drawString(line, margin, y);
                    drawn.add(line);
                }
            }
        } finally {
            g.dispose();
        }
        return finish(image, drawn, noise, seed);
    }

    private static Page finish(BufferedImage image, List<String> drawn, boolean noise, long seed) {
        if (noise) {
            Random random = new Random(seed);
            int specks = image.getWidth() * image.getHeight() / 2000;
            for (int i = 0; i < specks; i++) {
                int x = random.nextInt(image.getWidth() - 2);
                int y = random.nextInt(image.getHeight() - 2);
                int grey = 80 + random.nextInt(120);
                image.getRaster().setSample(x, y, 0, grey);
                if (random.nextBoolean()) {
                    image.getRaster().setSample(x + 1, y, 0, grey);
                }
            }
        }
        return new Page(image, List.copyOf(drawn));
    }

    private static List<String> wrap(String text, FontMetrics m, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            line.append(text.charAt(i));
            if (m.stringWidth(line.toString()) > width) {
                line.setLength(line.length() - 1);
                lines.add(line.toString());
                line.setLength(0);
                line.append(text.charAt(i));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Font font() {
        for (Path file : FONTS) {
            if (Files.isRegularFile(file)) {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
                } catch (FontFormatException | IOException e) {
                    // try the next one
                }
            }
        }
        return new Font(Font.SERIF, Font.PLAIN, 12);
    }
}
