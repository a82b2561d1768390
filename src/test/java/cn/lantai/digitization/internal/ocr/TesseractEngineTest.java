package cn.lantai.digitization.internal.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantai.support.ScanRenderer;
import cn.lantai.support.TesseractAvailable;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Tesseract through its command line: Chinese joined as written, a hung process stopped at the deadline. */
class TesseractEngineTest {

    @TempDir Path dir;

    @Test
    void chineseWordsAreJoinedWithoutTheSpacesTesseractPutsBetweenGlyphs() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t
                5\t1\t1\t1\t1\t1\t100\t100\t60\t60\t95\t关于
                5\t1\t1\t1\t1\t2\t170\t100\t60\t60\t95\t社会
                5\t1\t1\t1\t1\t3\t240\t100\t60\t60\t95\t保险
                5\t1\t1\t1\t1\t4\t310\t100\t60\t60\t95\t的批复
                5\t1\t2\t1\t1\t1\t100\t300\t60\t60\t91\tGB/T
                5\t1\t2\t1\t1\t2\t170\t300\t60\t60\t91\t33190
                5\t1\t2\t1\t1\t3\t240\t300\t60\t60\t91\t2016年
                5\t1\t2\t1\t2\t1\t100\t400\t60\t60\t91\t第
                5\t1\t2\t1\t2\t2\t170\t400\t60\t60\t91\t3
                5\t1\t2\t1\t2\t3\t240\t400\t60\t60\t91\t页
                """;
        Reading reading = TesseractEngine.parseTsv(tsv);
        assertThat(reading.text()).isEqualTo("关于社会保险的批复\nGB/T 33190 2016年\n第3页");
        assertThat(reading.words()).hasSize(10);
        assertThat(reading.words().get(1).x()).isEqualTo(170);
        assertThat(reading.scaled(2.0).words().get(1).x()).isEqualTo(340);
    }

    @Test
    void malformedOutputGivesNoTextRatherThanAnError() {
        assertThat(TesseractEngine.parseTsv("").text()).isEmpty();
        assertThat(TesseractEngine.parseTsv("5\t1\t1\t1\t1\t1\tx\ty\tz\tw\t90\t字\n5\tshort\n").text())
                .isEqualTo("字");
    }

    @Test
    void aTesseractThatHangsIsStoppedAtTheDeadlineAndThePageReportedFailed() throws Exception {
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\nsleep 60\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        TesseractEngine engine = new TesseractEngine(fake.toString(), "chi_sim", Duration.ofSeconds(1));
        assertThat(engine.unavailable()).isNull();
        assertThatThrownBy(() -> engine.read(new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY), 300))
                .isInstanceOf(OcrFailed.class).hasMessageContaining("did not finish the page within 1 s");
    }

    @Test
    void aTesseractThatCrashesFailsThePageWithItsMessage() throws Exception {
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\n"
                + "echo 'Error in pixReadStream: Unknown format' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        TesseractEngine engine = new TesseractEngine(fake.toString(), "chi_sim", Duration.ofSeconds(10));
        assertThatThrownBy(() -> engine.read(new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY), 300))
                .isInstanceOf(OcrFailed.class).hasMessageContaining("Unknown format");
    }

    @Test
    void aMissingEngineOrLanguageIsNamedPlainly() throws Exception {
        assertThat(new TesseractEngine("/nonexistent/tesseract", "chi_sim", Duration.ofSeconds(5)).unavailable())
                .contains("not installed");
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\necho eng\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        assertThat(new TesseractEngine(fake.toString(), "chi_sim", Duration.ofSeconds(5)).unavailable())
                .contains("no language data chi_sim");
    }

    @Test
    @ExtendWith(TesseractAvailable.class)
    void theRealTesseractReadsARenderedChineseLine() {
        BufferedImage page = ScanRenderer.a4("区人民政府", List.of("同意你局所报方案，请认真组织实施。"), 16f, 300,
                false, 1).image();
        Reading reading = new TesseractEngine("tesseract", "chi_sim", Duration.ofMinutes(2)).read(page, 300);
        assertThat(reading.text()).contains("所报方案").doesNotContain("所 报");
        assertThat(reading.words()).isNotEmpty();
    }
}
