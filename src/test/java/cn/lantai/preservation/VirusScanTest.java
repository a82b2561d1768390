package cn.lantai.preservation;

import static cn.lantai.support.ClamAvAvailable.EICAR;
import static cn.lantai.support.ClamAvAvailable.EICAR_FINDING;
import static cn.lantai.support.ClamAvAvailable.KNOWN_BAD;
import static cn.lantai.support.ClamAvAvailable.KNOWN_BAD_FINDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import cn.lantai.preservation.internal.inspection.Clamd;
import cn.lantai.preservation.internal.inspection.Clamscan;
import cn.lantai.preservation.internal.inspection.Quarantine;
import cn.lantai.support.ClamAvAvailable;

/** The virus check of DA/T 70's security property, by clamscan with the tests' own signatures. */
@ExtendWith(ClamAvAvailable.class)
class VirusScanTest {

    @TempDir
    Path dir;

    private ContentInspection inspection() {
        return Inspections.withClamscan("clamscan", ClamAvAvailable.database(), dir.resolve("data"));
    }

    @Test
    void theEicarTestFileIsFoundAndNamed() throws IOException {
        Path eicar = Files.writeString(dir.resolve("eicar.txt"), EICAR);

        VirusScan scan = inspection().scan(eicar);

        assertThat(scan.clean()).isFalse();
        assertThat(scan.finding()).isEqualTo(EICAR_FINDING);
        assertThat(scan.engine()).startsWith("ClamAV ");
    }

    @Test
    void aCleanFileIsCleanAndAnEmptyOneToo() throws IOException {
        Path letter = Files.writeString(dir.resolve("函.txt"), "关于移交2025年度文书档案的函");
        Path empty = Files.createFile(dir.resolve("empty"));

        assertThat(inspection().scan(letter)).isEqualTo(VirusScan.clean(inspection().scan(letter).engine()));
        assertThat(inspection().scan(empty).clean()).isTrue();
    }

    @Test
    void aFileKnownByItsDigestIsFound() throws IOException {
        Path sample = Files.write(dir.resolve("附件.bin"), KNOWN_BAD);

        assertThat(inspection().scan(sample).finding()).isEqualTo(KNOWN_BAD_FINDING);
    }

    @Test
    void chineseNamesWithSpacesColonsAndLineBreaksGetTheirOwnVerdicts() throws IOException {
        Path infected = Files.writeString(dir.resolve("2025 年度 文书: 正文.pdf"), EICAR);
        Path cleanPrefix = Files.writeString(dir.resolve("2025 年度 文书"), "clean");
        Path lineBreak = Files.writeString(dir.resolve("第一行\n第二行: OK"), EICAR);
        Path cleanLineBreak = Files.writeString(dir.resolve("a\nb"), "clean");

        Map<Path, VirusScan> scans = inspection().scanAll(List.of(infected, cleanPrefix, lineBreak, cleanLineBreak));

        assertThat(scans.get(infected).finding()).isEqualTo(EICAR_FINDING);
        assertThat(scans.get(cleanPrefix).clean()).isTrue();
        assertThat(scans.get(lineBreak).finding()).isEqualTo(EICAR_FINDING);
        assertThat(scans.get(cleanLineBreak).clean()).isTrue();
        assertThat(scans.keySet()).containsExactly(infected, cleanPrefix, lineBreak, cleanLineBreak);
    }

    /** clamscan loads its database at each start: a transfer's files go in one call, whatever their number. */
    @Test
    void fiftyFilesAreScannedInOneCall() throws IOException {
        Path calls = dir.resolve("calls");
        Path counting = Files.writeString(dir.resolve("clamscan-counting"),
                "#!/bin/sh\necho \"$1\" >> '" + calls + "'\nexec clamscan \"$@\"\n");
        Files.setPosixFilePermissions(counting, PosixFilePermissions.fromString("rwx------"));
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            files.add(Files.writeString(dir.resolve("件 " + i + ".txt"), i % 10 == 0 ? EICAR : "第" + i + "件"));
        }
        ContentInspection inspection = Inspections.withClamscan(counting.toString(), ClamAvAvailable.database(),
                dir.resolve("data"));

        Map<Path, VirusScan> scans = inspection.scanAll(files);

        assertThat(scans).hasSize(50);
        assertThat(scans.entrySet()).filteredOn(e -> !e.getValue().clean()).extracting(e -> e.getKey().getFileName()
                .toString()).containsExactlyInAnyOrder("件 10.txt", "件 20.txt", "件 30.txt", "件 40.txt", "件 50.txt");
        assertThat(Files.readAllLines(calls)).filteredOn(firstArgument -> !firstArgument.equals("--version"))
                .hasSize(1);
    }

    @Test
    void theSameFileTwiceOrByALinkIsAnsweredForEachPathGiven() throws IOException {
        Path eicar = Files.writeString(dir.resolve("eicar"), EICAR);
        Path link = Files.createSymbolicLink(dir.resolve("link"), eicar);

        Map<Path, VirusScan> scans = inspection().scanAll(List.of(eicar, link, eicar));

        assertThat(scans).containsOnlyKeys(eicar, link);
        assertThat(scans.values()).allMatch(scan -> EICAR_FINDING.equals(scan.finding()));
    }

    @Test
    void aMissingFileOrAFolderIsRefusedBeforeAnythingIsScanned() throws IOException {
        Path clean = Files.writeString(dir.resolve("clean"), "clean");

        assertThatThrownBy(() -> inspection().scanAll(List.of(clean, dir.resolve("missing"))))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> inspection().scan(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("not a regular file");
        assertThat(inspection().scanAll(List.of())).isEmpty();
    }

    @Test
    void withoutAScannerNothingPassesAsClean() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), EICAR);
        ContentInspection none = Inspections.withClamscan("/nonexistent/clamscan", ClamAvAvailable.database(), dir);

        assertThat(none.scannerAvailable()).isFalse();
        assertThatThrownBy(() -> none.scan(file)).isInstanceOf(ScannerUnavailable.class);
        assertThat(inspection().scannerAvailable()).isTrue();
    }

    /**
     * ClamAV reads no file beyond its size limits (2 GB at most, whatever the setting): a clean 2–4 GB video is not
     * scanned, which is neither clean nor a virus to quarantine, and the EICAR beside it is still found.
     */
    @Test
    void aFileBeyondTheSizeLimitIsNotScannedNeverInfectedNorClean() throws IOException {
        Path video = Files.write(dir.resolve("会议录像.mp4"), new byte[3 << 20]);
        Path eicar = Files.writeString(dir.resolve("eicar.txt"), EICAR);
        ContentInspection limited = Inspections.withClamscanLimitedTo("1M", ClamAvAvailable.database(),
                dir.resolve("data"));

        Map<Path, VirusScan> scans = limited.scanAll(List.of(video, eicar));

        assertThat(scans.get(video).state()).isEqualTo(VirusScan.State.NOT_SCANNED);
        assertThat(scans.get(video).clean()).isFalse();
        assertThat(scans.get(video).infected()).isFalse();
        assertThat(scans.get(video).finding()).isNull();
        assertThat(scans.get(video).reason()).contains("Heuristics.Limits.Exceeded");
        assertThat(scans.get(eicar).infected()).isTrue();
        assertThat(scans.get(eicar).finding()).isEqualTo(EICAR_FINDING);
    }

    @Test
    void aScanThatHangsIsStoppedAndGivesNoVerdict() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), EICAR);
        Path hanging = Files.writeString(dir.resolve("clamscan-hanging"),
                "#!/bin/sh\n[ \"$1\" = --version ] && echo 'ClamAV 1.4.6' && exit 0\nexec sleep 600\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        ContentInspection inspection = new ContentInspection(new Clamd(dir.resolve("no.sock"), Inspections.TIMEOUT),
                new Clamscan(hanging.toString(), "", "2000M", Duration.ofMillis(200)), Inspections.formats(),
                new Quarantine(dir.resolve("quarantine"), Inspections.CLOCK));

        assertThatThrownBy(() -> inspection.scan(file)).isInstanceOf(ScannerUnavailable.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void aBrokenSignatureDatabaseIsAnErrorNotAVerdict() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), EICAR);
        Path broken = Files.createDirectories(dir.resolve("broken-db"));
        Files.writeString(broken.resolve("bad.ndb"), "not a signature\n", StandardCharsets.UTF_8);
        Path missing = dir.resolve("no-db");

        assertThatThrownBy(() -> Inspections.withClamscan("clamscan", broken, dir).scan(file))
                .isInstanceOf(ScannerUnavailable.class).hasMessageContaining("exit 2");
        assertThatThrownBy(() -> Inspections.withClamscan("clamscan", missing, dir).scan(file))
                .isInstanceOf(ScannerUnavailable.class);
    }
}
