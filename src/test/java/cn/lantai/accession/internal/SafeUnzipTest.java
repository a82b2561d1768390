package cn.lantai.accession.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import cn.lantai.accession.PackageRefused;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.catalog.ZipEntryNames;
import cn.lantai.catalog.ZipInflation;
import cn.lantai.support.TransferPackageBuilder;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Unpacking a unit's transfer package never writes outside its work folder, and a hostile entry stops only itself. */
class SafeUnzipTest {

    private static final SafeUnzip.Limits DEFAULTS = new SafeUnzip.Limits(
            new ZipInflation.Limits(4L << 30, 20L << 30, 100, 1L << 20), 1_000_000);

    @TempDir
    Path dir;

    @Test
    void entriesThatWouldLeaveTheWorkFolderAreNotWrittenAndEachIsNamedOnce() throws IOException {
        Path zip = zip("ok/a.txt", "../../etc/passwd", "/etc/lantai-absolute", "C:/Windows/evil.dll",
                "data/..\\..\\..\\escape.txt", "data/./../../x.txt", "ok/\u0000nul.txt");
        Path work = dir.resolve("work");

        SafeUnzip.Unpacked unpacked = new SafeUnzip(DEFAULTS).unpack(zip, work);

        assertThat(unpacked.extracted()).containsExactly("ok/a.txt");
        assertThat(unpacked.findings()).extracting(Finding::property, Finding::code, Finding::file).containsExactly(
                tuple(Property.SECURITY, "SEC-PATH", "../../etc/passwd"),
                tuple(Property.SECURITY, "SEC-PATH", "/etc/lantai-absolute"),
                tuple(Property.SECURITY, "SEC-PATH", "C:/Windows/evil.dll"),
                tuple(Property.SECURITY, "SEC-PATH", "data/..\\..\\..\\escape.txt"),
                tuple(Property.SECURITY, "SEC-PATH", "data/./../../x.txt"),
                tuple(Property.SECURITY, "SEC-PATH", "ok/\u0000nul.txt"));
        assertThat(filesUnder(dir)).containsExactlyInAnyOrder(zip, work.resolve("ok/a.txt"));
    }

    @Test
    void aBackslashPathThatStaysInsideIsAWindowsFolderNotAFault() throws IOException {
        Path zip = zip("data\\记录\\1\\正文.pdf");

        SafeUnzip.Unpacked unpacked = new SafeUnzip(DEFAULTS).unpack(zip, dir.resolve("work"));

        assertThat(unpacked.extracted()).containsExactly("data/记录/1/正文.pdf");
        assertThat(unpacked.findings()).isEmpty();
    }

    @Test
    void aSymbolicLinkAndARepeatedNameAreNotWrittenAndTheFirstOfTheNameIsKept() throws IOException {
        Path zip = dir.resolve("links.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            write(out, "data/a.txt", "first");
            write(out, "data/./a.txt", "second");
            ZipArchiveEntry link = new ZipArchiveEntry("data/passwd");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        Path work = dir.resolve("work");

        SafeUnzip.Unpacked unpacked = new SafeUnzip(DEFAULTS).unpack(zip, work);

        assertThat(unpacked.findings()).extracting(Finding::code, Finding::file, Finding::reason).containsExactly(
                tuple("SEC-PATH", "data/a.txt", "accession.check.duplicate-entry"),
                tuple("SEC-PATH", "data/passwd", "accession.check.symlink"));
        assertThat(Files.readString(work.resolve("data/a.txt"))).isEqualTo("first");
        assertThat(Files.exists(work.resolve("data/passwd"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aNameThatNeedsAFolderWhereAFileIsOrTheOtherWayRoundIsNotWrittenAndTheRestGoOn() throws IOException {
        Path zip = zip("data/a.txt", "data/a.txt/b.txt", "data/c/d.txt", "data/c", "data/e.txt");

        SafeUnzip.Unpacked unpacked = new SafeUnzip(DEFAULTS).unpack(zip, dir.resolve("work"));

        assertThat(unpacked.findings()).extracting(Finding::code, Finding::file, Finding::reason).containsExactly(
                tuple("SEC-PATH", "data/a.txt/b.txt", "accession.check.path-clash"),
                tuple("SEC-PATH", "data/c", "accession.check.path-clash"));
        assertThat(unpacked.extracted()).containsExactly("data/a.txt", "data/c/d.txt", "data/e.txt");
    }

    @Test
    void aBombEntryIsStoppedWithinItsFirstMegabytesDeletedAndTheOtherEntriesGoOn() {
        Path zip = TransferPackageBuilder.of("TEST", 2019, 2).bomb("炸弹.bin", 512L << 20).write(dir.resolve("p.zip"));
        Path work = dir.resolve("work");

        SafeUnzip.Unpacked unpacked = new SafeUnzip(DEFAULTS).unpack(zip, work);

        assertThat(unpacked.findings()).extracting(Finding::property, Finding::code, Finding::file)
                .containsExactly(tuple(Property.SECURITY, "SEC-BOMB", "data/炸弹.bin"));
        assertThat(unpacked.withheld()).containsExactly("data/炸弹.bin");
        assertThat(work.resolve("data/炸弹.bin")).doesNotExist();
        assertThat(work.resolve("data/记录/2/正文.pdf")).isNotEmptyFile();
    }

    @Test
    void anEntryPastItsOwnCapIsStoppedEvenWhenItDoesNotCompress() throws IOException {
        Path zip = dir.resolve("big.zip");
        byte[] noise = new byte[3 << 20];
        new Random(7).nextBytes(noise);
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            write(out, "data/noise.bin", noise);
            write(out, "data/small.txt", "small".getBytes(StandardCharsets.UTF_8));
        }
        SafeUnzip small = new SafeUnzip(new SafeUnzip.Limits(new ZipInflation.Limits(2L << 20, 100L << 20, 100,
                1L << 20), 100));

        SafeUnzip.Unpacked unpacked = small.unpack(zip, dir.resolve("work"));

        assertThat(unpacked.findings()).extracting(Finding::code).containsExactly("SEC-BOMB");
        assertThat(unpacked.extracted()).containsExactly("data/small.txt");
    }

    @Test
    void aPackagePastItsTotalIsRefusedWholeAndLeavesNothing() {
        Path zip = TransferPackageBuilder.of("TEST", 2019, 3).write(dir.resolve("p.zip"));
        Path work = dir.resolve("work");
        SafeUnzip tiny = new SafeUnzip(new SafeUnzip.Limits(new ZipInflation.Limits(1L << 20, 4_000, 100, 1L << 20),
                100));

        assertThatThrownBy(() -> tiny.unpack(zip, work)).isInstanceOf(PackageRefused.class)
                .extracting(e -> ((PackageRefused) e).code()).isEqualTo("accession.package.too-large");
        assertThat(work).doesNotExist();
    }

    @Test
    void aPackageOfMoreEntriesThanAllowedIsRefusedWhole() throws IOException {
        Path zip = zip("a", "b", "c");
        SafeUnzip two = new SafeUnzip(new SafeUnzip.Limits(DEFAULTS.inflation(), 2));

        assertThatThrownBy(() -> two.unpack(zip, dir.resolve("work"))).isInstanceOf(PackageRefused.class)
                .extracting(e -> ((PackageRefused) e).code()).isEqualTo("accession.package.too-many-entries");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void aFileThatIsNoZipOrATruncatedOneIsOneClearRefusalAndLeavesNothing() throws IOException {
        Path noise = dir.resolve("noise.zip");
        byte[] bytes = new byte[10_000];
        new Random(3).nextBytes(bytes);
        Files.write(noise, bytes);
        Path full = TransferPackageBuilder.of("TEST", 2019, 2).write(dir.resolve("full.zip"));
        byte[] whole = Files.readAllBytes(full);
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));
        Path pdf = Files.write(dir.resolve("really.zip"), TransferPackageBuilder.pdf("not a zip"));

        for (Path notZip : new Path[] {noise, truncated, pdf, Files.write(dir.resolve("empty-file.zip"), new byte[0])}) {
            Path work = dir.resolve("work-" + notZip.getFileName());
            assertThatThrownBy(() -> new SafeUnzip(DEFAULTS).unpack(notZip, work)).isInstanceOf(PackageRefused.class)
                    .extracting(e -> ((PackageRefused) e).code()).isEqualTo("accession.package.not-zip");
            assertThat(work).doesNotExist();
        }
    }

    @Test
    void aZipWithoutEntriesIsRefusedAsEmpty() throws IOException {
        Path zip = dir.resolve("empty.zip");
        new ZipArchiveOutputStream(zip).close();

        assertThatThrownBy(() -> new SafeUnzip(DEFAULTS).unpack(zip, dir.resolve("work")))
                .isInstanceOf(PackageRefused.class).extracting(e -> ((PackageRefused) e).code())
                .isEqualTo("accession.package.empty");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void namesInGbkWithoutTheUtf8FlagAreReadAsGb18030AndUtf8WithoutTheFlagAsUtf8() throws IOException {
        Path gbk = dir.resolve("gbk.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(gbk)) {
            out.setEncoding("GB18030");
            out.setUseLanguageEncodingFlag(false);
            out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            write(out, "data/记录/区府办〔2019〕12号·正文.pdf", "x");
        }
        Path utf8 = dir.resolve("utf8.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(utf8)) {
            out.setEncoding("UTF-8");
            out.setUseLanguageEncodingFlag(false);
            write(out, "data/婚姻登记.pdf", "x");
        }

        assertThat(new SafeUnzip(DEFAULTS).unpack(gbk, dir.resolve("w1")).extracted())
                .containsExactly("data/记录/区府办〔2019〕12号·正文.pdf");
        assertThat(new SafeUnzip(DEFAULTS).unpack(utf8, dir.resolve("w2")).extracted())
                .containsExactly("data/婚姻登记.pdf");
        assertThat(Charset.forName("GB18030").newEncoder().canEncode("〔")).isTrue();
    }

    @Test
    void hostileNamesAreNoRelativePath() {
        assertThat(ZipEntryNames.safeRelative("a/b/../c")).isNull();
        assertThat(ZipEntryNames.safeRelative("..")).isNull();
        assertThat(ZipEntryNames.safeRelative("\\\\server\\share\\x")).isNull();
        assertThat(ZipEntryNames.safeRelative("c:x")).isNull();
        assertThat(ZipEntryNames.safeRelative("a\rb")).isNull();
        assertThat(ZipEntryNames.safeRelative("")).isNull();
        assertThat(ZipEntryNames.safeRelative("./")).isNull();
        assertThat(ZipEntryNames.safeRelative("data//./a/")).isEqualTo("data/a");
        assertThat(ZipEntryNames.safeRelative("...")).isEqualTo("...");
        assertThat(ZipEntryNames.safeRelative("a/".repeat(5_000) + "b")).endsWith("/a/b");
    }

    @Test
    void aNameTooLongForTheFileSystemIsThatEntrysNamingFaultAndTheOthersUnpack() throws IOException {
        String longFile = "data/" + "长".repeat(86) + ".pdf";
        String longFolder = "data/" + "目".repeat(90) + "/";
        String deepPath = "data/" + ("深".repeat(80) + "/").repeat(20) + "a.txt";
        String longest = "data/" + "名".repeat(85);
        Path zip = zip("ok/a.txt", longFile, longFolder, longFolder + "a.txt", deepPath, longest);

        SafeUnzip.Unpacked unpacked = new SafeUnzip(DEFAULTS).unpack(zip, dir.resolve("work"));

        assertThat(unpacked.extracted()).containsExactly("ok/a.txt", longest);
        assertThat(unpacked.findings()).extracting(Finding::code, Finding::reason, Finding::file).containsExactly(
                tuple("SEC-PATH", "accession.check.name-too-long", longFile),
                tuple("SEC-PATH", "accession.check.name-too-long", longFolder),
                tuple("SEC-PATH", "accession.check.name-too-long", longFolder + "a.txt"),
                tuple("SEC-PATH", "accession.check.name-too-long", deepPath));
        assertThat(unpacked.withheld()).containsExactly(longFile, longFolder, longFolder + "a.txt", deepPath);
    }

    @Test
    void aFailureOfTheServersOwnDiskIsThrownOnNeverBlamedOnThePackage() throws IOException {
        Path zip = zip("ok/a.txt", "ok/b.txt");
        Path work = Files.createDirectories(dir.resolve("work/ok"));
        Files.writeString(work.resolve("a.txt"), "written by something else on this server");

        assertThatThrownBy(() -> new SafeUnzip(DEFAULTS).unpack(zip, dir.resolve("work")))
                .isInstanceOf(UncheckedIOException.class).isNotInstanceOf(PackageRefused.class)
                .hasMessageContaining("cannot unpack");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    private Path zip(String... names) throws IOException {
        Path zip = dir.resolve("names.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (String name : names) {
                write(out, name, "content of " + name);
            }
        }
        return zip;
    }

    private static void write(ZipArchiveOutputStream out, String name, String text) throws IOException {
        write(out, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ZipArchiveOutputStream out, String name, byte[] bytes) throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.write(bytes);
        out.closeArchiveEntry();
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
