package cn.lantai.digitization.internal.batches;

import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.internal.images.PageSamples;
import cn.lantai.digitization.ScanFixtures;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of one 档号's files, outside any batch. */
class PageChecksTest {

    @TempDir
    Path root;

    @Test
    void aPageAfterADamagedPageOfAMultiPageFileIsReportedUnderItsOwnNumber() throws Exception {
        Path tiff = root.resolve("0001-WS·2019-Y-0001.tif");
        PageSamples.tiff(List.of(ScanFixtures.page(), ScanFixtures.page(), ScanFixtures.page()), "Deflate", 150, tiff);
        damageStrip(tiff, 1);

        PageChecks.Checked checked = new PageChecks(1L << 30).check(root, "0001-WS·2019-Y-0001",
                List.of(new BatchFile(tiff.getFileName().toString(), 0, true)), BatchOptions.defaults(), null);

        assertThat(checked.problems().stream().map(p -> p.code() + " p" + p.page()))
                .containsExactly("LOW_RESOLUTION p1", "UNREADABLE p2", "LOW_RESOLUTION p3");
        assertThat(checked.pages()).extracting(p -> p.info().index()).containsExactly(0, 2);
        assertThat(checked.problems()).extracting(BatchProblem::file).containsOnly(tiff.getFileName().toString());
    }

    /** Spoils the compressed data of one page (its zlib header), leaving the file's directories readable. */
    static void damageStrip(Path tiff, int page) throws Exception {
        long offset;
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            offset = TIFFDirectory.createFromMetadata(reader.getImageMetadata(page)).getTIFFField(273).getAsLong(0);
            reader.dispose();
        }
        try (RandomAccessFile file = new RandomAccessFile(tiff.toFile(), "rw")) {
            file.seek(offset);
            file.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        }
        assertThat(Files.size(tiff)).isPositive();
    }

}
