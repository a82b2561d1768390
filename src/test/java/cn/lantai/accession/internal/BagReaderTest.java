package cn.lantai.accession.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.accession.PropertyCheck.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A bag's tag files are read for what they say, and malformed or hostile ones are named, never trusted. */
class BagReaderTest {

    @TempDir
    Path bag;

    @BeforeEach
    void aBagDeclaration() throws IOException {
        Files.writeString(bag.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        Files.createDirectories(bag.resolve("data"));
    }

    @Test
    void bagInfoKeepsItsLabelsInOrderAndJoinsContinuationLines() throws IOException {
        Files.writeString(bag.resolve("bag-info.txt"), "Source-Organization: 区人民政府\n  办公室\n件数: 12\n件数: 13\n");
        Files.writeString(bag.resolve("manifest-sm3.txt"), "");

        BagReader.Bag read = new BagReader(BagReader.TAG_FILE_LIMIT).read(bag);

        assertThat(read.info()).extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("Source-Organization=区人民政府 办公室", "件数=12", "件数=13");
        assertThat(read.findings()).extracting(Finding::code, Finding::result).containsExactly(
                tuple("AUTH-BAG", Result.PASS));
    }

    @Test
    void manifestPathsArePercentDecodedAndAPathOutsideThePayloadIsNamedNotFollowed() throws IOException {
        String digest = "ab".repeat(32);
        Files.writeString(bag.resolve("manifest-sha256.txt"), digest.toUpperCase() + "  data/a%25b.pdf\n"
                + digest + "  data/../../etc/passwd\n" + digest + "  bagit.txt\n" + "not a manifest line\n"
                + digest + " /etc/shadow\n");

        BagReader.Bag read = new BagReader(BagReader.TAG_FILE_LIMIT).read(bag);

        assertThat(read.manifests().get("sha256")).containsExactly(Map.entry("a%b.pdf", digest));
        assertThat(read.findings()).filteredOn(f -> f.code().equals("SEC-PATH")).extracting(Finding::file)
                .containsExactly("data/../../etc/passwd", "bagit.txt", "not a manifest line", "/etc/shadow");
    }

    @Test
    void aManifestOfAnUnknownAlgorithmATagFileNotInUtf8AndAnOversizedOneAreNamedNotRead() throws IOException {
        Files.writeString(bag.resolve("manifest-crc32.txt"), "00000000  data/a\n");
        Files.write(bag.resolve("bag-info.txt"), "件数: 3\n".getBytes(Charset.forName("GB18030")));
        Files.writeString(bag.resolve("manifest-sm3.txt"), "x".repeat(5_000), StandardCharsets.UTF_8);

        BagReader.Bag read = new BagReader(4_096).read(bag);

        assertThat(read.findings()).extracting(Finding::code, Finding::file).contains(
                tuple("AUTH-BAG", "manifest-crc32.txt"), tuple("USE-TAG-FILE", "bag-info.txt"),
                tuple("USE-TAG-FILE", "manifest-sm3.txt"));
        assertThat(read.info()).isEmpty();
    }

    @Test
    void aBagWithoutDeclarationOrPayloadIsNamedForEach() throws IOException {
        Files.delete(bag.resolve("bagit.txt"));
        Files.delete(bag.resolve("data"));

        BagReader.Bag read = new BagReader(BagReader.TAG_FILE_LIMIT).read(bag);

        assertThat(read.findings()).extracting(Finding::reason).containsExactly("accession.check.no-bagit",
                "accession.check.no-manifest", "accession.check.no-payload");
    }

    @Test
    void tagFilesAreReadInTheEncodingBagitTxtDeclaresSuchAsGb18030() throws IOException {
        Charset gb18030 = Charset.forName("GB18030");
        Files.writeString(bag.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: GB18030\n");
        Files.write(bag.resolve("bag-info.txt"), "Source-Organization: 区人民政府办公室\n件数: 3\n".getBytes(gb18030));
        Files.write(bag.resolve("manifest-sha256.txt"), ("ab".repeat(32) + "  data/记录/1/正文.pdf\n").getBytes(gb18030));

        BagReader.Bag read = new BagReader(BagReader.TAG_FILE_LIMIT).read(bag);

        assertThat(read.findings()).extracting(Finding::code, Finding::result).containsExactly(
                tuple("AUTH-BAG", Result.PASS));
        assertThat(read.info()).extracting(e -> e.getKey() + "=" + e.getValue())
                .containsExactly("Source-Organization=区人民政府办公室", "件数=3");
        assertThat(read.manifests().get("sha256")).containsOnlyKeys("记录/1/正文.pdf");
    }

    @Test
    void anEncodingUnknownHereIsNamedAndTheTagFilesAreTriedAsUtf8() throws IOException {
        Files.writeString(bag.resolve("bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: KLINGON-8\n");
        Files.writeString(bag.resolve("bag-info.txt"), "件数: 3\n");
        Files.writeString(bag.resolve("manifest-sha256.txt"), "");

        BagReader.Bag read = new BagReader(BagReader.TAG_FILE_LIMIT).read(bag);

        assertThat(read.findings()).extracting(Finding::code, Finding::result, Finding::reason).containsExactly(
                tuple("AUTH-BAG", Result.PASS, "accession.check.bag-ok"),
                tuple("AUTH-BAG", Result.FAIL, "accession.check.unknown-encoding"));
        assertThat(read.info()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly("件数=3");
    }

    @Test
    void manifestsInSha512Sha1AndMd5BesideSha256AreReadNotRefused() throws IOException {
        for (String algorithm : List.of("sha256", "sha512", "sha1", "md5")) {
            Files.writeString(bag.resolve("manifest-" + algorithm + ".txt"), "ab  data/a.pdf\n");
        }

        BagReader.Bag read = new BagReader(BagReader.TAG_FILE_LIMIT).read(bag);

        assertThat(read.manifests()).containsOnlyKeys("md5", "sha1", "sha256", "sha512");
        assertThat(read.findings()).extracting(Finding::result).containsOnly(Result.PASS);
    }
}
