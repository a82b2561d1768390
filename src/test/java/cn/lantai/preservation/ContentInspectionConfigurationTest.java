package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lantai.support.ClamAvAvailable;
import cn.lantai.support.LantaiTest;

/** The application's own inspection, as configured: the shipped archival formats and the tests' signatures. */
@LantaiTest
@ExtendWith(ClamAvAvailable.class)
class ContentInspectionConfigurationTest {

    @Autowired
    ContentInspection inspection;

    /** {@code lantai.data-dir} draws a new random folder at each look-up, so only its parent is known here. */
    private final Path testData = Path.of("target", "test-data").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theConfiguredListKeepsTextAndRefusesZip() throws IOException {
        Path text = Files.writeString(dir.resolve("说明.txt"), "移交说明");
        Path zip = Files.write(dir.resolve("包.zip"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0});

        assertThat(inspection.identify(text).archival()).isTrue();
        assertThat(inspection.identify(zip).archival()).isFalse();
    }

    @Test
    void eicarIsFoundWithTheTestSignaturesAndQuarantinedUnderTheDataDirectory() throws IOException {
        Path eicar = Files.writeString(dir.resolve("eicar.com"), ClamAvAvailable.EICAR);

        VirusScan scan = inspection.scan(eicar);
        Path held = inspection.quarantine(eicar, scan.finding());

        assertThat(scan.finding()).isEqualTo(ClamAvAvailable.EICAR_FINDING);
        assertThat(held).isAbsolute().exists();
        assertThat(held.getParent().getParent().getFileName()).hasToString("quarantine");
        assertThat(held.getParent().getParent().getParent().getParent()).isEqualTo(testData);
    }
}
