package cn.lantai.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key that signs checkpoints and receipts lies apart from the data directory: whoever may write there (and so
 * rewrite the trail and its checkpoint file) must not also hold what re-signs them.
 */
class AuditKeysTest {

    @Test
    void theSigningKeyIsKeptOutsideTheDataDirectoryByDefault(@TempDir Path dataDir) {
        AuditFiles files = new AuditConfiguration().auditFiles(
                new MockEnvironment().withProperty("lantai.data-dir", dataDir.toString()));

        assertThat(files.privateKey()).isEqualTo(Path.of(System.getProperty("user.home"), ".lantai", "keys",
                "sm2-key.pem").toAbsolutePath().normalize());
        assertThat(files.privateKey().startsWith(dataDir)).isFalse();
        assertThat(files.publicKey().startsWith(dataDir)).isFalse();
        assertThat(files.keyInDataDir()).isFalse();
        assertThat(files.checkpoints().startsWith(dataDir)).isTrue();
    }

    @Test
    void aKeyAnEarlierVersionMadeInTheDataDirectoryMovesOutAtTheNextStart(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("data");
        Path checkpoints = dataDir.resolve("audit").resolve("checkpoints");
        AuditKeys before = new AuditKeys(AuditFiles.of(checkpoints, dataDir.resolve("audit").resolve("sm2-key.pem"),
                dataDir));
        String line = before.signedLine(new Head(7, "a".repeat(64)));
        CheckpointLine signed = CheckpointLine.parse(line, 1).orElseThrow();

        AuditFiles moved = AuditFiles.of(checkpoints, tmp.resolve("home").resolve("sm2-key.pem"), dataDir);
        AuditKeys after = new AuditKeys(moved);

        assertThat(Files.exists(moved.privateKey())).isTrue();
        assertThat(Files.exists(moved.publicKey())).isTrue();
        assertThat(dataDir.resolve("audit").resolve("sm2-key.pem")).doesNotExist();
        assertThat(dataDir.resolve("audit").resolve("sm2-key.pub.pem")).doesNotExist();
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(after.verify(signed.body(), signed.signature())).as("it verifies what it signed before").isTrue();
    }
}
