package cn.lantai.digitization.internal.batches;

import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.BatchProblem.Code;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** DA/T 31 names: a 档号 holds '-' and '·' itself, so only the last -NNNN after a whole 档号 is a page number. */
class BatchNamingTest {

    @TempDir
    Path root;

    @Test
    void theThreeNamingsGiveEach档号ItsFilesAndPages() throws Exception {
        touch("0012-WS·2019-Y-BGS-0007/0001.jpg");
        touch("0012-WS·2019-Y-BGS-0007/0002.jpg");
        touch("0012-WS·2019-Y-BGS-0008-0001.tif");
        touch("0012-WS·2019-Y-BGS-0008-0002.tif");
        touch("0012-WS·2019-Y-0009.pdf");
        touch("0012-WS.2019-Y-BGS-0010.tiff");
        touch("scan-0001.jpg");
        touch("notes.txt");
        touch("Thumbs.db");
        Files.createDirectories(root.resolve("0012-WS·2019-Y-BGS-0011"));

        BatchNaming.Named named = BatchNaming.name(root);

        assertThat(named.codes()).containsOnlyKeys("0012-WS·2019-Y-BGS-0007", "0012-WS·2019-Y-BGS-0008",
                "0012-WS·2019-Y-0009", "0012-WS·2019-Y-BGS-0010", "0012-WS·2019-Y-BGS-0011");
        assertThat(named.codes().get("0012-WS·2019-Y-BGS-0007")).extracting(BatchFile::number)
                .containsExactlyInAnyOrder(1, 2);
        assertThat(named.codes().get("0012-WS·2019-Y-BGS-0008")).extracting(BatchFile::number)
                .containsExactlyInAnyOrder(1, 2);
        assertThat(named.codes().get("0012-WS·2019-Y-0009")).containsExactly(
                new BatchFile("0012-WS·2019-Y-0009.pdf", 0, true));
        assertThat(named.codes().get("0012-WS·2019-Y-BGS-0011")).isEmpty();
        assertThat(named.problems()).extracting(BatchProblem::code, BatchProblem::file).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Code.NO_ENTRY, "scan-0001.jpg"),
                org.assertj.core.groups.Tuple.tuple(Code.UNREADABLE, "notes.txt"));
    }

    @Test
    void aFileItemOfAVolumeKeepsItsLastGroupAsThePage() throws Exception {
        touch("0012-WS·1988-Y-BGS-0003-0012-0004.jpg");
        assertThat(BatchNaming.name(root).codes()).containsOnlyKeys("0012-WS·1988-Y-BGS-0003-0012");
    }

    private void touch(String name) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of("x"));
    }
}
