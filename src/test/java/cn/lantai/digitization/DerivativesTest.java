package cn.lantai.digitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.PageText.Word;
import cn.lantai.digitization.ScanPage.ColourMode;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.TextLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeFiles;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.digitization.internal.derivatives.DerivativeJob.Outcome;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.Digests;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The derivatives of a scanned entry: access images and thumbnails per page, a PDF whose invisible text layer holds the
 * OCR'd words, an OFD that ofdrw reads back, all remade when a master is replaced, never served stale or half-written,
 * and under the record's own rule of who may see it.
 */
@LantaiTest
class DerivativesTest {

    static final String DIGITIZER = "deriv-digitizer";

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchivalStore store;

    @Autowired
    PageLedger ledger;

    @Autowired
    TextLedger texts;

    @Autowired
    DerivativeJob job;

    @Autowired
    DerivativeFiles files;

    @Autowired
    ArchiveSeal seal;

    @Autowired
    Staff staff;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditTrail trail;

    @TempDir
    Path dir;

    String fonds;
    int year = 1990;

    @BeforeEach
    void aFonds() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "数字化测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    @Test
    void theEntrysPdfHasEveryPageAtItsPhysicalSizeAndTheOcrWordsInAnInvisibleTextLayer() throws Exception {
        assumeTrue(seal.cjkFont().isPresent(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        Item item = open("关于开展档案数字化工作的通知");
        // an A4 page at 300 dpi, and one that states no resolution (taken as 300 dpi)
        List<ScanPage> pages = attach(item, new Master(2480, 3508, 300), new Master(600, 800, 0));
        texts.put(new PageText(item.id(), 1, "test", "档案数字化 工作通知", List.of(new Word("档案数字化", 120, 200, 600, 60),
                new Word("工作通知", 120, 300, 480, 60))));
        texts.put(new PageText(item.id(), 2, "test", "区委办公室", List.of(new Word("区委办公室", 50, 100, 400, 50))));

        Outcome made = job.make(item.id(), false, null);

        assertThat(made.problems()).isEmpty();
        byte[] pdf = download("/api/v1/items/{id}/derivatives/pdf", item, "application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDPage a4 = doc.getPage(0);
            assertThat(a4.getMediaBox().getWidth()).isCloseTo(595.2f, offset(0.5f));
            assertThat(a4.getMediaBox().getHeight()).isCloseTo(841.9f, offset(0.5f));
            assertThat(doc.getPage(1).getMediaBox().getWidth()).isCloseTo(144f, offset(0.5f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("档案数字化", "工作通知", "区委办公室");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("关于开展档案数字化工作的通知");
            assertThat(doc.getDocumentInformation().getSubject()).isEqualTo(item.archivalCode());
            assertThat(doc.getDocumentInformation().getProducer()).isEqualTo("Lantai");
        }
        BufferedImage access = ImageIO.read(new ByteArrayInputStream(
                download("/api/v1/items/{id}/pages/1/access", item, "image/jpeg")));
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(
                download("/api/v1/items/{id}/pages/1/thumbnail", item, "image/jpeg")));
        assertThat(Math.max(access.getWidth(), access.getHeight())).isEqualTo(DerivativeFiles.ACCESS_SIDE);
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(DerivativeFiles.THUMBNAIL_SIDE);
        assertThat(access.getWidth() / (double) access.getHeight()).as("the page's proportions")
                .isCloseTo(2480 / 3508.0, offset(0.01));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(
                download("/api/v1/items/{id}/pages/2/access", item, "image/jpeg")));
        assertThat(small.getHeight()).as("a small master is not enlarged").isEqualTo(pages.get(1).height());
    }

    @Test
    void theTextLayersAreInvisibleOverTheScan() throws Exception {
        assumeTrue(seal.cjkFont().isPresent(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        Item item = open("空白页上的文字层");
        List<ScanPage> pages = List.of(deposit(item, 1, "scans/0001.png", new Master(800, 1000, 100), null));
        ledger.record(item.id(), pages);
        texts.put(new PageText(item.id(), 1, "test", "看不见的字", List.of(new Word("看不见的字", 100, 100, 600, 120))));

        job.make(item.id(), false, null);

        try (PDDocument doc = Loader.loadPDF(files.pdf(item.id(), pages).toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("看不见的字");
            BufferedImage rendered = new PDFRenderer(doc).renderImage(0);
            int darkest = 255;
            for (int y = 0; y < rendered.getHeight(); y++) {
                for (int x = 0; x < rendered.getWidth(); x++) {
                    darkest = Math.min(darkest, rendered.getRGB(x, y) & 0xFF);
                }
            }
            assertThat(darkest).as("no word shows on the white page").isGreaterThan(240);
        }
        try (OFDReader reader = new OFDReader(files.ofd(item.id(), pages))) {
            List<TextObject> words = new ContentExtractor(reader).getPageTextObject(1);
            assertThat(words).isNotEmpty().allSatisfy(t -> assertThat(t.getAlpha()).isZero());
        }
    }

    @Test
    void thePdfHasNoTextLayerUntilOcrAndIsRemadeWhenThePagesAreRecognised() throws Exception {
        assumeTrue(seal.cjkFont().isPresent(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        Item item = open("尚未识别的扫描件");
        List<ScanPage> pages = attach(item, new Master(800, 1100, 200));
        job.make(item.id(), false, null);
        try (PDDocument doc = Loader.loadPDF(files.pdf(item.id(), pages).toFile())) {
            assertThat(new PDFTextStripper().getText(doc).strip()).isEmpty();
        }

        texts.put(new PageText(item.id(), 1, "test", "归档章", List.of(new Word("归档章", 100, 100, 300, 80))));
        events.publishEvent(new PagesRecognised(item.id(), List.of(1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            try (PDDocument doc = Loader.loadPDF(files.pdf(item.id(), pages).toFile())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("归档章");
            }
        });
    }

    @Test
    void theOfdHoldsEveryPageItsImageAndTheTextInAnEmbeddedChineseFont() throws Exception {
        assumeTrue(seal.cjkFont().isPresent(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        Item item = open("婚姻登记档案");
        attach(item, new Master(1240, 1754, 150), new Master(1240, 1754, 150), new Master(900, 1200, 300));
        texts.put(new PageText(item.id(), 2, "test", "结婚登记审查处理表 男方 女方",
                List.of(new Word("结婚登记审查处理表", 100, 150, 900, 70), new Word("男方", 100, 300, 140, 70),
                        new Word("女方", 600, 300, 140, 70))));

        job.make(item.id(), false, null);

        byte[] ofd = download("/api/v1/items/{id}/derivatives/ofd", item, "application/ofd");
        Path copy = Files.write(dir.resolve("copy.ofd"), ofd);
        try (OFDReader reader = new OFDReader(copy)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(3);
            assertThat(reader.getPageInfo(1).getSize().getWidth()).as("A4 in millimetres").isCloseTo(210d, offset(0.1));
            assertThat(reader.getPageInfo(3).getSize().getHeight()).isCloseTo(101.6d, offset(0.1));
            assertThat(String.join("|", new ContentExtractor(reader).getPageContent(2)))
                    .contains("结婚登记审查处理表", "男方", "女方");
            assertThat(new ContentExtractor(reader).getPageContent(1)).isEmpty();
        }
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".jpg"))).hasSize(3);
            assertThat(names.stream().filter(n -> n.toLowerCase().endsWith(".ttf"))).hasSize(1);
        }
    }

    @Test
    void aNewMasterReplacesTheDerivativesAndTheOldOnesAreNeverServed() throws Exception {
        Item item = open("重新扫描的一件");
        List<ScanPage> before = attach(item, new Master(800, 1000, 200), new Master(800, 1000, 200));
        job.make(item.id(), false, null);
        Path oldPdf = files.pdf(item.id(), before);
        byte[] oldAccess = download("/api/v1/items/{id}/pages/2/access", item, "image/jpeg");

        // page 2 scanned again: a new master in a new version of the object, the page ledger updated
        List<ScanPage> after = new ArrayList<>(before.subList(0, 1));
        after.add(deposit(item, 2, "scans/0002-rescan.png", new Master(1000, 1300, 300), Color.DARK_GRAY));
        ledger.record(item.id(), after.subList(1, 2));

        assertThat(status("/api/v1/items/{id}/pages/2/access", item)).as("stale until remade").isEqualTo(404);
        assertThat(status("/api/v1/items/{id}/derivatives/pdf", item)).isEqualTo(404);

        Outcome remade = job.make(item.id(), false, null);

        assertThat(remade.documentsMade()).isTrue();
        assertThat(download("/api/v1/items/{id}/pages/2/access", item, "image/jpeg")).isNotEqualTo(oldAccess);
        assertThat(oldPdf).doesNotExist();
        try (PDDocument doc = Loader.loadPDF(download("/api/v1/items/{id}/derivatives/pdf", item, "application/pdf"))) {
            assertThat(doc.getPage(1).getMediaBox().getWidth()).isCloseTo(240f, offset(0.5f));
        }
        assertThat(job.make(item.id(), false, null).documentsMade()).as("nothing changed: nothing made").isFalse();
    }

    @Test
    void aDerivativeNotMadeYetIsA404ThatSaysItIsBeingMade() throws Exception {
        Item item = open("刚挂接的一件");
        attach(item, new Master(400, 600, 200));

        for (String path : List.of("/api/v1/items/{id}/derivatives/pdf", "/api/v1/items/{id}/derivatives/ofd",
                "/api/v1/items/{id}/pages/1/access", "/api/v1/items/{id}/pages/1/thumbnail")) {
            MockHttpServletResponse response = mvc.perform(get(path, item.id().value()).header("Accept-Language", "en")
                    .with(Staff.archivist())).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("being made");
        }
        assertThat(mvc.perform(get("/api/v1/items/{id}/derivatives/pdf", item.id().value())).andReturn()
                .getResponse().getStatus()).as("without a token").isEqualTo(401);
        assertThat(mvc.perform(post("/api/v1/items/{id}/derivatives", item.id().value())).andReturn().getResponse()
                .getStatus()).as("a remake without a token").isEqualTo(401);
        MockHttpServletResponse noPage = mvc.perform(get("/api/v1/items/{id}/pages/{n}/access", item.id().value(), 99)
                .with(Staff.archivist())).andReturn().getResponse();
        assertThat(noPage.getStatus()).isEqualTo(404);
        for (String page : List.of("0", "-1", "x", "99999999999", "1%2F..%2F..%2Fetc")) {
            int status = mvc.perform(get("/api/v1/items/" + item.id().value() + "/pages/" + page + "/access")
                    .with(Staff.archivist())).andReturn().getResponse().getStatus();
            assertThat(status).as(page).isIn(400, 404);
        }
    }

    @Test
    void aRecordOneMayNotSeeShowsNoDerivativeAndAnswersAsAMissingOne() throws Exception {
        String low = "deriv-" + fonds.toLowerCase();
        staff.ensure(low, "秘密级档案员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item hidden = record(Entries.item(fonds, year++, "机密的扫描件").with(DescriptionField.CLASSIFICATION, "机密"));
        attach(hidden, new Master(400, 600, 200));
        job.make(hidden.id(), false, null);
        Item gone = open("删去的一件");
        catalog.delete(gone.id(), Viewer.system());

        for (String path : List.of("/derivatives/pdf", "/derivatives/ofd", "/pages/1/access", "/pages/1/thumbnail")) {
            MockHttpServletResponse seen = mvc.perform(get("/api/v1/items/" + hidden.id().value() + path)
                    .with(Staff.as(low))).andReturn().getResponse();
            MockHttpServletResponse missing = mvc.perform(get("/api/v1/items/" + gone.id().value() + path)
                    .with(Staff.as(low))).andReturn().getResponse();
            assertThat(seen.getStatus()).as(path).isEqualTo(404).isEqualTo(missing.getStatus());
            assertThat(seen.getContentAsString(StandardCharsets.UTF_8).replace("/" + hidden.id().value() + "/", "/…/"))
                    .isEqualTo(missing.getContentAsString(StandardCharsets.UTF_8)
                            .replace("/" + gone.id().value() + "/", "/…/"));
            assertThat(mvc.perform(get("/api/v1/items/" + hidden.id().value() + path).with(Staff.archivist()))
                    .andReturn().getResponse().getStatus()).as("the archivist sees it").isEqualTo(200);
        }
    }

    @Test
    void deliveringAControlledRecordsDerivativesIsAuditedAndAnOpenOnesIsNot() throws Exception {
        Item secret = record(Entries.item(fonds, year++, "机密的会议纪要").with(DescriptionField.CLASSIFICATION, "机密"));
        Item open = open("公开的通知");
        attach(secret, new Master(400, 600, 200));
        attach(open, new Master(400, 600, 200));
        job.make(secret.id(), false, null);
        job.make(open.id(), false, null);

        for (Item item : List.of(secret, open)) {
            download("/api/v1/items/{id}/derivatives/pdf", item, "application/pdf");
            download("/api/v1/items/{id}/pages/1/thumbnail", item, "image/jpeg");
        }

        assertThat(downloads("item:" + secret.id().value() + " ")).extracting(AuditEntry::after)
                .containsExactlyInAnyOrder("pdf", "page 1 thumbnail");
        assertThat(downloads("item:" + open.id().value() + " ")).isEmpty();
    }

    @Test
    void onlyDigitizationStaffRemakeOnDemandAndTheyAreGivenTheJob() throws Exception {
        staff.ensure(DIGITIZER, "数字化员", null, Classification.TOP_SECRET, List.of("DIGITIZATION"));
        Item item = open("按需重做的一件");
        attach(item, new Master(400, 600, 200));

        assertThat(mvc.perform(post("/api/v1/items/{id}/derivatives", item.id().value()).with(Staff.archivist()))
                .andReturn().getResponse().getStatus()).as("the archivist lacks DIGITIZE").isEqualTo(403);
        MockHttpServletResponse started = mvc.perform(post("/api/v1/items/{id}/derivatives", item.id().value())
                .with(Staff.as(DIGITIZER))).andReturn().getResponse();

        assertThat(started.getStatus()).isEqualTo(202);
        String link = started.getHeader("Location");
        assertThat(started.getContentAsString()).contains("\"job\":\"" + link + "\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(get(link).with(Staff.as(DIGITIZER)))
                .andReturn().getResponse().getContentAsString().contains("SUCCEEDED"));
        assertThat(status("/api/v1/items/{id}/derivatives/pdf", item)).isEqualTo(200);
        assertThat(mvc.perform(post("/api/v1/items/{id}/derivatives", 987_654_321L).with(Staff.as(DIGITIZER)))
                .andReturn().getResponse().getStatus()).as("no such record").isEqualTo(404);
    }

    @Test
    void attachingPagesMakesTheDerivativesInTheBackground() throws Exception {
        Item item = open("挂接后自动生成");
        List<ScanPage> pages = attach(item, new Master(400, 600, 200));

        events.publishEvent(new PagesAttached(item.id(), List.of(1), "tester"));

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(files.ofd(item.id(), pages)));
        assertThat(status("/api/v1/items/{id}/pages/1/thumbnail", item)).isEqualTo(200);
    }

    @Test
    void aPageWhoseMasterCannotBeReadIsReportedAndTheRestAreStillMade() throws Exception {
        Item item = open("有一页损坏的扫描件");
        List<ScanPage> pages = new ArrayList<>(attach(item, new Master(400, 600, 200), new Master(400, 600, 200)));
        Path truncated = dir.resolve("truncated.jpg");
        byte[] jpeg = jpeg(400, 600);
        Files.write(truncated, Arrays.copyOf(jpeg, 200));
        store.deposit(new Deposit(item, List.of(new ContentFile("scans/0003.jpg", truncated, "image/jpeg")), List.of(),
                "tester", "第三页"));
        ScanPage third = new ScanPage(item.id(), 3, "scans/0003.jpg", 0, Digests.of(truncated).sha256(), 400, 600, 200,
                200, ColourMode.COLOUR);
        ledger.record(item.id(), List.of(third));
        pages.add(third);

        Outcome outcome = job.make(item.id(), false, null);

        assertThat(outcome.problems()).hasSize(1);
        assertThat(outcome.problems().get(0)).contains("第 3 页");
        assertThat(status("/api/v1/items/{id}/pages/1/access", item)).isEqualTo(200);
        assertThat(status("/api/v1/items/{id}/pages/3/access", item)).isEqualTo(404);
        try (PDDocument doc = Loader.loadPDF(files.pdf(item.id(), pages).toFile())) {
            assertThat(doc.getNumberOfPages()).as("page numbers stay the entry's").isEqualTo(3);
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousFileWhole() throws IOException {
        Path target = dir.resolve("entry.pdf");
        Files.writeString(target, "the copy made before");

        assertThatThrownBy(() -> DerivativeFiles.replace(target, out -> {
            out.write("half of a new co".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");

        assertThat(Files.readString(target)).isEqualTo("the copy made before");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("entry.pdf");
        }
        Path none = dir.resolve("none.ofd");
        assertThatThrownBy(() -> DerivativeFiles.replace(none, out -> {
            throw new IllegalStateException("renderer crashed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(none).doesNotExist();
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    record Master(int width, int height, int dpi) {
    }

    private Item open(String title) {
        return record(Entries.item(fonds, year++, title));
    }

    private Item record(Entries entry) {
        return catalog.create(entry.input(), Viewer.system());
    }

    /** Deposits one PNG master per page ({@code scans/0001.png} …) and records the pages. */
    private List<ScanPage> attach(Item item, Master... masters) throws IOException {
        List<ScanPage> pages = new ArrayList<>();
        for (int i = 0; i < masters.length; i++) {
            pages.add(deposit(item, i + 1, String.format("scans/%04d.png", i + 1), masters[i],
                    i % 2 == 0 ? Color.WHITE : new Color(250, 245, 230)));
        }
        ledger.record(item.id(), pages);
        return pages;
    }

    /** A master of lines of "text" on {@code paper}; a blank white page where {@code paper} is null. */
    private ScanPage deposit(Item item, int page, String name, Master master, Color paper) throws IOException {
        BufferedImage image = new BufferedImage(master.width(), master.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(paper == null ? Color.WHITE : paper);
        g.fillRect(0, 0, master.width(), master.height());
        if (paper != null) {
            g.setColor(Color.BLACK);
            for (int y = master.height() / 10; y < master.height() * 9 / 10; y += master.height() / 20) {
                g.fillRect(master.width() / 10, y, master.width() * 8 / 10, Math.max(2, master.height() / 80));
            }
            g.setColor(Color.RED);
            g.drawString("page " + page, 20, 20);
        }
        g.dispose();
        Path file = dir.resolve(page + "-" + name.replace('/', '_'));
        ImageIO.write(image, "png", file.toFile());
        store.deposit(new Deposit(item, List.of(new ContentFile(name, file, "image/png")), List.of(), "tester",
                "扫描第 " + page + " 页"));
        return new ScanPage(item.id(), page, name, 0, Digests.of(file).sha256(), master.width(), master.height(),
                master.dpi(), master.dpi(), ColourMode.COLOUR);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private byte[] download(String path, Item item, String type) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path, item.id().value()).with(Staff.archivist()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(type);
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        return response.getContentAsByteArray();
    }

    private List<AuditEntry> downloads(String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(null, "digitization.derivative-download", target,
                null, null), 0, 100)).entries();
    }

    private int status(String path, Item item) throws Exception {
        return mvc.perform(get(path, item.id().value()).with(Staff.archivist())).andReturn().getResponse().getStatus();
    }
}
