package cn.lantai.accession.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.accession.TransferPackage;
import cn.lantai.accession.TransferPackage.PayloadFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every manifest a bag carries is verified against the payload, whatever RFC 8493 algorithm it uses. */
class BagCheckTest {

    @TempDir
    Path dir;

    @Test
    void sha512Sha1AndMd5ManifestsAreVerifiedAndTheOneThatLiesIsNamed() throws Exception {
        byte[] content = "正文".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.pdf"), content);
        String md5 = hex("MD5", content);
        String lyingMd5 = (md5.charAt(0) == '0' ? "1" : "0") + md5.substring(1);
        TransferPackage pkg = pkg(file, Map.of("sha512", Map.of("a.pdf", hex("SHA-512", content)),
                "sha1", Map.of("a.pdf", hex("SHA-1", content)), "md5", Map.of("a.pdf", lyingMd5)));

        List<Finding> findings = new BagCheck(pkg, Map.of()).check();

        assertThat(findings).filteredOn(f -> f.code().equals("AUTH-DIGEST"))
                .extracting(Finding::result, Finding::reason, Finding::args)
                .containsExactly(tuple(Result.FAIL, "accession.check.digest-differs", List.of("md5")));
    }

    @Test
    void aPayloadVerifiedInSha512AloneHasNoFault() throws Exception {
        byte[] content = "正文".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.pdf"), content);

        List<Finding> findings = new BagCheck(pkg(file, Map.of("sha512", Map.of("a.pdf", hex("SHA-512", content)))),
                Map.of()).check();

        assertThat(findings).extracting(Finding::result).containsOnly(Result.PASS);
        assertThat(findings).extracting(Finding::code).contains("AUTH-DIGEST");
    }

    private TransferPackage pkg(Path file, Map<String, Map<String, String>> manifests) throws IOException {
        return new TransferPackage(dir, dir, List.of(), manifests, Map.of(), null, List.of(),
                List.of(new PayloadFile(file.getFileName().toString(), Files.size(file), file)), List.of(), List.of());
    }

    private static String hex(String algorithm, byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
