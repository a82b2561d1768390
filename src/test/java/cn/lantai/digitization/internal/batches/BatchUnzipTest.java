package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.ZipInflation;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchProblem.Code;
import cn.lantai.digitization.ScanFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unpacking a batch's zip with small limits: each hostile entry is left out with its reason, the rest unpacked. */
class BatchUnzipTest {

    static final BatchUnzip.Limits SMALL = new BatchUnzip.Limits(new ZipInflation.Limits(4L << 20, 16L << 20, 100,
            1L << 20), 20);

    @TempDir
    Path dir;

    @Test
    void hostileEntriesAreLeftOutWithTheirReasonAndTheRestIsUnpacked() throws Exception {
        byte[] page = ScanFixtures.png(300);
        Path zip = write(new ScanFixtures.Zip().gbk().file("第一批/0012-WS·2019-Y-BGS-0001/0001.png", page)
                .file("../../escaped.png", page).file("/tmp/absolute-batch.png", page).file("C:/windows.png", page)
                .link("link.png", "/etc/passwd").bomb("bomb.png", 64L << 20).bytes());
        Path root = dir.resolve("pages");

        List<BatchProblem> problems = new BatchUnzip(SMALL).unpack(zip, root);

        assertThat(problems).extracting(BatchProblem::code).containsExactlyInAnyOrder(Code.UNSAFE_PATH,
                Code.UNSAFE_PATH, Code.UNSAFE_PATH, Code.UNSAFE_PATH, Code.TOO_LARGE);
        assertThat(root.resolve("第一批/0012-WS·2019-Y-BGS-0001/0001.png")).hasBinaryContent(page);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("batch.zip", "0001.png");
        }
        assertThat(Path.of("/tmp/absolute-batch.png")).doesNotExist();
    }

    @Test
    void aNameTooLongForTheFileSystemIsLeftOutAndAGbkNameIsReadAsWritten() throws Exception {
        byte[] page = ScanFixtures.png(300);
        String longName = "档".repeat(86) + "案/0001.png"; // 258 bytes in UTF-8: one part past NAME_MAX
        Path zip = write(new ScanFixtures.Zip().gbk().file("文书档案/0012-WS·2019-Y-BGS-0002/0001.png", page)
                .file(longName, page).bytes());
        Path root = dir.resolve("pages");

        List<BatchProblem> problems = new BatchUnzip(SMALL).unpack(zip, root);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.UNSAFE_PATH);
            assertThat(p.file()).isEqualTo(longName);
            assertThat(p.reason()).isEqualTo("digitization.problem.zip-too-long");
        });
        assertThat(root.resolve("文书档案/0012-WS·2019-Y-BGS-0002/0001.png")).hasBinaryContent(page);
    }

    @Test
    void aZipInflatingPastItsTotalOrHoldingTooManyEntriesFailsTheBatch() throws Exception {
        ScanFixtures.Zip big = new ScanFixtures.Zip();
        for (int i = 0; i < 6; i++) {
            big.file("f" + i + ".bin", new java.util.Random(i).ints(3 << 20).collect(java.io.ByteArrayOutputStream::new,
                    (o, v) -> o.write(v), (a, b) -> { }).toByteArray());
        }
        Path total = write(big.bytes());
        assertThatThrownBy(() -> new BatchUnzip(SMALL).unpack(total, dir.resolve("a")))
                .isInstanceOfSatisfying(BatchFailure.class, e -> assertThat(e.key()).endsWith("zip-bomb"))
                .satisfies(e -> assertThat(((BatchFailure) e).args()).containsExactly(16L));

        ScanFixtures.Zip many = new ScanFixtures.Zip();
        for (int i = 0; i < 21; i++) {
            many.file("p" + i + ".png", new byte[] {1});
        }
        Path entries = write(many.bytes());
        assertThatThrownBy(() -> new BatchUnzip(SMALL).unpack(entries, dir.resolve("b")))
                .isInstanceOfSatisfying(BatchFailure.class, e -> assertThat(e.key()).endsWith("too-many-entries"))
                .satisfies(e -> assertThat(((BatchFailure) e).args()).containsExactly(20));

        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "not a zip");
        assertThatThrownBy(() -> new BatchUnzip(SMALL).unpack(notZip, dir.resolve("c")))
                .isInstanceOfSatisfying(BatchFailure.class, e -> assertThat(e.key()).endsWith("not-zip"));
    }

    private Path write(byte[] bytes) throws Exception {
        Path zip = dir.resolve("batch.zip");
        Files.write(zip, bytes);
        return zip;
    }
}
