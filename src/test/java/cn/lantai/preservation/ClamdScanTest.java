package cn.lantai.preservation;

import static cn.lantai.support.ClamAvAvailable.EICAR;
import static cn.lantai.support.ClamAvAvailable.EICAR_FINDING;
import static cn.lantai.support.ClamAvAvailable.KNOWN_BAD;
import static cn.lantai.support.ClamAvAvailable.KNOWN_BAD_FINDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import cn.lantai.preservation.internal.inspection.Clamd;
import cn.lantai.support.ClamAvAvailable;

/**
 * The daemon path: a real clamd (Debian's {@code clamav-daemon}) started on a socket of its own with the tests'
 * signatures, answering the INSTREAM protocol Lantai speaks. Where clamd is not installed the class is skipped with a
 * message, unless {@code CI=true}.
 */
@ExtendWith(ClamAvAvailable.class)
class ClamdScanTest {

    private static final Path CLAMD = Path.of("/usr/sbin/clamd");
    /** Small, so a test can pass it without a large file; production raises it (README). */
    private static final int STREAM_MAX = 1 << 20;

    private static Path home;
    private static Process clamd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startClamd() throws IOException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(CLAMD)) {
            System.out.println("SKIPPED: no clamd at " + CLAMD + " (apt-get install clamav-daemon); clamd tests skipped.");
        }
        assumeTrue(ci || Files.isExecutable(CLAMD), "no clamd (apt-get install clamav-daemon)");
        home = Files.createTempDirectory("lantai-clamd");
        Path config = Files.writeString(home.resolve("clamd.conf"), String.join("\n",
                "LocalSocket " + home.resolve("clamd.sock"),
                "DatabaseDirectory " + ClamAvAvailable.database(),
                "StreamMaxLength " + STREAM_MAX,
                "Foreground yes",
                "PidFile " + home.resolve("clamd.pid"),
                "LogFile " + home.resolve("clamd.log"),
                "root".equals(System.getProperty("user.name")) ? "User root" : "", ""));
        clamd = new ProcessBuilder(CLAMD.toString(), "--config-file=" + config)
                .redirectErrorStream(true).redirectOutput(home.resolve("clamd.out").toFile()).start();
        Clamd client = new Clamd(home.resolve("clamd.sock"), Inspections.TIMEOUT);
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.answers() || !clamd.isAlive());
        assertThat(clamd.isAlive()).as("clamd runs: " + home.resolve("clamd.out")).isTrue();
    }

    @AfterAll
    static void stopClamd() throws InterruptedException {
        if (clamd != null) {
            clamd.destroy();
            clamd.waitFor();
        }
    }

    private ContentInspection inspection() {
        return Inspections.withClamd(home.resolve("clamd.sock"), dir.resolve("data"));
    }

    @Test
    void clamdIsUsedWhenItAnswersEvenWithoutClamscan() throws IOException {
        Path eicar = Files.writeString(dir.resolve("病毒 样本: 1.txt"), EICAR);

        VirusScan scan = inspection().scan(eicar);

        assertThat(inspection().scannerAvailable()).isTrue();
        assertThat(scan.finding()).isEqualTo(EICAR_FINDING);
        assertThat(scan.engine()).startsWith("ClamAV ");
    }

    @Test
    void aFileOfManyChunksIsStreamedWhole() throws IOException {
        byte[] clean = new byte[STREAM_MAX - 1024];
        Arrays.fill(clean, (byte) 'a');
        Path large = Files.write(dir.resolve("large"), clean);
        Path known = Files.write(dir.resolve("known"), KNOWN_BAD);
        Path empty = Files.createFile(dir.resolve("empty"));

        Map<Path, VirusScan> scans = inspection().scanAll(List.of(large, known, empty));

        assertThat(scans.get(large).clean()).isTrue();
        assertThat(scans.get(known).finding()).isEqualTo(KNOWN_BAD_FINDING);
        assertThat(scans.get(empty).clean()).isTrue();
    }

    @Test
    void fiftyFilesAreAnsweredInOrder() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            files.add(Files.writeString(dir.resolve("件" + i), i == 7 ? EICAR : "第" + i + "件",
                    StandardCharsets.UTF_8));
        }

        Map<Path, VirusScan> scans = inspection().scanAll(files);

        assertThat(scans.keySet()).containsExactlyElementsOf(files);
        assertThat(scans.values()).filteredOn(scan -> !scan.clean()).hasSize(1);
        assertThat(scans.get(files.get(6)).finding()).isEqualTo(EICAR_FINDING);
    }

    /**
     * A file beyond clamd's StreamMaxLength gets its own "not scanned", never "clean", and the rest of the batch
     * still gets verdicts: the EICAR beside it is found.
     */
    @Test
    void aFileBeyondTheDaemonsLimitIsNotScannedAndTheOthersStillAre() throws IOException {
        Path tooLarge = Files.write(dir.resolve("too-large"), new byte[STREAM_MAX * 2]);
        Path eicar = Files.writeString(dir.resolve("eicar"), EICAR);

        Map<Path, VirusScan> scans = inspection().scanAll(List.of(tooLarge, eicar));

        assertThat(scans.get(tooLarge).notScanned()).isTrue();
        assertThat(scans.get(tooLarge).reason()).contains("StreamMaxLength");
        assertThat(scans.get(eicar).finding()).isEqualTo(EICAR_FINDING);
    }

    /**
     * Where clamscan is installed, what clamd cuts off is scanned by clamscan and gets a real verdict; beyond
     * clamscan's limits too, it stays not scanned.
     */
    @Test
    void aFileClamdCutsOffGoesToClamscan() throws IOException {
        Path large = Files.write(dir.resolve("large-clean"), new byte[STREAM_MAX * 2]);
        ContentInspection both = Inspections.withClamdAndClamscan(home.resolve("clamd.sock"),
                ClamAvAvailable.database(), "2000M", dir.resolve("data"));
        ContentInspection bothLimited = Inspections.withClamdAndClamscan(home.resolve("clamd.sock"),
                ClamAvAvailable.database(), "1M", dir.resolve("data"));

        assertThat(both.scan(large).clean()).isTrue();
        assertThat(bothLimited.scan(large).notScanned()).isTrue();
        assertThat(bothLimited.scan(large).reason()).contains("Heuristics.Limits.Exceeded");
    }

    @Test
    void aSocketNobodyListensOnIsNoScanner() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), EICAR);
        ContentInspection nobody = Inspections.withClamd(dir.resolve("nobody.sock"), dir);
        Files.createFile(dir.resolve("not-a-socket"));
        ContentInspection notASocket = Inspections.withClamd(dir.resolve("not-a-socket"), dir);

        assertThat(nobody.scannerAvailable()).isFalse();
        assertThat(notASocket.scannerAvailable()).isFalse();
        assertThatThrownBy(() -> nobody.scan(file)).isInstanceOf(ScannerUnavailable.class);
    }
}
