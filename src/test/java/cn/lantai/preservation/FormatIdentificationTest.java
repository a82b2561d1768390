package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DA/T 70 usability: the format is what the content says, never the name; it opens; it is on the list of archival
 * formats (GB/T 18894); no encryption, no compression. Each hostile file is named for the rule it breaks.
 */
class FormatIdentificationTest {

    @TempDir
    Path dir;

    private final ContentInspection inspection = Inspections.withClamscan("clamscan", Path.of("unused"),
            Path.of("unused"));

    @Test
    void aPdfIsAnArchivalPdfThatOpens() throws IOException {
        FormatReport report = inspection.identify(pdf("正文.pdf", null));

        assertThat(report).isEqualTo(new FormatReport("application/pdf", "PDF", true, true, false, null));
        assertThat(report.usable()).isTrue();
    }

    @Test
    void aPdfaDeclaredInItsXmpIsNamedByPartAndConformance() throws IOException {
        String asAttributes = "<rdf:Description rdf:about='' xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'"
                + " pdfaid:part='2' pdfaid:conformance='B'/>";
        String asElements = "<rdf:Description rdf:about='' xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'>"
                + "<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description>";

        assertThat(inspection.identify(pdf("a2b.pdf", asAttributes)).formatName()).isEqualTo("PDF/A-2b");
        assertThat(inspection.identify(pdf("a1a.pdf", asElements)).formatName()).isEqualTo("PDF/A-1a");
    }

    @Test
    void pdfaMetadataThatIsNotPlainIsIgnored() throws IOException {
        String hostile = "<rdf:Description rdf:about='' xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'"
                + " pdfaid:part='2&lt;script&gt;' pdfaid:conformance='bb'/>";
        String entityBomb = "x";

        assertThat(inspection.identify(pdf("hostile.pdf", hostile)).formatName()).isEqualTo("PDF");
        assertThat(inspection.identify(pdfWithXmp("bomb.pdf", "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'>"
                + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
                + "<!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'><!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'>"
                + "<!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'>]><x>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;" + entityBomb
                + "</x>")).formatName()).isEqualTo("PDF");
    }

    @Test
    void aPdfThatNeedsAPasswordIsEncryptedAndDoesNotOpen() throws IOException {
        Path locked = encryptedPdf("locked.pdf", "user-secret");

        assertThat(inspection.identify(locked))
                .isEqualTo(new FormatReport("application/pdf", "PDF", false, false, true, FormatReport.ENCRYPTED));
    }

    @Test
    void aPdfEncryptedOnlyAgainstChangesOpensButIsStillEncrypted() throws IOException {
        FormatReport report = inspection.identify(encryptedPdf("restricted.pdf", ""));

        assertThat(report.opens()).isTrue();
        assertThat(report.encrypted()).isTrue();
        assertThat(report.archival()).isFalse();
        assertThat(report.problem()).isEqualTo(FormatReport.ENCRYPTED);
    }

    @Test
    void aPdfThatIsReallyAnExecutableIsNotArchival() throws IOException {
        byte[] elf = new byte[256];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        elf[16] = 2; // e_type ET_EXEC, little-endian
        byte[] pe = new byte[512];
        pe[0] = 'M';
        pe[1] = 'Z';
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.US_ASCII), 0, pe, 128, 4);

        FormatReport asElf = inspection.identify(Files.write(dir.resolve("elf_named_pdf.pdf"), elf));
        FormatReport asPe = inspection.identify(Files.write(dir.resolve("pe_named_pdf.pdf"), pe));

        assertThat(asElf.mediaType()).isEqualTo("application/x-executable");
        assertThat(asPe.mediaType()).isEqualTo("application/x-msdownload");
        for (FormatReport report : new FormatReport[] {asElf, asPe}) {
            assertThat(report.archival()).isFalse();
            assertThat(report.problem()).isEqualTo(FormatReport.NOT_ARCHIVAL);
        }
    }

    @Test
    void theNameIsNeverConsulted() throws IOException {
        Path pdfNamedJpeg = Files.move(pdf("x.pdf", null), dir.resolve("scan_0001.jpg"));
        Path pngWithoutName = Files.move(image("png", "x.png"), dir.resolve("noextension"));

        assertThat(inspection.identify(pdfNamedJpeg).mediaType()).isEqualTo("application/pdf");
        assertThat(inspection.identify(pngWithoutName).mediaType()).isEqualTo("image/png");
    }

    @Test
    void aZeroByteFileIsEmpty() throws IOException {
        FormatReport report = inspection.identify(Files.createFile(dir.resolve("empty.pdf")));

        assertThat(report.opens()).isFalse();
        assertThat(report.archival()).isFalse();
        assertThat(report.problem()).isEqualTo(FormatReport.EMPTY);
    }

    @Test
    void aTruncatedOrCorruptPdfDoesNotOpen() throws IOException {
        byte[] whole = Files.readAllBytes(pdf("whole.pdf", null));
        Path truncated = Files.write(dir.resolve("pdf_truncated.pdf"), Arrays.copyOf(whole, whole.length / 2));
        Path corrupt = Files.writeString(dir.resolve("pdf_garbage_body.pdf"),
                "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        for (Path bad : new Path[] {truncated, corrupt}) {
            FormatReport report = inspection.identify(bad);
            assertThat(report.mediaType()).isEqualTo("application/pdf");
            assertThat(report.opens()).as(bad.getFileName().toString()).isFalse();
            assertThat(report.problem()).isEqualTo(FormatReport.UNREADABLE);
        }
    }

    /** A 3 GB file (sparse: it takes no disk) is judged from its head and tail, not read whole into memory. */
    @Test
    void aHugeTruncatedPdfIsJudgedWithoutReadingItWhole() throws IOException {
        Path huge = dir.resolve("pdf_3gb_truncated.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            file.setLength(3L << 30);
        }

        FormatReport report = inspection.identify(huge);

        assertThat(report.mediaType()).isEqualTo("application/pdf");
        assertThat(report.problem()).isEqualTo(FormatReport.UNREADABLE);
    }

    @Test
    void jpegPngAndTiffOpenByTheirHeaders() throws IOException {
        for (String format : new String[] {"jpeg", "png", "tiff"}) {
            FormatReport report = inspection.identify(image(format, "image." + format));
            assertThat(report.mediaType()).isEqualTo("image/" + format);
            assertThat(report.opens()).isTrue();
            assertThat(report.archival()).isTrue();
            assertThat(report.problem()).isNull();
        }
    }

    @Test
    void anImageCutInsideItsHeaderDoesNotOpen() throws IOException {
        byte[] png = Files.readAllBytes(image("png", "whole.png"));
        Path cut = Files.write(dir.resolve("png_cut_in_header.png"), Arrays.copyOf(png, 20));

        FormatReport report = inspection.identify(cut);

        assertThat(report.mediaType()).isEqualTo("image/png");
        assertThat(report.problem()).isEqualTo(FormatReport.UNREADABLE);
    }

    @Test
    void jpeg2000AudioAndVideoAreKnownByTheirMagic() throws IOException {
        byte[] jp2 = bytes(0, 0, 0, 0x0c, 'j', 'P', ' ', ' ', 0x0d, 0x0a, 0x87, 0x0a, 0, 0, 0, 0x14, 'f', 't', 'y', 'p',
                'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2', ' ');
        byte[] wav = concat("RIFF".getBytes(StandardCharsets.US_ASCII), bytes(36, 0, 0, 0),
                "WAVEfmt ".getBytes(StandardCharsets.US_ASCII), bytes(16, 0, 0, 0, 1, 0, 1, 0, 0x44, 0xac, 0, 0,
                        0x88, 0x58, 1, 0, 2, 0, 16, 0), "data".getBytes(StandardCharsets.US_ASCII), bytes(0, 0, 0, 0));
        byte[] mp3 = concat("ID3".getBytes(StandardCharsets.US_ASCII), bytes(3, 0, 0, 0, 0, 0, 0), new byte[64]);
        byte[] mp4 = concat(bytes(0, 0, 0, 0x18), "ftypisom".getBytes(StandardCharsets.US_ASCII), bytes(0, 0, 2, 0),
                "isommp41".getBytes(StandardCharsets.US_ASCII), new byte[32]);
        byte[] mpeg = concat(bytes(0, 0, 1, 0xba, 0x44, 0, 4, 0, 4, 1, 1, 0x89, 0xc3, 0xf8), new byte[32]);

        assertThat(inspection.identify(Files.write(dir.resolve("a"), jp2)).mediaType()).isEqualTo("image/jp2");
        assertThat(inspection.identify(Files.write(dir.resolve("b"), wav)).mediaType()).isEqualTo("audio/vnd.wave");
        assertThat(inspection.identify(Files.write(dir.resolve("c"), mp3)).mediaType()).isEqualTo("audio/mpeg");
        assertThat(inspection.identify(Files.write(dir.resolve("d"), mp4)).mediaType()).isEqualTo("video/mp4");
        assertThat(inspection.identify(Files.write(dir.resolve("e"), mpeg)).mediaType()).isEqualTo("video/mpeg");
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            assertThat(inspection.identify(dir.resolve(name)).usable()).as(name).isTrue();
        }
    }

    @Test
    void anOfdIsAZipWithOfdXmlAtItsRoot() throws IOException {
        Path ofd = zip("公文.ofd", "OFD.xml", "<?xml version='1.0' encoding='UTF-8'?>"
                + "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016' Version='1.0' DocType='OFD'>"
                + "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");

        assertThat(inspection.identify(ofd))
                .isEqualTo(new FormatReport("application/ofd", "OFD", true, true, false, null));
    }

    @Test
    void anOfdWhoseOfdXmlIsNoOfdDoesNotOpen() throws IOException {
        Path fake = zip("fake.ofd", "OFD.xml", "<html/>");
        Path broken = zip("broken.ofd", "OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'>");

        assertThat(inspection.identify(fake).problem()).isEqualTo(FormatReport.UNREADABLE);
        assertThat(inspection.identify(broken).problem()).isEqualTo(FormatReport.UNREADABLE);
    }

    @Test
    void aPlainZipIsCompressionNotAnArchivalFormat() throws IOException {
        FormatReport report = inspection.identify(zip("附件.pdf", "正文.pdf", "anything"));

        assertThat(report.mediaType()).isEqualTo("application/zip");
        assertThat(report.archival()).isFalse();
        assertThat(report.problem()).isEqualTo(FormatReport.NOT_ARCHIVAL);
    }

    @Test
    void aZipWithAnEncryptedEntryIsEncrypted() throws IOException {
        // the flag (bit 0 of the general purpose flags) set in the local and the central header, as zip tools do
        byte[] zip = Files.readAllBytes(zip("zip_encrypted_entry.zip", "OFD.xml", "<ofd:OFD/>"));
        zip[6] |= 1;
        for (int i = 0; i < zip.length - 4; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
        Path encrypted = Files.write(dir.resolve("zip_encrypted_entry.zip"), zip);

        FormatReport report = inspection.identify(encrypted);

        assertThat(report.encrypted()).isTrue();
        assertThat(report.problem()).isEqualTo(FormatReport.ENCRYPTED);
    }

    @Test
    void rarAnd7zAreNotArchival() throws IOException {
        Path rar = Files.write(dir.resolve("r"), concat("Rar!".getBytes(StandardCharsets.US_ASCII),
                bytes(0x1a, 0x07, 0x01, 0x00), new byte[32]));
        Path sevenZip = Files.write(dir.resolve("s"), concat(bytes('7', 'z', 0xbc, 0xaf, 0x27, 0x1c), new byte[32]));

        assertThat(inspection.identify(rar).problem()).isEqualTo(FormatReport.NOT_ARCHIVAL);
        assertThat(inspection.identify(sevenZip).problem()).isEqualTo(FormatReport.NOT_ARCHIVAL);
    }

    @Test
    void plainTextDecodesAsUtf8OrGb18030() throws IOException {
        String text = "关于二〇二五年度文书档案移交的说明\n全宗号 J001，共计 120 件。\n";
        Path utf8 = Files.writeString(dir.resolve("utf8.txt"), text, StandardCharsets.UTF_8);
        Path gb18030 = Files.writeString(dir.resolve("gb18030.txt"), text, Charset.forName("GB18030"));

        assertThat(inspection.identify(utf8))
                .isEqualTo(new FormatReport("text/plain", "Plain text (UTF-8)", true, true, false, null));
        assertThat(inspection.identify(gb18030))
                .isEqualTo(new FormatReport("text/plain", "Plain text (GB18030)", true, true, false, null));
    }

    @Test
    void xmlWithAnExternalEntityIsIdentifiedButTheEntityIsNeverRead() throws IOException {
        // were the entity read, its content (no XML) would break the document and it would not open
        Path secret = Files.writeString(dir.resolve("secret"), "<not-closed");
        Path xml = Files.writeString(dir.resolve("xxe.xml"), "<?xml version='1.0'?>\n<!DOCTYPE 档案 [<!ENTITY x SYSTEM '"
                + secret.toUri() + "'>]>\n<档案><题名>&x;</题名></档案>");

        FormatReport report = inspection.identify(xml);

        assertThat(report.mediaType()).isEqualTo("application/xml");
        assertThat(report.opens()).isTrue();
        assertThat(report.problem()).isNull();
    }

    @Test
    void anEntityBombDoesNotOpenAndEndsQuickly() throws IOException {
        StringBuilder bomb = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE b [<!ENTITY e0 'lol'>");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY e").append(i).append(" '").append(("&e" + (i - 1) + ";").repeat(10)).append("'>");
        }
        bomb.append("]><b>&e9;</b>");

        FormatReport report = inspection.identify(Files.writeString(dir.resolve("billion_laughs.xml"), bomb));

        assertThat(report.mediaType()).isEqualTo("application/xml");
        assertThat(report.problem()).isEqualTo(FormatReport.UNREADABLE);
    }

    @Test
    void aMissingFileOrAFolderIsRefused() {
        assertThatThrownBy(() -> inspection.identify(dir.resolve("missing"))).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> inspection.identify(dir)).isInstanceOf(UncheckedIOException.class);
    }

    /** The accession report shows each problem in Chinese and English. */
    @Test
    void everyProblemHasAChineseAndAnEnglishText() {
        ResourceBundle chinese = ResourceBundle.getBundle("i18n/messages", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH);
        for (String key : new String[] {FormatReport.EMPTY, FormatReport.ENCRYPTED, FormatReport.NOT_ARCHIVAL,
                FormatReport.UNREADABLE}) {
            assertThat(chinese.getString(key)).as(key).containsPattern("\\p{IsHan}");
            assertThat(english.getString(key)).as(key).doesNotContainPattern("\\p{IsHan}").isNotBlank();
        }
    }

    private Path pdf(String name, String xmpDescription) throws IOException {
        return xmpDescription == null ? save(name, new PDDocument()) : pdfWithXmp(name,
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + xmpDescription + "</rdf:RDF></x:xmpmeta>");
    }

    private Path pdfWithXmp(String name, String xmp) throws IOException {
        PDDocument document = new PDDocument();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);
        return save(name, document);
    }

    private Path save(String name, PDDocument document) throws IOException {
        try (document) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Lantai test record");
                content.endText();
            }
            Path file = dir.resolve(name);
            document.save(file.toFile());
            return file;
        }
    }

    private Path encryptedPdf(String name, String userPassword) throws IOException {
        Path plain = pdf("plain-" + name, null);
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            Path file = dir.resolve(name);
            document.save(file.toFile());
            return file;
        }
    }

    private Path image(String format, String name) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).as("ImageIO writes " + format).isTrue();
        return file;
    }

    private Path zip(String name, String entry, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(raw)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return file;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
