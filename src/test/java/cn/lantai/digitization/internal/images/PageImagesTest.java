package cn.lantai.digitization.internal.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantai.digitization.ScanPage.ColourMode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading page images of each format Lantai accepts, and refusing damaged, hostile and oversized ones. */
class PageImagesTest {

    @TempDir
    static Path dir;

    static BufferedImage page;

    @BeforeAll
    static void page() {
        page = PageSamples.textPage(827, 1169, 12); // A4 at 100 dpi: small enough to write fast in every format
    }

    @Test
    void tiffPagesOfEachCompressionReportSizeDpiAndColour() {
        BufferedImage grey = PageSamples.as(page, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage bitonal = PageSamples.as(page, BufferedImage.TYPE_BYTE_BINARY);
        Object[][] cases = {
            {"lzw.tif", "LZW", page, ColourMode.COLOUR},
            {"deflate.tif", "Deflate", grey, ColourMode.GREYSCALE},
            {"g4.tif", "CCITT T.6", bitonal, ColourMode.BITONAL},
            {"jpeg.tif", "JPEG", page, ColourMode.COLOUR},
        };
        for (Object[] c : cases) {
            Path file = dir.resolve((String) c[0]);
            PageSamples.tiff(List.of((BufferedImage) c[2]), (String) c[1], 300, file);
            List<PageInfo> pages = PageImages.probe(file);
            assertThat(pages).as((String) c[0]).containsExactly(
                    new PageInfo(0, 827, 1169, 300, 300, (ColourMode) c[3], "image/tiff"));
            BufferedImage decoded = PageImages.decode(file, 0, 0);
            assertThat(decoded.getWidth()).isEqualTo(827);
            assertThat(decoded.getHeight()).isEqualTo(1169);
            if (!"JPEG".equals(c[1])) {
                // lossless: the pixels come back as drawn
                assertThat(decoded.getRGB(200, 200)).as((String) c[0]).isEqualTo(((BufferedImage) c[2]).getRGB(200, 200));
            }
        }
    }

    @Test
    void multiPageTiffIsOnePagePerDirectory() {
        Path file = dir.resolve("multi.tif");
        BufferedImage small = PageSamples.textPage(400, 600, 3);
        PageSamples.tiff(List.of(page, small, PageSamples.as(small, BufferedImage.TYPE_BYTE_GRAY)), "LZW", 400, file);
        List<PageInfo> pages = PageImages.probe(file);
        assertThat(pages).extracting(PageInfo::index, PageInfo::width, PageInfo::height, PageInfo::dpiX)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 827, 1169, 400),
                        org.assertj.core.groups.Tuple.tuple(1, 400, 600, 400),
                        org.assertj.core.groups.Tuple.tuple(2, 400, 600, 400));
        assertThat(pages.get(2).colourMode()).isEqualTo(ColourMode.GREYSCALE);
        assertThat(PageImages.decode(file, 1, 0).getWidth()).isEqualTo(400);
        assertThatThrownBy(() -> PageImages.decode(file, 3, 0)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("page 4 does not exist");
    }

    @Test
    void jpegBaselineProgressiveAndCmykAreRead() throws IOException {
        Path baseline = dir.resolve("page.jpg");
        PageSamples.jpeg(page, 300, false, baseline);
        assertThat(PageImages.probe(baseline))
                .containsExactly(new PageInfo(0, 827, 1169, 300, 300, ColourMode.COLOUR, "image/jpeg"));
        Path progressive = dir.resolve("progressive.jpg");
        PageSamples.jpeg(PageSamples.as(page, BufferedImage.TYPE_BYTE_GRAY), 240, true, progressive);
        assertThat(PageImages.probe(progressive))
                .containsExactly(new PageInfo(0, 827, 1169, 240, 240, ColourMode.GREYSCALE, "image/jpeg"));
        assertThat(PageImages.decode(progressive, 0, 0).getHeight()).isEqualTo(1169);

        Path cmyk = dir.resolve("cmyk.jpg");
        PageSamples.cmykJpeg(300, 200, cmyk);
        PageInfo info = PageImages.probe(cmyk).get(0);
        assertThat(info.width()).isEqualTo(300);
        assertThat(info.colourMode()).isEqualTo(ColourMode.COLOUR);
        BufferedImage decoded = PageImages.decode(cmyk, 0, 0);
        assertThat(decoded.getWidth()).isEqualTo(300);
    }

    @Test
    void resolutionComesFromExifWhereAJpegHasNoJfifAndIsZeroWhereAFileStatesNone() throws IOException {
        Path exif = dir.resolve("camera.jpg");
        PageSamples.exifJpeg(page, 400, exif);
        assertThat(PageImages.probe(exif))
                .containsExactly(new PageInfo(0, 827, 1169, 400, 400, ColourMode.COLOUR, "image/jpeg"));
        assertThat(PageImages.decode(exif, 0, 100).getHeight()).isEqualTo(98);

        Path bare = dir.resolve("bare.tif");
        Files.write(bare, bombTiff(100, 100)); // no resolution tags: the standard tree would say 72 dpi
        PageInfo info = PageImages.probe(bare).get(0);
        assertThat(info.dpiX()).isZero();
        assertThat(info.dpiY()).isZero();
    }

    @Test
    void pngReportsItsPhysDensity() {
        Path file = dir.resolve("page.png");
        PageSamples.png(PageSamples.as(page, BufferedImage.TYPE_BYTE_GRAY), 600, file);
        assertThat(PageImages.probe(file))
                .containsExactly(new PageInfo(0, 827, 1169, 600, 600, ColourMode.GREYSCALE, "image/png"));
        assertThat(PageImages.decode(file, 0, 300).getHeight()).isLessThanOrEqualTo(300);
    }

    @Test
    void jpeg2000IsReadWithItsResolutionBox() {
        Path file = dir.resolve("page.jp2");
        BufferedImage small = PageSamples.textPage(300, 420, 4);
        PageSamples.jp2(small, 300, file);
        PageInfo info = PageImages.probe(file).get(0);
        assertThat(info.dpiX()).isEqualTo(300);
        assertThat(info.dpiY()).isEqualTo(300);
        assertThat(info.width()).isEqualTo(300);
        assertThat(info.height()).isEqualTo(420);
        assertThat(info.format()).isEqualTo("image/jp2");
        assertThat(info.colourMode()).isEqualTo(ColourMode.COLOUR);
        BufferedImage decoded = PageImages.decode(file, 0, 0);
        assertThat(decoded.getWidth()).isEqualTo(300);
    }

    @Test
    void pdfPagesRenderAtTheResolutionOfTheirScans() {
        Path file = dir.resolve("scans.pdf");
        // 827 px across an A4 page (8.27 in) is 100 dpi; 2480 px would be 300
        PageSamples.pdf(List.of(page, PageSamples.as(page, BufferedImage.TYPE_BYTE_GRAY)), file);
        List<PageInfo> pages = PageImages.probe(file);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).dpiX()).isEqualTo(100);
        assertThat(pages.get(0).width()).isBetween(826, 828);
        assertThat(pages.get(0).height()).isBetween(1168, 1170);
        assertThat(pages.get(0).format()).isEqualTo("application/pdf");
        assertThat(pages.get(1).colourMode()).isEqualTo(ColourMode.GREYSCALE);
        BufferedImage rendered = PageImages.decode(file, 1, 0);
        assertThat(rendered.getWidth()).isEqualTo(pages.get(1).width());
        assertThat(rendered.getHeight()).isEqualTo(pages.get(1).height());
        BufferedImage small = PageImages.decode(file, 0, 200);
        assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(200);
    }

    @Test
    void pdfWithoutImagesRendersAt300Dpi() throws IOException {
        Path file = dir.resolve("vector.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.save(file.toFile());
        }
        PageInfo info = PageImages.probe(file).get(0);
        assertThat(info.dpiX()).isEqualTo(300);
        assertThat(info.width()).isEqualTo(2480);
        assertThat(info.height()).isEqualTo(3507);
    }

    @Test
    void regionsAndSubsamplingReadOnlyWhatIsAsked() {
        Path file = dir.resolve("region.png");
        PageSamples.png(page, 300, file);
        BufferedImage region = PageImages.decodeRegion(file, 0, new Rectangle(100, 200, 256, 256), 0);
        assertThat(region.getWidth()).isEqualTo(256);
        assertThat(region.getRGB(10, 10)).isEqualTo(page.getRGB(110, 210));
        BufferedImage clipped = PageImages.decodeRegion(file, 0, new Rectangle(800, 1100, 256, 256), 0);
        assertThat(clipped.getWidth()).isEqualTo(27);
        assertThat(clipped.getHeight()).isEqualTo(69);
        assertThatThrownBy(() -> PageImages.decodeRegion(file, 0, new Rectangle(5000, 5000, 10, 10), 0))
                .isInstanceOf(PageImages.RegionOutsidePage.class).hasMessageContaining("outside the page");
    }

    @Test
    void decodingALargePageSmallDoesNotHoldTheWholePage() {
        Path file = dir.resolve("large.tif");
        BufferedImage large = PageSamples.as(PageSamples.textPage(3000, 4000, 40), BufferedImage.TYPE_BYTE_GRAY);
        PageSamples.tiff(List.of(large), "LZW", 300, file);
        large = null;
        long before = allocated();
        BufferedImage small = PageImages.decode(file, 0, 500);
        long used = allocated() - before;
        assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(500);
        assertThat(used).as("bytes allocated to read a 12-MB page at 500 px").isLessThan(12_000_000L);
    }

    @Test
    void aTiffThatClaimsAMillionByAMillionPixelsIsRefusedFromItsHeader() throws IOException {
        Path file = dir.resolve("bomb.tif");
        Files.write(file, bombTiff(1_000_000, 1_000_000));
        assertThat(Files.size(file)).isLessThan(300);
        long before = allocated();
        assertThatThrownBy(() -> PageImages.probe(file)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("1000000 × 1000000");
        assertThatThrownBy(() -> PageImages.decode(file, 0, 1000)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("more than a page can have");
        assertThat(allocated() - before).as("bytes allocated to refuse the bomb").isLessThan(20_000_000L);
    }

    @Test
    void aPageTooLargeToDecodeAtOnceIsRefusedFromItsHeaderSoABatchNeverAttachesAPageThatCannotBeShown() {
        // 225 M pixels: it used to pass the probe (and so a batch's checks) while the viewer's pyramid, which decodes
        // the page whole, refused it on every tile
        Path file = dir.resolve("huge.tif");
        assertThatThrownBy(() -> {
            Files.write(file, bombTiff(15_000, 15_000));
            PageImages.probe(file);
        }).isInstanceOf(UnreadablePage.class).hasMessageContaining("claims 15000 × 15000")
                .hasMessageContaining("at most " + PageImages.MAX_DECODED_PIXELS);
        assertThat(PageImages.MAX_PIXELS).as("what a batch accepts, the viewer can show")
                .isLessThanOrEqualTo(PageImages.MAX_DECODED_PIXELS);
        long before = allocated();
        assertThatThrownBy(() -> PageImages.decode(file, 0, 0)).isInstanceOf(UnreadablePage.class);
        assertThat(allocated() - before).isLessThan(20_000_000L);
    }

    @Test
    void aPdfWhoseImageClaimsABombSizeIsRefused() throws IOException {
        Path file = dir.resolve("bomb.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document,
                    PageSamples.textPage(50, 70, 1));
            image.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.WIDTH, 1_000_000);
            image.getCOSObject().setInt(org.apache.pdfbox.cos.COSName.HEIGHT, 1_000_000);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, pdfPage)) {
                content.drawImage(image, 0, 0, 595, 842);
            }
            document.save(file.toFile());
        }
        assertThatThrownBy(() -> PageImages.probe(file)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("1000000 × 1000000");
        assertThatThrownBy(() -> PageImages.decode(file, 0, 500)).isInstanceOf(UnreadablePage.class);
    }

    @Test
    void aBombInsideAFormAnInlineBombAndAJpegLargerThanItsDictionarySaysAreRefused() throws IOException {
        // an image claiming a bomb size, drawn through a form inside a form
        Path inForm = dir.resolve("form-bomb.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            var image = LosslessFactory.createFromImage(document, PageSamples.textPage(50, 70, 1));
            image.getCOSObject().setInt(COSName.WIDTH, 1_000_000);
            image.getCOSObject().setInt(COSName.HEIGHT, 1_000_000);
            PDFormXObject inner = new PDFormXObject(document);
            inner.setBBox(PDRectangle.A4);
            inner.setResources(new PDResources());
            try (var content = new PDFormContentStream(inner)) {
                content.drawImage(image, 0, 0, 595, 842);
            }
            PDFormXObject outer = new PDFormXObject(document);
            outer.setBBox(PDRectangle.A4);
            outer.setResources(new PDResources());
            try (var content = new PDFormContentStream(outer)) {
                content.drawForm(inner);
            }
            try (var content = new PDPageContentStream(document, pdfPage)) {
                content.drawForm(outer);
            }
            document.save(inForm.toFile());
        }
        // an inline image claiming a bomb size
        Path inline = dir.resolve("inline-bomb.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            PDStream content = new PDStream(document);
            try (var out = content.createOutputStream()) {
                out.write(("q 595 0 0 842 0 0 cm BI /W 1000000 /H 1000000 /CS /G /BPC 8 ID ")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[64]);
                out.write(" EI Q".getBytes(StandardCharsets.ISO_8859_1));
            }
            pdfPage.setContents(content);
            document.save(inline.toFile());
        }
        // a JPEG whose dictionary says 100 × 100 but whose own header (which the decoder goes by) says 30,000²
        Path jpeg = dir.resolve("small.jpg");
        PageSamples.jpeg(PageSamples.textPage(100, 100, 1), 300, false, jpeg);
        byte[] bytes = Files.readAllBytes(jpeg);
        for (int i = 2; i < bytes.length - 9; i++) {
            if ((bytes[i] & 0xff) == 0xFF && (bytes[i + 1] & 0xff) == 0xC0) {
                bytes[i + 5] = (byte) (30_000 >> 8);
                bytes[i + 6] = (byte) 30_000;
                bytes[i + 7] = (byte) (30_000 >> 8);
                bytes[i + 8] = (byte) 30_000;
                break;
            }
        }
        Path lying = dir.resolve("lying-jpeg.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            PDImageXObject image = JPEGFactory.createFromByteArray(document, bytes);
            image.getCOSObject().setInt(COSName.WIDTH, 100);
            image.getCOSObject().setInt(COSName.HEIGHT, 100);
            try (var content = new PDPageContentStream(document, pdfPage)) {
                content.drawImage(image, 0, 0, 595, 842);
            }
            document.save(lying.toFile());
        }
        for (Path file : List.of(inForm, inline, lying)) {
            assertThatThrownBy(() -> PageImages.probe(file)).as(file.getFileName().toString())
                    .isInstanceOf(UnreadablePage.class).hasMessageContaining("more than a page can have");
            assertThatThrownBy(() -> PageImages.decode(file, 0, 0)).as(file.getFileName().toString())
                    .isInstanceOf(UnreadablePage.class);
        }
    }

    @Test
    void formatsAreToldByTheirFirstBytesAndResolutionsReadFromTheirOwnMetadataInTheirOwnPlaces() throws IOException {
        Path pngNamedJpeg = dir.resolve("really-a-png.jpg");
        PageSamples.png(page, 400, pngNamedJpeg);
        assertThat(ImageFormats.format(pngNamedJpeg)).isEqualTo(ImageFormats.Format.PNG);
        Path pdfNamedTiff = dir.resolve("really-a-pdf.tif");
        PageSamples.pdf(List.of(page), pdfNamedTiff);
        assertThat(ImageFormats.format(pdfNamedTiff)).isEqualTo(ImageFormats.Format.PDF);
        Path text = Files.writeString(dir.resolve("notes.tif"), "not an image");
        assertThatThrownBy(() -> ImageFormats.format(text)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("not a page image format");
        assertThat(Resolutions.dpi(null)).containsExactly(0, 0);
        assertThat(PageImages.probe(pngNamedJpeg).get(0).dpiX()).isEqualTo(400);
    }

    @Test
    void aTruncatedJpegIsUnreadableNotGreyFilled() throws IOException {
        Path whole = dir.resolve("whole.jpg");
        PageSamples.jpeg(page, 300, false, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThatThrownBy(() -> PageImages.probe(cut)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> PageImages.decode(cut, 0, 0)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("truncated");

        // cut, then given an end marker: the decoder's own warning still gives the damage away
        byte[] patched = Arrays.copyOf(bytes, bytes.length * 2 / 3 + 2);
        patched[patched.length - 2] = (byte) 0xFF;
        patched[patched.length - 1] = (byte) 0xD9;
        Path ended = dir.resolve("cut-and-ended.jpg");
        Files.write(ended, patched);
        assertThatThrownBy(() -> PageImages.decode(ended, 0, 0)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void damagedAndForeignFilesAreUnreadableWithAReason() throws IOException {
        Path png = dir.resolve("good.png");
        PageSamples.png(page, 300, png);
        byte[] bytes = Files.readAllBytes(png);
        bytes[bytes.length / 2] ^= 0x5A;
        Path damaged = dir.resolve("damaged.png");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> PageImages.probe(damaged)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("damaged PNG");
        Path truncatedPng = dir.resolve("truncated.png");
        Files.write(truncatedPng, Arrays.copyOf(Files.readAllBytes(png), 2000));
        assertThatThrownBy(() -> PageImages.decode(truncatedPng, 0, 0)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("truncated PNG");

        Path empty = dir.resolve("empty.tif");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> PageImages.probe(empty)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("empty");

        byte[] noise = new byte[10_000];
        new Random(11).nextBytes(noise);
        noise[0] = 'x';
        Path random = dir.resolve("random.jpg");
        Files.write(random, noise);
        assertThatThrownBy(() -> PageImages.probe(random)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("not a page image format");

        byte[] fakeTiff = noise.clone();
        System.arraycopy(new byte[] {'I', 'I', 42, 0}, 0, fakeTiff, 0, 4);
        Path tiff = dir.resolve("garbage.tif");
        Files.write(tiff, fakeTiff);
        assertThatThrownBy(() -> PageImages.decode(tiff, 0, 0)).isInstanceOf(UnreadablePage.class);

        assertThatThrownBy(() -> PageImages.probe(dir.resolve("missing.tif"))).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void encryptedEmptyAndDamagedPdfsAreUnreadable() throws IOException {
        Path locked = dir.resolve("locked.pdf");
        Path ownerOnly = dir.resolve("owner-only.pdf");
        for (Path file : List.of(locked, ownerOnly)) {
            try (PDDocument document = new PDDocument()) {
                document.addPage(new PDPage(PDRectangle.A4));
                var policy = new StandardProtectionPolicy("owner", file == locked ? "secret" : "",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
                document.save(file.toFile());
            }
        }
        assertThatThrownBy(() -> PageImages.probe(locked)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> PageImages.decode(ownerOnly, 0, 0)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("encrypted");

        Path none = dir.resolve("none.pdf");
        try (PDDocument document = new PDDocument()) {
            document.save(none.toFile());
        }
        assertThatThrownBy(() -> PageImages.probe(none)).isInstanceOf(UnreadablePage.class)
                .hasMessageContaining("no pages");

        Path broken = dir.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage");
        assertThatThrownBy(() -> PageImages.probe(broken)).isInstanceOf(UnreadablePage.class);
    }

    @Test
    void readsFromSeveralThreadsAtOnceGiveTheSamePixels() throws Exception {
        Path tif = dir.resolve("threads.tif");
        PageSamples.tiff(List.of(page), "LZW", 300, tif);
        Path jpg = dir.resolve("threads.jpg");
        PageSamples.jpeg(page, 300, false, jpg);
        Path pdf = dir.resolve("threads.pdf");
        PageSamples.pdf(List.of(page), pdf);
        List<Path> files = List.of(tif, jpg, pdf);
        List<BufferedImage> expected = files.stream().map(f -> PageImages.decode(f, 0, 400)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                int which = i % 3;
                results.add(pool.submit(() -> PageImages.probe(files.get(which)).size() == 1
                        && same(PageImages.decode(files.get(which), 0, 400), expected.get(which))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean same(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        return Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    /** Bytes this thread has allocated so far (HotSpot's per-thread counter). */
    private static long allocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** A little-endian TIFF of a few hundred bytes whose only directory claims {@code width × height} grey pixels. */
    static byte[] bombTiff(long width, long height) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int[][] entries = {
            {256, 4, 1, (int) width}, // ImageWidth LONG
            {257, 4, 1, (int) height}, // ImageLength LONG
            {258, 3, 1, 8}, // BitsPerSample
            {259, 3, 1, 1}, // Compression none
            {262, 3, 1, 1}, // BlackIsZero
            {273, 4, 1, 200}, // StripOffsets
            {277, 3, 1, 1}, // SamplesPerPixel
            {278, 4, 1, (int) height}, // RowsPerStrip
            {279, 4, 1, 16}, // StripByteCounts
        };
        b.putShort((short) entries.length);
        for (int[] e : entries) {
            b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
            if (e[1] == 3) {
                b.putShort((short) e[3]).putShort((short) 0);
            } else {
                b.putInt(e[3]);
            }
        }
        b.putInt(0);
        return Arrays.copyOf(b.array(), 216);
    }
}
