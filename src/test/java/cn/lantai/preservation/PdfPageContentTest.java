package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DA/T 70 usability for PDF pages: every page's content is decoded to see that it opens, within a budget, so a file
 * of a few megabytes that unpacks to more than the whole heap is an unreadable PDF, not an OutOfMemoryError.
 */
class PdfPageContentTest {

    private static final int MB = 1 << 20;

    @TempDir
    Path dir;

    private final ContentInspection inspection = Inspections.withClamscan("clamscan", Path.of("unused"),
            Path.of("unused"));

    /** Bigger than the heap, so reading it whole (as PDFBox's getContents does) cannot end well. */
    @Test
    void pageContentOfCompressedZerosBeyondTheHeapIsUnreadableNotAnOutOfMemoryError() throws IOException {
        long decoded = Math.max(5L << 30, Runtime.getRuntime().maxMemory() + (1L << 30));
        Path bomb = pdf("flate_zeros_bomb.pdf", flateZeros(decoded / MB), COSName.FLATE_DECODE);

        FormatReport report = inspection.identify(bomb);

        assertThat(report.mediaType()).isEqualTo("application/pdf");
        assertThat(report.opens()).isFalse();
        assertThat(report.problem()).isEqualTo(FormatReport.UNREADABLE);
    }

    /** Each stream counts once, however many pages share it; many pages of ordinary text are well within budget. */
    @Test
    void aThousandPagesSharingOneContentStreamOpen() throws IOException {
        byte[] text = "BT /F1 12 Tf 72 720 Td (Lantai) Tj ET\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        Path shared = pdfOfPages("shared_content.pdf", deflate(text), 1000);

        FormatReport report = inspection.identify(shared);

        assertThat(report.opens()).isTrue();
        assertThat(report.problem()).isNull();
    }

    /** A chain of filters (hex over flate) decodes stage by stage; a filter PDF does not know is unreadable. */
    @Test
    void chainedFiltersAreDecodedAndAnUnknownFilterIsUnreadable() throws IOException {
        byte[] content = deflate("BT /F1 12 Tf 72 720 Td (Lantai) Tj ET".getBytes(StandardCharsets.US_ASCII));
        COSArray hexOverFlate = new COSArray();
        hexOverFlate.add(COSName.ASCII_HEX_DECODE);
        hexOverFlate.add(COSName.FLATE_DECODE);
        Path chained = pdf("hex_over_flate.pdf", hex(content), hexOverFlate);
        COSArray hexOverUnknown = new COSArray();
        hexOverUnknown.add(COSName.ASCII_HEX_DECODE);
        hexOverUnknown.add(COSName.getPDFName("LantaiSecretDecode"));
        Path broken = pdf("hex_over_unknown_filter.pdf", hex(content), hexOverUnknown);

        assertThat(inspection.identify(chained).opens()).isTrue();
        assertThat(inspection.identify(broken).problem()).isEqualTo(FormatReport.UNREADABLE);
    }

    /**
     * A zlib stream of {@code megabytes} MB of zeros without deflating them all: after a full flush the deflater
     * starts afresh, so every further megabyte compresses to the same bytes; the Adler-32 of n zeros is (n mod 65521,
     * 1).
     */
    private static byte[] flateZeros(long megabytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] zeros = new byte[MB];
        byte[] first = flush(deflater, zeros);
        byte[] next = flush(deflater, zeros);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        for (long i = 1; i < megabytes; i++) {
            out.writeBytes(next);
        }
        deflater.finish();
        byte[] end = new byte[64];
        int n = deflater.deflate(end);
        deflater.end();
        long adler = ((megabytes * MB) % 65521) << 16 | 1;
        out.write(end, 0, n - 4);
        out.writeBytes(new byte[] {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler});
        return out.toByteArray();
    }

    private static byte[] flush(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater();
        deflater.setInput(input);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.append('>').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Path pdf(String name, byte[] encoded, Object filter) throws IOException {
        return pdfOfPages(name, encoded, filter, 1);
    }

    private Path pdfOfPages(String name, byte[] deflated, int pages) throws IOException {
        return pdfOfPages(name, deflated, COSName.FLATE_DECODE, pages);
    }

    private Path pdfOfPages(String name, byte[] encoded, Object filter, int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            COSStream content = document.getDocument().createCOSStream();
            try (OutputStream raw = content.createRawOutputStream()) {
                raw.write(encoded);
            }
            content.setItem(COSName.FILTER, filter instanceof COSName n ? n : (COSArray) filter);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                page.getCOSObject().setItem(COSName.CONTENTS, content);
                document.addPage(page);
            }
            Path file = dir.resolve(name);
            document.save(file.toFile());
            return file;
        }
    }
}
