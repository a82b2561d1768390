package cn.lantai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs virus-scan tests where ClamAV's {@code clamscan} and {@code sigtool} are installed (Debian package
 * {@code clamav}), after writing the tests' own signature database once per run to {@link #DATABASE}: offline
 * machines have no official signatures. It holds the EICAR test string ({@code eicar.ndb}, a body signature) and the
 * SHA-256 of {@link #KNOWN_BAD} ({@code known.hsb}, made by {@code sigtool --sha256}). Where ClamAV is missing the
 * tests are skipped with a visible message, unless {@code CI=true}: then they run and fail, as the PostgreSQL tests
 * do ({@link PostgresAvailable}). application-test.yaml points {@code lantai.clamav.database} at the same folder.
 */
public class ClamAvAvailable implements ExecutionCondition {

    /** The anti-virus test file every scanner detects (eicar.org), harmless by design. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    /** Content the test database knows by its SHA-256, as a hash signature from a real sample would be. */
    public static final byte[] KNOWN_BAD = "Lantai test sample: known by its digest, harmless\n"
            .getBytes(StandardCharsets.UTF_8);
    /** The signature names clamscan reports ({@code .UNOFFICIAL} marks signatures not signed by Cisco Talos). */
    public static final String EICAR_FINDING = "Lantai.Test.EICAR.UNOFFICIAL";
    public static final String KNOWN_BAD_FINDING = "Lantai.Test.KnownBad.UNOFFICIAL";
    public static final Path DATABASE = Path.of("target", "clamav-test-db").toAbsolutePath();

    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (prepare()) {
            return ConditionEvaluationResult.enabled("clamscan with the test signatures in " + DATABASE);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: virus-scan tests must run (and will fail without ClamAV)");
        }
        String message = "SKIPPED: no clamscan/sigtool (apt-get install clamav); virus-scan tests skipped. "
                + "Under CI=true they run and fail.";
        System.out.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static synchronized boolean prepare() {
        if (available == null) {
            try {
                writeDatabase();
                available = true;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    private static void writeDatabase() throws IOException, InterruptedException {
        Files.createDirectories(DATABASE);
        String eicarHex = HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII));
        // .ndb: name:target type (0 = any file):offset (0 = at the start):hex body
        Files.writeString(DATABASE.resolve("eicar.ndb"), "Lantai.Test.EICAR:0:0:" + eicarHex + "\n");
        Path sample = DATABASE.resolve("Lantai.Test.KnownBad");
        Files.write(sample, KNOWN_BAD);
        Process sigtool = new ProcessBuilder("sigtool", "--sha256", sample.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new String(sigtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (sigtool.waitFor() != 0 || line.isEmpty()) {
            throw new IOException("sigtool failed");
        }
        Files.delete(sample);
        Files.writeString(DATABASE.resolve("known.hsb"), line + "\n");
        if (new ProcessBuilder("clamscan", "--version").start().waitFor() != 0) {
            throw new IOException("clamscan does not run");
        }
    }

    /** The folder, written if this run has not yet: for tests that build the inspection themselves. */
    public static Path database() {
        if (!prepare()) {
            throw new UncheckedIOException(new IOException("ClamAV is not installed"));
        }
        return DATABASE;
    }
}
