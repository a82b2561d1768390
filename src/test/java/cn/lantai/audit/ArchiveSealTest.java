package cn.lantai.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import cn.lantai.audit.internal.AuditKeys;
import cn.lantai.audit.internal.CjkFont;
import cn.lantai.audit.internal.PdfReport;
import cn.lantai.audit.internal.ReportSigner;
import cn.lantai.support.LantaiTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The archive's seal: a sealed PDF opens, reads in Chinese and verifies with the archive's public key alone (and no
 * longer once a byte changes); bytes signed by it verify and nothing else does; without a font it says so.
 */
@LantaiTest
class ArchiveSealTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @Autowired
    private ArchiveSeal seal;
    @Autowired
    private PdfReport pdfReport;
    @Autowired
    private ReportSigner signer;
    @Autowired
    private AuditKeys keys;

    @Test
    void aSealedReceiptOpensReadsInChineseAndVerifiesWithTheArchivesPublicKeyAlone() throws Exception {
        assumeTrue(seal.pdfAvailable(), "no CJK font here");
        byte[] pdf = seal.sealedPdf(receipt());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("交接文据", "移交单位：区民政局", "0012-WS·2019-Y-BGS-0007", "婚姻登记", "件数");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("交接文据");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            assertThat(signatures.get(0).getReason()).isEqualTo("交接文据");
            assertThat(signatures.get(0).getName()).isEqualTo("接收人 张三");
            assertThat(verifiesWithPublicKey(pdf, signatures.get(0))).isTrue();
        }
        assertThat(seal.verifyPdf(pdf)).isTrue();
    }

    @Test
    void aSealedPdfWithOneByteChangedNoLongerVerifies() throws Exception {
        assumeTrue(seal.pdfAvailable(), "no CJK font here");
        byte[] pdf = seal.sealedPdf(receipt());
        byte[] changed = pdf.clone();
        // a byte of the page content, inside the signed range
        int at = indexOf(changed, "stream".getBytes(StandardCharsets.US_ASCII)) + 20;
        changed[at] ^= 0x01;

        assertThat(seal.verifyPdf(changed)).isFalse();
        try (PDDocument doc = Loader.loadPDF(changed)) {
            assertThat(verifiesWithPublicKey(changed, doc.getSignatureDictionaries().get(0))).isFalse();
        }
    }

    @Test
    void somethingAppendedAfterSealingOrNoSealAtAllIsNotSealed() throws Exception {
        assumeTrue(seal.pdfAvailable(), "no CJK font here");
        byte[] pdf = seal.sealedPdf(receipt());
        byte[] appended = new byte[pdf.length + 12];
        System.arraycopy(pdf, 0, appended, 0, pdf.length);
        System.arraycopy("\n%%added%%\n".getBytes(StandardCharsets.US_ASCII), 0, appended, pdf.length, 11);

        assertThat(seal.verifyPdf(appended)).isFalse();
        assertThat(seal.verifyPdf(new byte[0])).isFalse();
        assertThat(seal.verifyPdf(null)).isFalse();
        assertThat(seal.verifyPdf("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void bytesSignedByTheSealVerifyAndChangedBytesOrForeignSignaturesDoNot() throws Exception {
        byte[] report = "{\"checks\":[{\"property\":\"AUTHENTICITY\",\"result\":\"PASS\"}],\"单位\":\"区民政局\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = seal.sign(report);

        assertThat(seal.verify(report, signature)).isTrue();
        byte[] changed = report.clone();
        changed[5] ^= 0x01;
        assertThat(seal.verify(changed, signature)).isFalse();
        assertThat(seal.verify(report, foreignSignature(report))).isFalse();
        assertThat(seal.verify(report, new byte[0])).isFalse();
        assertThat(seal.verify(report, null)).isFalse();
        assertThat(seal.verify(null, signature)).isFalse();
        assertThat(seal.verify(report, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isFalse();
        byte[] cut = new byte[signature.length / 2];
        System.arraycopy(signature, 0, cut, 0, cut.length);
        assertThat(seal.verify(report, cut)).isFalse();
        assertThat(seal.verify(new byte[0], seal.sign(new byte[0]))).isTrue();
    }

    @Test
    void theFingerprintIsTheSm3OfThePublicKeyAReaderIsGiven() throws Exception {
        String pem = seal.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").endsWith("-----END PUBLIC KEY-----\n");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        SM3Digest sm3 = new SM3Digest();
        sm3.update(der, 0, der.length);
        byte[] digest = new byte[32];
        sm3.doFinal(digest, 0);
        assertThat(seal.fingerprint()).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void withoutAFontThereIsNoPdfButSigningStillWorks(@TempDir java.nio.file.Path dir) {
        ArchiveSeal fontless = new ArchiveSeal(pdfReport, signer, new CjkFont(dir.resolve("none.ttf").toString()),
                keys);

        assertThat(fontless.pdfAvailable()).isFalse();
        assertThatThrownBy(() -> fontless.sealedPdf(receipt())).isInstanceOf(SealUnavailable.class)
                .hasMessageContaining("none.ttf").hasMessageContaining("lantai.fonts.cjk");
        byte[] content = "交接文据 SM3".getBytes(StandardCharsets.UTF_8);
        assertThat(seal.verify(content, fontless.sign(content))).isTrue();
    }

    @Test
    void hostileAndOversizedTextIsDrawnAsTextAcrossPagesAndStillSealed() throws Exception {
        assumeTrue(seal.pdfAvailable(), "no CJK font here");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            rows.add(List.of(String.valueOf(i), "<script>alert('件" + i + "')</script>", "\u0000\u0007\u202e控制"));
        }
        rows.add(java.util.Arrays.asList("401", null));
        String huge = "长".repeat(10_000);
        SealedDocument doc = new SealedDocument("四性检测报告 \uD83D\uDE00", "检测员", List.of(huge, "第二行"),
                List.of("序号", "题名", "备注"), new float[] {1, 6, 3}, rows).asLandscape();

        byte[] pdf = seal.sealedPdf(doc);

        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getNumberOfPages()).isGreaterThan(5);
            assertThat(read.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getHeight());
            String text = new PDFTextStripper().getText(read);
            assertThat(text).contains("<script>alert('件400')</script>", "第二行", "四性检测报告");
            assertThat(text).doesNotContain("\u0000");
        }
        assertThat(seal.verifyPdf(pdf)).isTrue();
    }

    @Test
    void aDocumentWhoseWidthsDoNotMatchItsColumnsIsRefused() {
        assertThatThrownBy(() -> new SealedDocument("t", "a", List.of(), List.of("一", "二"), new float[] {1}, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedDocument("t", "a", List.of(), List.of("一"), new float[] {-1}, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealedDocument.text(null, "a", List.of())).isInstanceOf(NullPointerException.class);
        assertThat(SealedDocument.text("只有文字", null, null).hasTable()).isFalse();
    }

    private static SealedDocument receipt() {
        return new SealedDocument("交接文据", "接收人 张三",
                List.of("移交单位：区民政局", "接收单位：区档案馆", "清单摘要（SM3）：" + "ab".repeat(32)),
                List.of("档号", "题名", "件数"), new float[] {4, 6, 1},
                List.of(List.of("0012-WS·2019-Y-BGS-0007", "婚姻登记", "1"),
                        List.of("0012-WS·2019-Y-BGS-0008", "关于婚姻登记工作的通知", "1")));
    }

    /** As a reader checks it: the CMS over the signed byte range, with the archive's public key from its PEM. */
    private boolean verifiesWithPublicKey(byte[] pdf, PDSignature signature) throws Exception {
        ContentInfo info;
        try (ASN1InputStream der = new ASN1InputStream(signature.getContents(pdf))) {
            info = ContentInfo.getInstance(der.readObject());
        }
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), info);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        byte[] der = Base64.getMimeDecoder().decode(seal.publicKeyPem().replaceAll("-----[A-Z ]+-----", "").strip());
        PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(der));
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(key));
        } catch (org.bouncycastle.cms.CMSException e) {
            return false;
        }
    }

    /** A well-formed CMS signature of the same content by another SM2 key: not the archive's seal. */
    private static byte[] foreignSignature(byte[] content) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        var pair = generator.generateKeyPair();
        var contentSigner = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(pair.getPrivate());
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                .build(contentSigner, new byte[] {1, 2, 3}));
        return cms.generate(new CMSProcessableByteArray(content), false).getEncoded();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
