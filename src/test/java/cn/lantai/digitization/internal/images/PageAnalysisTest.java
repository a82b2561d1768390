package cn.lantai.digitization.internal.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.lantai.digitization.ScanPage.ColourMode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blank pages, skew, black borders and colour found on generated pages; processing that never changes its input. */
class PageAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void aPageWithOneShortLineOfTextIsNotBlank() {
        BufferedImage page = white(1240, 1754);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(PageSamples.font(30)); // about 10 pt at 150 dpi
        g.drawString(PageSamples.line().substring(0, 4), 300, 900);
        g.dispose();
        assertThat(PageAnalysis.blank(page)).isFalse();
        assertThat(PageAnalysis.blank(PageSamples.textPage(1240, 1754, 20))).isFalse();
    }

    @Test
    void aWhitePageWithScannerNoiseAFaintBorderOrBlackEdgesIsBlank() {
        assertThat(PageAnalysis.blank(white(1240, 1754))).isTrue();

        BufferedImage noisy = white(1240, 1754);
        Random random = new Random(31);
        for (int y = 0; y < noisy.getHeight(); y++) {
            for (int x = 0; x < noisy.getWidth(); x++) {
                int v = (int) Math.max(0, Math.min(255, 235 + random.nextGaussian() * 8));
                noisy.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        for (int i = 0; i < 300; i++) { // dust: isolated dark specks
            noisy.setRGB(random.nextInt(1240), random.nextInt(1754), 0);
        }
        Graphics2D g = noisy.createGraphics();
        g.setColor(new Color(205, 205, 205)); // the faint edge of the scanner's lid
        g.setStroke(new java.awt.BasicStroke(12));
        g.drawRect(20, 20, 1200, 1714);
        g.dispose();
        PageAnalysis.Ink ink = PageAnalysis.ink(noisy);
        assertThat(ink.blank()).as("ink %s", ink).isTrue();

        assertThat(PageAnalysis.blank(bordered(white(1240, 1754), 60, 40, 80, 50))).isTrue();
    }

    @Test
    void aPageRotatedByThreeDegreesReadsThreeDegreesAndDeskewsStraight() {
        BufferedImage straight = PageSamples.textPage(2480, 3508, 30); // A4 at 300 dpi
        BufferedImage skewed = PageSamples.rotated(straight, 3.0);
        double angle = PageAnalysis.skew(skewed);
        assertThat(angle).isCloseTo(3.0, within(0.5));
        assertThat(PageAnalysis.skew(straight)).isCloseTo(0.0, within(0.3));
        assertThat(PageAnalysis.skew(PageSamples.rotated(straight, -2.0))).isCloseTo(-2.0, within(0.5));

        PageAnalysis.Measures all = PageAnalysis.measure(skewed);
        assertThat(all.skew()).isEqualTo(angle);
        assertThat(all.blank()).isFalse();

        BufferedImage repaired = PageProcessing.deskew(skewed, angle);
        assertThat(PageAnalysis.skew(repaired)).isCloseTo(0.0, within(0.3));
        assertThat(PageAnalysis.skew(white(800, 1100))).isZero();
    }

    @Test
    void contentBoundsLieInsideBlackScannerBorders() {
        BufferedImage page = bordered(PageSamples.textPage(1000, 1400, 10), 60, 40, 80, 50);
        Rectangle bounds = PageAnalysis.contentBounds(page);
        assertThat(bounds.x).isBetween(60, 66);
        assertThat(bounds.y).isBetween(40, 46);
        assertThat(bounds.x + bounds.width).isBetween(914, 920);
        assertThat(bounds.y + bounds.height).isBetween(1344, 1350);
        BufferedImage cropped = PageProcessing.crop(page, bounds);
        assertThat(PageAnalysis.contentBounds(cropped))
                .isEqualTo(new Rectangle(0, 0, cropped.getWidth(), cropped.getHeight()));

        BufferedImage clean = PageSamples.textPage(1000, 1400, 10);
        assertThat(PageAnalysis.contentBounds(clean)).isEqualTo(new Rectangle(0, 0, 1000, 1400));
    }

    @Test
    void aColourScanOfABlackAndWhitePageReadsGreyscale() {
        Path file = dir.resolve("grey-in-colour.jpg");
        PageSamples.jpeg(PageSamples.textPage(827, 1169, 10), 300, false, file);
        assertThat(PageImages.probe(file).get(0).colourMode()).isEqualTo(ColourMode.COLOUR); // as the file says
        assertThat(PageAnalysis.colourMode(PageImages.decode(file, 0, 0))).isEqualTo(ColourMode.GREYSCALE);

        BufferedImage sealed = PageSamples.textPage(827, 1169, 10);
        Graphics2D g = sealed.createGraphics();
        g.setColor(new Color(200, 30, 30)); // a red seal
        g.fillOval(500, 800, 150, 150);
        g.dispose();
        assertThat(PageAnalysis.colourMode(sealed)).isEqualTo(ColourMode.COLOUR);
        assertThat(PageAnalysis.colourMode(PageSamples.as(sealed, BufferedImage.TYPE_BYTE_BINARY)))
                .isEqualTo(ColourMode.BITONAL);
    }

    @Test
    void processingReturnsNewImagesAndLeavesTheMasterUnchanged() {
        BufferedImage page = PageSamples.textPage(300, 420, 5);
        page.setRGB(0, 0, Color.RED.getRGB());
        int[] before = pixels(page);

        BufferedImage quarter = PageProcessing.rotate(page, 1);
        assertThat(quarter.getWidth()).isEqualTo(420);
        assertThat(quarter.getHeight()).isEqualTo(300);
        assertThat(quarter.getRGB(419, 0)).isEqualTo(Color.RED.getRGB()); // top left turns to top right
        assertThat(pixels(PageProcessing.rotate(quarter, -1))).isEqualTo(before);
        assertThat(pixels(PageProcessing.rotate(PageProcessing.rotate(page, 2), 2))).isEqualTo(before);
        BufferedImage bitonal = PageSamples.as(page, BufferedImage.TYPE_BYTE_BINARY);
        assertThat(pixels(PageProcessing.rotate(PageProcessing.rotate(bitonal, 3), 1))).isEqualTo(pixels(bitonal));

        BufferedImage cropped = PageProcessing.crop(page, new Rectangle(-10, -10, 50, 60));
        assertThat(cropped.getWidth()).isEqualTo(40);
        assertThat(cropped.getHeight()).isEqualTo(50);
        cropped.setRGB(5, 5, Color.BLUE.getRGB());
        PageProcessing.deskew(page, 2.5);

        assertThat(pixels(page)).as("the master's pixels").isEqualTo(before);
        assertThatThrownBy(() -> PageProcessing.crop(page, new Rectangle(400, 500, 10, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the page");
        assertThatThrownBy(() -> PageProcessing.deskew(page, 90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageProcessing.deskew(page, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage white(int width, int height) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        Arrays.fill(row, 0xFFFFFF);
        for (int y = 0; y < height; y++) {
            page.setRGB(0, y, width, 1, row, 0, width);
        }
        return page;
    }

    /** The page with near-black scanner borders of the given widths on its left, top, right and bottom. */
    private static BufferedImage bordered(BufferedImage page, int left, int top, int right, int bottom) {
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(20, 20, 20));
        int w = page.getWidth();
        int h = page.getHeight();
        g.fillRect(0, 0, left, h);
        g.fillRect(0, 0, w, top);
        g.fillRect(w - right, 0, right, h);
        g.fillRect(0, h - bottom, w, bottom);
        g.dispose();
        return page;
    }
}
