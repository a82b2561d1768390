package cn.lantai.digitization.internal.ocr;

import java.awt.image.BufferedImage;
import java.util.OptionalInt;

/**
 * An OCR engine behind one port: reads one page image into its text in reading order and its words or lines with
 * boxes. Engines: {@link TesseractEngine} (Tesseract 5, chi_sim, through its command line) and {@link RapidOcrEngine}
 * (PP-OCR models through RapidOCR for Java). Implementations may be called from several threads at once.
 */
public interface OcrEngine {

    /** The engine's name as recorded with each page's text, e.g. {@code tesseract-chi_sim}. */
    String name();

    /** Null when the engine can read; otherwise why not (not installed, language data missing), in plain words. */
    String unavailable();

    /**
     * Reads the page. {@code dpi} is the image's resolution (0 when unknown). Boxes are in the image's pixels.
     *
     * @throws OcrFailed when the engine fails, crashes or passes its deadline
     */
    Reading read(BufferedImage page, int dpi);

    /**
     * The clockwise quarter turns (0 to 3) that make the page upright, as the engine detects its orientation; empty
     * when the engine cannot tell (no orientation detector, too little text, low confidence). Never throws for a bad
     * page: a page whose orientation is unknown is left as scanned.
     */
    default OptionalInt orientation(BufferedImage page) {
        return OptionalInt.empty();
    }
}
