package cn.lantai.digitization.internal.ocr;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OCR engine ({@code lantai.digitization.ocr.engine}: {@code rapidocr}, the default for its accuracy, or
 * {@code tesseract}; docs/OCR.md has the measurements) and the pool pages are read on, sized to the cores
 * ({@code lantai.digitization.ocr.threads}, 0 for all). Orientation (a batch's {@code rotate=auto}) is Tesseract's OSD
 * for both engines: RapidOCR's own classifier tells only 0° from 180°, per line.
 */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

    @Bean
    OcrEngine ocrEngine(@Value("${lantai.digitization.ocr.engine:rapidocr}") String engine,
            @Value("${lantai.digitization.ocr.tesseract.command:tesseract}") String command,
            @Value("${lantai.digitization.ocr.tesseract.language:chi_sim}") String language,
            @Value("${lantai.digitization.ocr.timeout:PT2M}") Duration timeout,
            @Value("${lantai.digitization.ocr.rapidocr.detection-side:1024}") int detectionSide) {
        return switch (engine) {
            case "tesseract" -> new TesseractEngine(command, language, timeout);
            case "rapidocr" -> new RapidOcrEngine(Runtime.getRuntime().availableProcessors(), detectionSide,
                    new TesseractOrientation(command, timeout));
            default -> throw new IllegalStateException(
                    "lantai.digitization.ocr.engine must be tesseract or rapidocr, not " + engine);
        };
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ocrPool(@Value("${lantai.digitization.ocr.threads:0}") int threads) {
        int size = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ocr-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(size, factory);
    }
}
