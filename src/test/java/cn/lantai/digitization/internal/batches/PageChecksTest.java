package cn.lantai.digitization.internal.batches;

import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.internal.images.PageSamples;
import cn.lantai.digitization.ScanFixtures;
import cn.lantai.preservation.Digests;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

        PageChecks.Checked checked = new PageChecks(1L << 30, null).check(root, "0001-WS·2019-Y-0001",
                List.of(new BatchFile(tiff.getFileName().toString(), 0, true)), BatchOptions.defaults(), null);

        assertThat(checked.problems().stream().map(p -> p.code() + " p" + p.page()))
                .containsExactly("LOW_RESOLUTION p1", "UNREADABLE p2", "LOW_RESOLUTION p3");
        assertThat(checked.pages()).extracting(p -> p.info().index()).containsExactly(0, 2);
        assertThat(checked.problems()).extracting(BatchProblem::file).containsOnly(tiff.getFileName().toString());
    }

    @Test
    void aFileSwappedForALinkAfterItsCheckIsNotWhatGetsStored(@TempDir Path staging) throws Exception {
        Path inbox = root.resolve("inbox");
        Files.createDirectories(inbox.resolve("0001-WS·2019-Y-0002"));
        Path page = inbox.resolve("0001-WS·2019-Y-0002").resolve("0001.png");
        byte[] scanned = ScanFixtures.png(300);
        Files.write(page, scanned);
        Path secret = root.resolve("secret.png");
        Files.write(secret, ScanFixtures.png(600));

        PageChecks.Checked checked = new PageChecks(1L << 30, staging).check(inbox, "0001-WS·2019-Y-0002",
                List.of(new BatchFile("0001-WS·2019-Y-0002/0001.png", 1, false)), BatchOptions.defaults(), 1);
        // someone who may write the inbox puts a link to a file the server can read in the page's place
        Files.delete(page);
        Files.createSymbolicLink(page, secret);

        assertThat(checked.problems()).isEmpty();
        Path stored = checked.pages().get(0).source();
        assertThat(stored).startsWith(staging);
        assertThat(Files.readAllBytes(stored)).isEqualTo(scanned);
        assertThat(checked.pages().get(0).sha256()).isEqualTo(Digests.of(stored).sha256());
    }

    @Test
    void aFileReadInPlaceIsHashedOnceAndStoredFromWhereItWasRead() throws Exception {
        Path page = root.resolve("0001-WS·2019-Y-0003.png");
        byte[] scanned = ScanFixtures.png(300);
        Files.write(page, scanned);
        PageChecks.Checked checked = new PageChecks(1L << 30, null).check(root, "0001-WS·2019-Y-0003",
                List.of(new BatchFile(page.getFileName().toString(), 0, true)), BatchOptions.defaults(), null);
        assertThat(checked.pages()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(page);
            assertThat(p.sha256()).isEqualTo(Digests.sha256(scanned));
        });
    }

    @Test
    void aFileGrownPastTheLimitWhileCopiedIsTooLarge(@TempDir Path staging) throws Exception {
        Path page = root.resolve("0001-WS·2019-Y-0004.png");
        Files.write(page, ScanFixtures.png(300));
        long size = Files.size(page);
        PageChecks.Checked checked = new PageChecks(size, staging).check(root, "0001-WS·2019-Y-0004",
                List.of(new BatchFile(page.getFileName().toString(), 0, true)), BatchOptions.defaults(), null);
        assertThat(checked.problems()).isEmpty();
        Files.write(page, new byte[16], StandardOpenOption.APPEND);
        PageChecks.Checked grown = new PageChecks(size, staging).check(root, "0001-WS·2019-Y-0004",
                List.of(new BatchFile(page.getFileName().toString(), 0, true)), BatchOptions.defaults(), null);
        assertThat(grown.problems()).extracting(BatchProblem::code).containsExactly(BatchProblem.Code.TOO_LARGE);
        assertThat(grown.pages()).isEmpty();
    }

    /** Spoils the compressed data of one page (its zlib header), leaving the file's directories readable. */
    static void damageStrip(Path tiff, int page) throws Exception {
        long offset;
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            // the JDK's own reader: its metadata is the standard TIFF directory
            ImageReader reader = null;
            for (var readers = ImageIO.getImageReadersByFormatName("tiff"); readers.hasNext(); ) {
                ImageReader r = readers.next();
                if (r.getClass().getName().startsWith("com.sun.imageio")) {
                    reader = r;
                }
            }
            assertThat(reader).as("the JDK's TIFF reader").isNotNull();
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
