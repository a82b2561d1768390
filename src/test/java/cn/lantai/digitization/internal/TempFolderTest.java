package cn.lantai.digitization.internal;

import cn.lantai.digitization.ScanFixtures;
import cn.lantai.digitization.internal.images.PageImages;
import cn.lantai.support.LantaiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Working copies of page images stay inside the data directory, and a crash's leftovers go at the next start. */
@LantaiTest
class TempFolderTest {

    @Autowired
    TempFolder temp;

    @Test
    void workingCopiesOfPagesAreWrittenInsideTheDataDirectory() throws Exception {
        // the test profile's data directory is target/test-data/${random.uuid}, drawn anew at each look-up
        Path data = Path.of("target/test-data").toAbsolutePath().normalize();
        assertThat(temp.path()).startsWithRaw(data).endsWithRaw(Path.of("digitization-temp"));
        // the static callers' folder (PageImages' PDF cache, the OCR engines) is the last context's: one in production,
        // several in the test suite, each inside its own data directory
        assertThat(TempFolder.current()).startsWithRaw(data).endsWithRaw(Path.of("digitization-temp"));
        Path copy = temp.newFile("page-", ".bmp");
        assertThat(copy.getParent()).isEqualTo(temp.path());
        Files.delete(copy);
    }

    @Test
    void aPdfPageIsReadWithoutLeavingItsStreamsBehind(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        Files.write(pdf, ScanFixtures.pdf(2, 300));
        try (var before = Files.list(temp.path())) {
            long files = before.count();
            assertThat(PageImages.decode(pdf, 1, 200).getWidth()).isPositive();
            try (var after = Files.list(temp.path())) {
                assertThat(after.count()).isEqualTo(files);
            }
        }
    }

    @Test
    void whatAnEarlierRunLeftIsRemovedAtStart(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("digitization-temp");
        Files.createDirectories(folder.resolve("lantai-ocr-123"));
        Files.write(folder.resolve("lantai-ocr-123").resolve("page.pgm"), new byte[] {1, 2, 3});
        Files.write(folder.resolve("lantai-ocr-9.bmp"), new byte[] {4});

        assertThat(TempFolder.emptied(folder)).isEqualTo(folder.toAbsolutePath().normalize());

        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }
}
