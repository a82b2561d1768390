package cn.lantai.digitization.internal.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.lantai.support.ScanRenderer;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PP-OCR through RapidOCR for Java reads a rendered Chinese line, where its native runtime loads. */
class RapidOcrEngineTest {

    @Test
    void rapidOcrReadsARenderedLineAsWrittenInReadingOrder() {
        RapidOcrEngine engine = new RapidOcrEngine(2, 0);
        String missing = engine.unavailable();
        if (missing != null || !ScanRenderer.fontAvailable()) {
            String message = "SKIPPED: RapidOCR's native runtime does not load here, or no CJK font: " + missing;
            System.out.println(message);
            assumeTrue(false, message);
        }
        BufferedImage page = ScanRenderer.a4("关于社会保险的批复", List.of("同意你局所报方案，请认真组织实施。"), 16f, 300,
                false, 1).image();
        Reading reading = engine.read(page, 300);
        assertThat(reading.text()).contains("关于社会保险的批复").contains("请认真组织实施");
        assertThat(reading.text().indexOf("批复")).isLessThan(reading.text().indexOf("同意"));
        assertThat(reading.words()).allSatisfy(w -> assertThat(w.width()).isPositive());
    }
}
