package cn.lantai.support;

import cn.lantai.digitization.internal.ocr.TesseractOrientation;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs orientation tests where Tesseract's orientation data ({@code osd}, Debian {@code tesseract-ocr-osd}) is
 * installed beside chi_sim and a CJK font renders the pages; elsewhere they are skipped with a visible message, unless
 * {@code CI=true}: then they run and fail, as the other OCR tests do ({@link TesseractAvailable}).
 */
public class TesseractOsdAvailable implements ExecutionCondition {

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available()) {
            return ConditionEvaluationResult.enabled("tesseract with osd and chi_sim");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: orientation tests must run (and fail without osd)");
        }
        String message = "SKIPPED: no tesseract with osd and chi_sim, or no CJK font (apt-get install tesseract-ocr "
                + "tesseract-ocr-osd tesseract-ocr-chi-sim fonts-arphic-gbsn00lp); orientation tests skipped. "
                + "Under CI=true they run and fail.";
        System.out.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = TesseractAvailable.available()
                    && new TesseractOrientation("tesseract", Duration.ofSeconds(30)).unavailable() == null;
        }
        return available;
    }
}
