package cn.lantai.digitization.internal.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchRefused;
import cn.lantai.digitization.internal.images.PageProcessing;
import cn.lantai.support.OrientationPages;
import cn.lantai.support.TesseractOsdAvailable;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Orientation detected by the OCR engine (issue 11: "rotate (orientation detected by the OCR engine)"). */
class TesseractOrientationTest {

    @Test
    @ExtendWith(TesseractOsdAvailable.class)
    void tesseractTellsTheTurnThatMakesAPageScannedAnyWayUpStandUpright() {
        TesseractOrientation osd = new TesseractOrientation("tesseract", Duration.ofMinutes(1));
        BufferedImage page = OrientationPages.upright();
        for (int scannedTurned = 0; scannedTurned < 4; scannedTurned++) {
            BufferedImage scanned = PageProcessing.rotate(page, scannedTurned);
            assertThat(osd.detect(scanned)).as("a page scanned turned %d quarter(s) clockwise", scannedTurned)
                    .isEqualTo(OptionalInt.of((4 - scannedTurned) % 4));
        }
    }

    @Test
    @ExtendWith(TesseractOsdAvailable.class)
    void aBlankPageHasNoOrientationAndStaysAsScanned() {
        BufferedImage blank = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        blank.getGraphics().fillRect(0, 0, 1654, 2339);
        assertThat(new TesseractOrientation("tesseract", Duration.ofMinutes(1)).detect(blank)).isEmpty();
    }

    @Test
    void onlyAConfidentRightAngleFromTesseractsReportCounts() {
        assertThat(TesseractOrientation.parse("Page number: 0\nOrientation in degrees: 90\nRotate: 270\n"
                + "Orientation confidence: 5.35\nScript: Han\n")).hasValue(3);
        assertThat(TesseractOrientation.parse("Rotate: 180\nOrientation confidence: 0.4\n")).as("a guess").isEmpty();
        assertThat(TesseractOrientation.parse("Rotate: 45\nOrientation confidence: 9\n")).isEmpty();
        assertThat(TesseractOrientation.parse("Rotate: 99999999999999999999\nOrientation confidence: 9\n")).isEmpty();
        assertThat(TesseractOrientation.parse("Rotate: 90\nOrientation confidence: NaN\n")).isEmpty();
        assertThat(TesseractOrientation.parse("Too few characters. Skipping this page\nError during processing.\n"))
                .isEmpty();
        assertThat(TesseractOrientation.parse("")).isEmpty();
        assertThat(TesseractOrientation.parse("x".repeat(100_000))).isEmpty();
    }

    @Test
    void aTesseractThatIsMissingHangsOrCrashesLeavesThePageAsScanned(@TempDir Path dir) throws Exception {
        BufferedImage page = new BufferedImage(200, 300, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(new TesseractOrientation("/nonexistent/tesseract", Duration.ofSeconds(5)).detect(page)).isEmpty();
        assertThat(new TesseractOrientation("/nonexistent/tesseract", Duration.ofSeconds(5)).unavailable())
                .contains("tesseract-ocr-osd");
        Path hangs = script(dir.resolve("hangs.sh"), "#!/bin/sh\nexec sleep 30\n");
        assertThat(new TesseractOrientation(hangs.toString(), Duration.ofSeconds(1)).detect(page)).isEmpty();
        Path crashes = script(dir.resolve("crashes.sh"), "#!/bin/sh\necho 'Rotate: 90'\nexit 3\n");
        assertThat(new TesseractOrientation(crashes.toString(), Duration.ofSeconds(5)).detect(page)).isEmpty();
    }

    @Test
    void rotateAutoIsAnOptionAndAnythingElseButRightAnglesIsRefused() {
        assertThat(BatchOptions.rotation("auto")).isEqualTo(BatchOptions.AUTO_ROTATE);
        assertThat(BatchOptions.rotation(" AUTO ")).isEqualTo(BatchOptions.AUTO_ROTATE);
        assertThat(BatchOptions.rotation(null)).isZero();
        assertThat(BatchOptions.rotation("270")).isEqualTo(270);
        BatchOptions auto = new BatchOptions(0, false, 2, true, false, false, BatchOptions.rotation("auto"), null);
        assertThat(auto.autoRotate()).isTrue();
        assertThat(auto.processing()).isTrue();
        for (String bad : List.of("45", "-90", "360", "upside-down", "9".repeat(5000), "90.0", "１８０")) {
            assertThatThrownBy(() -> new BatchOptions(0, false, 2, true, false, false, BatchOptions.rotation(bad),
                    null)).as(bad.length() > 20 ? bad.substring(0, 20) : bad).isInstanceOf(BatchRefused.class);
        }
    }

    private static Path script(Path file, String body) throws Exception {
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
