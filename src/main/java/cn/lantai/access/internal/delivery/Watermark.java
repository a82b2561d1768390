package cn.lantai.access.internal.delivery;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import cn.lantai.audit.ArchiveSeal;
import org.springframework.stereotype.Component;

/**
 * The use watermark (利用水印), burnt into the pixels of what a reader receives: the given lines (visitor, date,
 * request or certificate number) drawn diagonally, semi-transparent, over the whole page in a repeating pattern, so no
 * crop keeps a clean part of the page. The image returned is a new RGB image; what was given is not changed. Chinese
 * text uses the archive's CJK TrueType font where there is one, else the JVM's dialog font.
 */
@Component
public class Watermark {

    private final Font base;

    Watermark(ArchiveSeal seal) {
        this.base = load(seal.cjkFont());
    }

    /** The page with the lines burnt in; the text is about 1/40 of the page's longer side high. */
    public BufferedImage burn(BufferedImage page, List<String> lines) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(page, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            float size = Math.max(12f, Math.max(w, h) / 40f);
            Font font = base.deriveFont(Font.PLAIN, size);
            g.setFont(font);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.28f));
            g.setColor(new Color(0xB0, 0x10, 0x10));
            String text = String.join("  ", lines);
            int textWidth = Math.max(1, g.getFontMetrics().stringWidth(text));
            int step = (int) (size * 5);
            AffineTransform plain = g.getTransform();
            g.rotate(-Math.PI / 6, w / 2.0, h / 2.0);
            int reach = (int) Math.hypot(w, h);
            for (int y = -reach; y < reach + h; y += step) {
                int shift = (y / step) % 2 == 0 ? 0 : textWidth / 2;
                for (int x = -reach - shift; x < reach + w; x += textWidth + (int) (size * 3)) {
                    g.drawString(text, x, y);
                }
            }
            g.setTransform(plain);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Font load(Optional<Path> file) {
        if (file.isPresent()) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, file.get().toFile());
            } catch (FontFormatException | IOException e) {
                // fall through to the JVM's own font: a watermark in boxes is still a watermark
            }
        }
        return new Font(Font.DIALOG, Font.PLAIN, 12);
    }
}
