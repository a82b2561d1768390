package cn.lantai.digitization.internal.ocr;

import cn.lantai.digitization.PageText;
import cn.lantai.digitization.internal.TempFolder;
import com.benjaminwan.ocrlibrary.OcrResult;
import com.benjaminwan.ocrlibrary.Point;
import com.benjaminwan.ocrlibrary.TextBlock;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import jakarta.annotation.PreDestroy;
import io.github.mymonstercat.ocr.config.HardwareConfig;
import io.github.mymonstercat.ocr.config.ParamConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * PP-OCRv3 (detection, direction classification, recognition) through RapidOCR for Java and the ONNX runtime, both
 * inside the Maven artefacts (unpacked to a temp folder at first use). The native engine is one per process and is
 * not known to be thread-safe, so pages go through it one at a time, each using all cores inside the runtime. It
 * gives lines (text blocks), not words: the boxes recorded are the lines' boxes. Lines come in detection order and
 * are put in reading order (top to bottom, then left to right) here.
 * <p>
 * PP-OCR's direction classifier only tells a line upright from upside down (0° or 180°), line by line, after
 * detection, and RapidOCR for Java does not report its verdict; a page turned a quarter is not found by it at all. So a
 * page's orientation is asked of Tesseract's OSD when one is given ({@link #RapidOcrEngine(int, int,
 * TesseractOrientation)}), and is unknown otherwise.
 */
public class RapidOcrEngine implements OcrEngine {

    private final int threads;
    private final int detectionSide;
    private InferenceEngine engine;
    private boolean stopped;
    private volatile String unavailable;
    private volatile boolean checked;
    private final TesseractOrientation orientation;

    /**
     * @param threads       the runtime's threads for one page
     * @param detectionSide the longest side the text detector looks at (0: the page as given); recognition always
     *                      reads the lines from the page as given
     */
    public RapidOcrEngine(int threads, int detectionSide) {
        this(threads, detectionSide, null);
    }

    /** @param orientation where a page's orientation is detected; null: never detected */
    public RapidOcrEngine(int threads, int detectionSide, TesseractOrientation orientation) {
        this.threads = Math.max(1, threads);
        this.detectionSide = detectionSide;
        this.orientation = orientation;
    }

    @Override
    public OptionalInt orientation(BufferedImage page) {
        return orientation == null ? OptionalInt.empty() : orientation.detect(page);
    }

    @Override
    public String name() {
        return "rapidocr-ppocrv3";
    }

    @Override
    public synchronized String unavailable() {
        if (!checked) {
            try {
                engine();
                unavailable = null;
            } catch (RuntimeException | LinkageError e) {
                unavailable = "RapidOCR's native runtime does not load on this machine: " + e;
            }
            checked = true;
        }
        return unavailable;
    }

    /**
     * Waits for the page being read to end and lets no other start: the ONNX runtime tears itself down when the JVM
     * exits, and a read still running in it then ends the process abnormally (seen when stopping during OCR).
     */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
    }

    private synchronized InferenceEngine engine() {
        if (engine == null) {
            engine = InferenceEngine.getInstance(Model.ONNX_PPOCR_V3, new HardwareConfig(threads, -1));
        }
        return engine;
    }

    @Override
    public Reading read(BufferedImage page, int dpi) {
        String missing = unavailable();
        if (missing != null) {
            throw new OcrFailed(missing);
        }
        Path file = null;
        try {
            file = Files.createTempFile(TempFolder.current(), "lantai-ocr-", ".bmp");
            Pgm.writeRgb(page, file);
            ParamConfig params = ParamConfig.getDefaultConfig();
            int longest = Math.max(page.getWidth(), page.getHeight());
            params.setMaxSideLen(detectionSide > 0 ? Math.min(detectionSide, longest) : longest);
            params.setDoAngle(false);
            params.setMostAngle(false);
            OcrResult result;
            synchronized (this) {
                if (stopped) {
                    throw new OcrStopped();
                }
                result = engine().runOcr(file.toString(), params);
            }
            return reading(result);
        } catch (IOException e) {
            throw new OcrFailed("RapidOCR could not read the page: " + e.getMessage(), e);
        } catch (OcrStopped e) {
            throw e;
        } catch (RuntimeException e) {
            throw e instanceof OcrFailed f ? f : new OcrFailed("RapidOCR failed: " + e, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left to the temp folder's cleaning
                }
            }
        }
    }

    private static Reading reading(OcrResult result) {
        List<PageText.Word> lines = new ArrayList<>();
        for (TextBlock block : result.getTextBlocks()) {
            String text = CjkText.tighten(block.getText());
            if (text.isEmpty() || block.getBoxPoint() == null || block.getBoxPoint().isEmpty()) {
                continue;
            }
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = 0, maxY = 0;
            for (Point p : block.getBoxPoint()) {
                minX = Math.min(minX, p.getX());
                minY = Math.min(minY, p.getY());
                maxX = Math.max(maxX, p.getX());
                maxY = Math.max(maxY, p.getY());
            }
            lines.add(new PageText.Word(text, minX, minY, maxX - minX, maxY - minY));
        }
        // reading order: lines whose middles are within half a line's height of each other are one row
        lines.sort(Comparator.comparingInt((PageText.Word w) -> w.y() + w.height() / 2).thenComparingInt(PageText.Word::x));
        List<List<PageText.Word>> rows = new ArrayList<>();
        for (PageText.Word w : lines) {
            List<PageText.Word> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null) {
                PageText.Word first = row.get(0);
                int middle = first.y() + first.height() / 2;
                if (Math.abs(w.y() + w.height() / 2 - middle) <= Math.max(first.height(), w.height()) / 2) {
                    row.add(w);
                    continue;
                }
            }
            rows.add(new ArrayList<>(List.of(w)));
        }
        List<PageText.Word> ordered = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (List<PageText.Word> row : rows) {
            row.sort(Comparator.comparingInt(PageText.Word::x));
            ordered.addAll(row);
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(CjkText.join(row.stream().map(PageText.Word::text).toList()));
        }
        return new Reading(text.toString(), ordered);
    }
}
