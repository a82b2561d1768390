package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.lantai.catalog.ZipInflation;
import cn.lantai.support.Catalogues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zip-bomb guard in front of every xlsx: what an entry and a whole file may inflate to, and how far beyond the
 * compressed bytes it has read an entry may inflate, all counted while inflating.
 */
class ZipGuardTest {

    @TempDir
    Path dir;

    /** A sheet of zeros deflated about 1,000 to 1, beside a stored entry of noise that makes the file look tame. */
    private Path paddedBomb(int sheetMegabytes, int paddingMegabytes) throws IOException {
        Path file = dir.resolve("padded_bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < sheetMegabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            byte[] noise = new byte[paddingMegabytes << 20];
            new Random(8).nextBytes(noise);
            ZipEntry padding = new ZipEntry("xl/media/padding.bin");
            padding.setMethod(ZipEntry.STORED);
            padding.setSize(noise.length);
            CRC32 crc = new CRC32();
            crc.update(noise);
            padding.setCrc(crc.getValue());
            zip.putNextEntry(padding);
            zip.write(noise);
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void aBombPaddedWithIncompressibleBytesIsRefusedByItsOwnRatio() throws IOException {
        // the whole file inflates only ~60 times its size: a ratio over the whole file let this through
        Path bomb = paddedBomb(64, 1);
        assertThat(64.0 * (1 << 20) / Files.size(bomb)).isLessThan(100);
        assertThatThrownBy(() -> Sheets.open(bomb, "padded_bomb.xlsx"))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.code()).isEqualTo("import.zip-bomb"));
    }

    @Test
    void anEntryMayInflateNoFurtherThanItsCap() throws IOException {
        Path file = paddedBomb(3, 1);
        ZipInflation.Limits small = new ZipInflation.Limits(2L << 20, 100L << 20, 10_000, 1L << 20);
        assertThatThrownBy(() -> ZipGuard.check(file, small))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.args()).startsWith(2L));
    }

    @Test
    void aFileMayInflateNoFurtherThanItsCapWhateverEachEntryDoes() throws IOException {
        Path file = dir.resolve("many_entries.xlsx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] text = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>".repeat(20_000).getBytes();
            for (int i = 0; i < 8; i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + i + ".xml"));
                zip.write(text);
                zip.closeEntry();
            }
        }
        ZipInflation.Limits small = new ZipInflation.Limits(2L << 20, 4L << 20, 10_000, 1L << 20);
        assertThatThrownBy(() -> ZipGuard.check(file, small))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.args()).startsWith(4L));
    }

    @Test
    void aLargeRealCatalogueSheetPassesTheGuard() {
        Path sheet = Catalogues.standard().items("ZG01", 2019, 30_000).xlsx(dir);
        assertThatCode(() -> ZipGuard.check(sheet)).doesNotThrowAnyException();
    }
}
