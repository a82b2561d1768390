package cn.lantai.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker does to a certified copy, and each is rejected by the check of the verify page, the API and the
 * offline command alike ({@link CertificateCheck#check}): one byte changed in the signed range or in the signature,
 * the signature cut off, the signature copied onto another certificate, bytes appended, a signature by another SM2
 * key added; an OFD with a changed page, an added file, appended bytes or its seal removed. The offline command also
 * runs once as a real process, with nothing but the public key.
 */
@LantaiTest
class CertificateTamperingTest {

    static final String CLERK = "tamper-clerk";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    DerivativeJob derivatives;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ArchiveSeal seal;
    @Autowired
    Staff staff;
    @Autowired
    Certificates certificates;

    @TempDir
    Path dir;

    PublicKey key;
    byte[] pdf;
    byte[] otherPdf;
    byte[] ofd;

    @BeforeEach
    void twoCertificates() throws Exception {
        assumeTrue(seal.pdfAvailable(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        staff.ensure(CLERK, "出证员", null, Classification.CONFIDENTIAL, List.of("READING_ROOM"));
        CertifiedRecords records = new CertifiedRecords(catalog, store, ledger, derivatives, jdbc, dir);
        Item item = records.scanned(records.entry("篡改测试的证明"), 1);
        Viewer clerk = Viewer.staff(CLERK, Classification.CONFIDENTIAL, true);
        String a = staff.as(CLERK, () -> certificates.issue(new Certificates.Request(item.id().value(), null, null,
                null, Purpose.WORK, "http://localhost"), clerk)).certificate().number();
        String b = staff.as(CLERK, () -> certificates.issue(new Certificates.Request(item.id().value(), null, null,
                null, Purpose.RESEARCH, "http://localhost"), clerk)).certificate().number();
        pdf = staff.as(CLERK, () -> read(certificates.file(a, "pdf", clerk)));
        ofd = staff.as(CLERK, () -> read(certificates.file(a, "ofd", clerk)));
        otherPdf = staff.as(CLERK, () -> read(certificates.file(b, "pdf", clerk)));
        key = seal.publicKey();
        assertThat(valid(pdf)).isTrue();
        assertThat(valid(otherPdf)).isTrue();
        assertThat(valid(ofd)).isTrue();
    }

    @Test
    void aChangedByteInTheSignedRangeOrInTheSignatureIsRejected() throws Exception {
        int[] range = byteRange(pdf);
        for (int at : List.of(10, range[1] / 2, range[1] - 1, range[2] + 1, pdf.length - 2)) {
            byte[] changed = pdf.clone();
            changed[at] ^= 0x01;
            assertThat(valid(changed)).as("byte %d of %d changed", at, pdf.length).isFalse();
        }
        // every part of the signature's place: the CMS (its certificate, algorithms, signer and signature value), the
        // zeros after it, and a letter's case
        for (int hex = range[1] + 1; hex < range[2] - 1; hex += hex < range[1] + 2400 ? 11 : 997) {
            byte[] signature = pdf.clone();
            signature[hex] = (byte) (signature[hex] == '0' ? '1' : '0');
            assertThat(valid(signature)).as("hex digit %d of the signature changed", hex - range[1]).isFalse();
        }
        byte[] lowerCase = pdf.clone();
        for (int hex = range[1] + 1; hex < range[2] - 1; hex++) {
            if (lowerCase[hex] >= 'A' && lowerCase[hex] <= 'F') {
                lowerCase[hex] += 'a' - 'A';
                break;
            }
        }
        assertThat(valid(lowerCase)).isFalse();
    }

    @Test
    void aSignatureCutOffOrBlankedIsRejected() throws Exception {
        int[] range = byteRange(pdf);
        assertThat(valid(Arrays.copyOf(pdf, range[1]))).isFalse();
        byte[] blank = pdf.clone();
        Arrays.fill(blank, range[1] + 1, range[2] - 1, (byte) '0');
        assertThat(valid(blank)).isFalse();
    }

    @Test
    void aSignatureCopiedOntoAnotherCertificateIsRejected() throws Exception {
        int[] from = byteRange(pdf);
        int[] to = byteRange(otherPdf);
        assertThat(from[2] - from[1]).isEqualTo(to[2] - to[1]);
        byte[] forged = otherPdf.clone();
        System.arraycopy(pdf, from[1], forged, to[1], from[2] - from[1]);
        assertThat(valid(forged)).isFalse();
    }

    @Test
    void appendedBytesAreRejected() {
        byte[] longer = Arrays.copyOf(pdf, pdf.length + 9);
        System.arraycopy("\n%%EOF\n  ".getBytes(StandardCharsets.US_ASCII), 0, longer, pdf.length, 9);
        assertThat(valid(longer)).isFalse();
        byte[] ofdLonger = Arrays.copyOf(ofd, ofd.length + 4);
        CertificateCheck.Verdict verdict = CertificateCheck.check(ofdLonger, key);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problem()).isEqualTo("access.certificate.problem.appended");
    }

    @Test
    void aPdfSignedWithAnotherSm2KeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair other = generator.generateKeyPair();
        // the archive's certificate re-signed on top by another key, and a fresh PDF signed by it alone
        assertThat(valid(signWith(pdf, other))).isFalse();
        byte[] blank;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            blank = out.toByteArray();
        }
        byte[] foreign = signWith(blank, other);
        assertThat(CertificateCheck.check(foreign, other.getPublic()).valid()).isTrue();
        assertThat(valid(foreign)).isFalse();
    }

    @Test
    void anOfdWithAChangedPageAnAddedFileOrNoSealIsRejected() throws Exception {
        String page = entries(ofd).stream().filter(n -> n.contains("Page_") && n.endsWith("Content.xml"))
                .findFirst().orElseThrow();
        byte[] changed = rewrite(ofd, page, content -> new String(content, StandardCharsets.UTF_8)
                .replaceFirst("Boundary=\"", "Boundary=\"1 ").getBytes(StandardCharsets.UTF_8), null);
        assertThat(CertificateCheck.check(changed, key).problem()).isEqualTo("access.certificate.problem.altered");

        String image = entries(ofd).stream().filter(n -> n.endsWith(".jpg") || n.endsWith(".jpeg"))
                .findFirst().orElseThrow();
        byte[] otherImage = rewrite(ofd, image, content -> {
            byte[] c = content.clone();
            c[c.length / 2] ^= 0x10;
            return c;
        }, null);
        assertThat(CertificateCheck.check(otherImage, key).valid()).isFalse();

        byte[] added = rewrite(ofd, null, null, "Doc_0/Res/extra.xml");
        assertThat(CertificateCheck.check(added, key).problem()).isEqualTo("access.certificate.problem.not-covered");

        byte[] unsealed = rewrite(ofd, "Doc_0/Signs/", content -> null, null);
        assertThat(CertificateCheck.check(unsealed, key).valid()).isFalse();
    }

    @Test
    void anOfdWhoseCentralDirectoryListsAnEntryTheLocalHeadersHideIsRejected() throws Exception {
        byte[] rewritten = rewrite(ofd, null, null, null);
        assertThat(valid(rewritten)).as("the same files written again (with data descriptors)").isTrue();

        // a junk byte before the added entry: a reader walking the local headers stops there and never sees it, one
        // reading the central directory (as most OFD viewers extract) finds it
        byte[] hidden = junkBefore(rewrite(ofd, null, null, "Doc_0/Res/extra.xml"), "Doc_0/Res/extra.xml");
        assertThat(entries(hidden)).doesNotContain("Doc_0/Res/extra.xml");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(Files.write(dir.resolve("hidden.ofd"), hidden)
                .toFile())) {
            assertThat(zip.getEntry("Doc_0/Res/extra.xml")).isNotNull();
        }
        assertThat(CertificateCheck.check(hidden, key).valid()).isFalse();

        String last = entries(rewritten).get(entries(rewritten).size() - 1);
        assertThat(CertificateCheck.check(junkBefore(rewritten, last), key).problem())
                .as("a byte between two entries").isEqualTo("access.certificate.problem.malformed");
    }

    @Test
    void theOfflineCommandNeedsOnlyThePublicKeyAndExitsOneForATamperedCopy() throws Exception {
        Path pem = Files.writeString(dir.resolve("archive.pub.pem"), seal.publicKeyPem());
        Path good = Files.write(dir.resolve("good.pdf"), pdf);
        byte[] bad = pdf.clone();
        bad[byteRange(pdf)[1] / 2] ^= 0x01;
        Path tampered = Files.write(dir.resolve("tampered.pdf"), bad);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CertificateCheck.run(new String[] {"--lantai.certificate.verify=" + tampered,
                "--lantai.certificate.key=" + pem}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT VALID", "signature");

        out.reset();
        assertThat(CertificateCheck.run(new String[] {"--lantai.certificate.verify=" + good,
                "--lantai.certificate.key=" + dir.resolve("missing.pem")}, new PrintStream(out, true,
                StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("public key");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        for (Path file : List.of(good, tampered)) {
            Process process = new ProcessBuilder(java, "-cp", classpath, "cn.lantai.LantaiApplication",
                    "--lantai.certificate.verify=" + file, "--lantai.certificate.key=" + pem)
                    .redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(printed).isEqualTo(file.equals(good) ? 0 : 1);
            assertThat(printed).contains(file.equals(good) ? "VALID:" : "NOT VALID");
        }
    }

    private boolean valid(byte[] file) {
        return CertificateCheck.check(file, key).valid();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int[] byteRange(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            return signatures.get(signatures.size() - 1).getByteRange();
        }
    }

    /** The PDF with another signature over it by the key (an incremental update), as an attacker would add it. */
    private static byte[] signWith(byte[] pdf, KeyPair pair) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(pair.getPrivate());
        X500Name name = new X500Name("CN=Not the archive");
        var certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis()
                        + 86_400_000L), name, pair.getPublic()).build(signer));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            doc.addSignature(signature, range -> {
                try {
                    CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
                    cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(BC).build()).build(signer, certificate));
                    cms.addCertificates(new JcaCertStore(List.of(certificate)));
                    return cms.generate(new CMSProcessableByteArray(range.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /**
     * The zip with one junk byte inserted before the named entry's local header, its central directory and end record
     * moved along so that the central directory still finds every entry.
     */
    private static byte[] junkBefore(byte[] zip, String name) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        int cd = in.getInt(end + 16);
        int at = -1;
        int offsetField = -1;
        for (int p = cd; p < end; p += 46 + in.getShort(p + 28) + in.getShort(p + 30) + in.getShort(p + 32)) {
            String entry = new String(zip, p + 46, in.getShort(p + 28), StandardCharsets.UTF_8);
            if (entry.equals(name)) {
                at = in.getInt(p + 42);
                offsetField = p + 42;
            }
        }
        assertThat(at).as(name).isPositive();
        byte[] out = new byte[zip.length + 1];
        System.arraycopy(zip, 0, out, 0, at);
        out[at] = 'x';
        System.arraycopy(zip, at, out, at + 1, zip.length - at);
        java.nio.ByteBuffer o = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        o.putInt(offsetField + 1, at + 1);
        o.putInt(end + 1 + 16, cd + 1);
        return out;
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /**
     * The zip with the entries whose name starts with {@code prefix} changed by {@code change} (dropped where it
     * answers null), and an entry {@code add} added.
     */
    private static byte[] rewrite(byte[] zip, String prefix, java.util.function.UnaryOperator<byte[]> change,
            String add) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (prefix != null && e.getName().startsWith(prefix)) {
                    content = change.apply(content);
                }
                if (content != null) {
                    z.putNextEntry(new ZipEntry(e.getName()));
                    z.write(content);
                    z.closeEntry();
                }
            }
            if (add != null) {
                z.putNextEntry(new ZipEntry(add));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
