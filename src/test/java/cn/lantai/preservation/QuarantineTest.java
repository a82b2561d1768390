package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An infected file is moved out of the way, never stored, and the reason kept beside it. */
class QuarantineTest {

    @TempDir
    Path dir;

    private ContentInspection inspection() {
        return Inspections.withClamscan("clamscan", Path.of("unused"), dir.resolve("data"));
    }

    @Test
    void theFileMovesToTodaysFolderWithItsReasonBeside() throws IOException {
        Path infected = Files.writeString(dir.resolve("2025 年度 正文.pdf"), "payload");

        Path held = inspection().quarantine(infected, "Lantai.Test.EICAR.UNOFFICIAL");

        assertThat(infected).doesNotExist();
        assertThat(held.getParent()).isEqualTo(dir.resolve("data/quarantine/2026-11-30"));
        assertThat(held.getFileName().toString()).matches("[0-9a-f-]{36}-2025 年度 正文\\.pdf");
        assertThat(held).hasContent("payload");
        Path reason = held.resolveSibling(held.getFileName() + ".reason");
        assertThat(Files.readString(reason, StandardCharsets.UTF_8)).isEqualTo("reason: Lantai.Test.EICAR.UNOFFICIAL\n"
                + "from: " + infected.toAbsolutePath() + "\nat: " + Inspections.NOW + "\n");
    }

    @Test
    void onlyTheApplicationsUserCanReachTheQuarantine() throws IOException {
        Path held = inspection().quarantine(Files.writeString(dir.resolve("x"), "payload"), "found");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(held.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/quarantine"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(held))).isEqualTo("rw-------");
    }

    @Test
    void twoFilesOfOneNameAreBothKept() throws IOException {
        Path first = inspection().quarantine(Files.writeString(dir.resolve("正文.pdf"), "one"), "found");
        Path second = inspection().quarantine(Files.writeString(dir.resolve("正文.pdf"), "two"), "found");

        assertThat(first).isNotEqualTo(second).hasContent("one");
        assertThat(second).hasContent("two");
    }

    @Test
    void aLongChineseNameIsCutToFitAndALineBreakCannotForgeTheReason() throws IOException {
        String longName = "档".repeat(83) + ".pdf"; // 253 bytes in UTF-8: fits alone, not with the uuid before it
        Path file = Files.writeString(dir.resolve(longName), "payload");

        Path held = inspection().quarantine(file, "Eicar FOUND\nreason: clean");

        assertThat(held.getFileName().toString().getBytes(StandardCharsets.UTF_8).length + ".reason".length())
                .isLessThanOrEqualTo(255);
        assertThat(held.getFileName().toString()).endsWith("档档");
        Path reason = held.resolveSibling(held.getFileName() + ".reason");
        assertThat(Files.readAllLines(reason)).first().isEqualTo("reason: Eicar FOUND reason: clean");
    }

    @Test
    void aFileThatIsNotThereIsRefused() {
        assertThatThrownBy(() -> inspection().quarantine(dir.resolve("gone"), "found"))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> inspection().quarantine(dir, "found")).isInstanceOf(UncheckedIOException.class);
    }
}
