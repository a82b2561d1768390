package cn.lantai.digitization;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Scope;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.ProcessedPages;
import cn.lantai.digitization.internal.TextLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeFiles;
import cn.lantai.digitization.internal.iiif.Pyramids;
import cn.lantai.digitization.internal.ocr.PageReadings;
import cn.lantai.digitization.internal.batches.BatchFolders;
import cn.lantai.digitization.internal.images.PageProcessing;
import cn.lantai.digitization.internal.images.PageSamples;
import cn.lantai.digitization.internal.ocr.TesseractEngine;
import cn.lantai.digitization.internal.batches.ScanBatchJob;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.PreservationEvent;
import cn.lantai.preservation.StoredFile;
import cn.lantai.support.Entries;
import cn.lantai.support.OrientationPages;
import cn.lantai.support.Staff;
import cn.lantai.support.TesseractOsdAvailable;
import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Scan batches end to end (issue 11, items 1–4): a generated batch with good pages, bad pages of each kind, orphans
 * both ways and a count mismatch is reported with exactly the planted problems and its clean entries attached; the
 * bad input of the issue is reported with a reason and harms nothing else; a batch pauses and resumes, and a run
 * started again attaches nothing twice. Runs on H2 and PostgreSQL.
 */
abstract class ScanBatchesContract {

    static final String DIGITIZER = "digitizer";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    ScannedPages pages;
    @Autowired
    ScanBatches batches;
    @Autowired
    ScanBatchJob handler;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    BatchFolders folders;
    @Autowired
    ProcessedPages processed;
    @Autowired
    Pyramids pyramids;
    @Autowired
    PageReadings readings;
    @Autowired
    TextLedger texts;
    @Autowired
    DerivativeFiles derivativeFiles;
    Path inbox;
    Path dataDir;

    String fonds;

    @BeforeEach
    void aFondsAndADigitizer() {
        fonds = staff.unitWithFonds("区档案局数字化");
        inbox = folders.inbox();
        // ${random.uuid} in the test profile is drawn anew at each look-up: the inbox's parent is the context's
        dataDir = inbox.getParent();
        staff.ensure(DIGITIZER, "数字化员", null, Classification.TOP_SECRET, List.of("DIGITIZATION"));
    }

    Item entry(int year, String title, Integer pagesOf) {
        Entries e = Entries.item(fonds, year, title);
        if (pagesOf != null) {
            e.with(DescriptionField.PAGES, pagesOf.toString());
        }
        return catalog.create(e.input(), Viewer.system());
    }

    @Test
    void aBatchWithOneFaultOfEachKindReportsExactlyThePlantedProblemsAndAttachesTheCleanEntries() throws Exception {
        Item folder = entry(2019, "文件夹命名的件", 2);
        Item dashed = entry(2019, "档号-页号命名的件", 2);
        Item tiff = entry(2019, "多页TIFF的件", 3);
        Item gap = entry(2019, "缺页的件", null);
        Item mismatch = entry(2019, "页数不符的件", 5);
        Item lowRes = entry(2019, "分辨率不足的件", null);
        Item truncated = entry(2019, "损坏JPEG的件", null);
        Item duplicatePage = entry(2019, "重复页的件", null);
        Item twice = entry(2019, "档号重复的件", null);
        Item noImages = entry(2019, "没有图像的件", null);
        Item bomb = entry(2019, "像素炸弹的件", null);
        Item pdf = entry(2019, "PDF的件", 2);
        Item emptyPdf = entry(2019, "空PDF的件", null);
        Item encrypted = entry(2019, "加密PDF的件", null);
        Item emptyFolder = entry(2019, "空文件夹的件", null);
        Item otherYear = entry(2020, "范围之外的件", null);
        Item blank = entry(2019, "有空白页的件", 2);
        Item skewed = entry(2019, "扫歪的件", 1);
        String orphan = fonds + "-WS·2019-Y-BGS-0099";
        byte[] sharedPage = ScanFixtures.png(300);

        byte[] zip = new ScanFixtures.Zip().gbk()
                .file("第一批/" + folder.archivalCode() + "/0001.png", sharedPage)
                .file("第一批/" + folder.archivalCode() + "/0002.png", ScanFixtures.png(300))
                .file(dashed.archivalCode() + "-0001.jpg", ScanFixtures.jpeg(300))
                .file(dashed.archivalCode() + "-0002.jpg", ScanFixtures.jpeg(300))
                .file(tiff.archivalCode() + ".tif", ScanFixtures.tiff(3, 300))
                .file(gap.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(gap.archivalCode() + "/0002.png", ScanFixtures.png(300))
                .file(gap.archivalCode() + "/0004.png", ScanFixtures.png(300))
                .file(mismatch.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(mismatch.archivalCode() + "/0002.png", ScanFixtures.png(300))
                .file(lowRes.archivalCode() + "/0001.png", ScanFixtures.png(150))
                .file(lowRes.archivalCode() + "/0002.png", ScanFixtures.png(0))
                .file(truncated.archivalCode() + "/0001.jpg", ScanFixtures.truncatedJpeg())
                .file(duplicatePage.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(duplicatePage.archivalCode() + "/0002.png", sharedPage)
                .file(twice.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(twice.archivalCode() + ".tif", ScanFixtures.tiff(2, 300))
                .file(bomb.archivalCode() + ".tif", ScanFixtures.bombTiff())
                .file(pdf.archivalCode() + ".pdf", ScanFixtures.pdf(2, 300))
                .file(emptyPdf.archivalCode() + ".pdf", ScanFixtures.emptyPdf())
                .file(encrypted.archivalCode() + ".pdf", ScanFixtures.encryptedPdf())
                .folder(emptyFolder.archivalCode())
                .file(orphan + "/0001.png", ScanFixtures.png(300))
                .file(otherYear.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(blank.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(blank.archivalCode() + "/0002.png", ScanFixtures.blankPng(300))
                .file(skewed.archivalCode() + "/0001.png", ScanFixtures.skewedPng(5, 300))
                .file("../../escaped.png", ScanFixtures.png(300))
                .file("/tmp/absolute.png", ScanFixtures.png(300))
                .link("link.png", "/etc/passwd")
                .bomb("bomb.png", 64L << 20)
                .bytes();

        long id = upload(zip, "scope", fonds + "-WS·2019");
        String report = awaitState(id, "DONE");

        List<String> found = problems(report);
        assertThat(found).containsExactlyInAnyOrder(
                "PAGE_GAP " + gap.archivalCode() + " p3",
                "PAGE_COUNT_MISMATCH " + mismatch.archivalCode() + " p-",
                "LOW_RESOLUTION " + lowRes.archivalCode() + " p1",
                "LOW_RESOLUTION " + lowRes.archivalCode() + " p2",
                "UNREADABLE " + truncated.archivalCode() + " p1",
                "DUPLICATE_PAGE " + duplicatePage.archivalCode() + " p2",
                "DUPLICATE_CODE " + twice.archivalCode() + " p-",
                "NO_IMAGES " + noImages.archivalCode() + " p-",
                "TOO_LARGE " + bomb.archivalCode() + " p-",
                "UNREADABLE " + emptyPdf.archivalCode() + " p-",
                "UNREADABLE " + encrypted.archivalCode() + " p-",
                "NO_IMAGES " + emptyFolder.archivalCode() + " p-",
                "NO_ENTRY " + orphan + " p-",
                "BLANK_PAGE " + blank.archivalCode() + " p2",
                "SKEWED " + skewed.archivalCode() + " p1",
                "UNSAFE_PATH null p-", "UNSAFE_PATH null p-", "UNSAFE_PATH null p-",
                "TOO_LARGE null p-");
        // reasons in words of the reader's language: Chinese unless English is asked for
        assertThat(JsonPath.<List<String>>read(report, "$.problems[?(@.code == 'LOW_RESOLUTION')].reason"))
                .contains("未标明分辨率");
        assertThat(JsonPath.<List<String>>read(report, "$.problems[?(@.code == 'PAGE_GAP')].reason"))
                .contains("缺第 3 页");
        String english = mvc.perform(get("/api/v1/scan-batches/" + id + "/report").with(Staff.as(DIGITIZER))
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(english, "$.problems[?(@.code == 'LOW_RESOLUTION')].reason"))
                .contains("no resolution stated");
        assertThat(JsonPath.<List<String>>read(english, "$.problems[?(@.code == 'PAGE_GAP')].reason"))
                .contains("page 3 is missing");
        assertThat(JsonPath.<List<String>>read(report, "$.problems[?(@.code == 'UNREADABLE')].reason"))
                .anyMatch(r -> r.contains("no pages")).anyMatch(r -> r.contains("encrypted"))
                .anyMatch(r -> r.contains("truncated JPEG"));
        assertThat(JsonPath.<List<String>>read(report, "$.problems[?(@.code == 'UNSAFE_PATH')].file"))
                .contains("link.png");

        for (Item attached : List.of(folder, dashed, tiff, lowRes, duplicatePage, pdf, otherYear, blank, skewed)) {
            assertThat(pages.of(attached.id())).as(attached.title()).isNotEmpty();
        }
        for (Item held : List.of(gap, mismatch, truncated, twice, bomb, emptyPdf, encrypted, emptyFolder, noImages)) {
            assertThat(pages.of(held.id())).as(held.title()).isEmpty();
        }
        assertThat(pages.of(tiff.id())).extracting(ScanPage::masterIndex).containsExactly(0, 1, 2);
        assertThat(pages.of(tiff.id())).extracting(ScanPage::master).containsOnly("scans/" + tiff.archivalCode() + ".tif");
        assertThat(pages.of(folder.id())).extracting(ScanPage::master).containsExactly("scans/0001.png", "scans/0002.png");
        assertThat(pages.of(pdf.id())).hasSize(2).allMatch(p -> p.dpiX() == 300);
        assertThat(store.location(folder.id(), "scans/0001.png")).get()
                .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(sharedPage));
        assertThat(store.events(folder.id())).anyMatch(e -> e.type().equals(PreservationEvent.VALIDATION)
                && e.detail().contains("scan batch " + id));
        assertThat((Integer) JsonPath.read(report, "$.counts.attached")).isEqualTo(9);
        assertThat((Integer) JsonPath.read(report, "$.counts.orphans")).isEqualTo(1);
        assertNothingOutsideTheDataDirectory();

        // the person corrects the 页数 of one held entry in the catalogue and accepts the count of another
        Item corrected = catalog.update(mismatch.id(), mismatch.version(), new cn.lantai.catalog.EntryInput(null,
                Map.of(DescriptionField.PAGES, "2"), Map.of()), Viewer.system());
        assertThat(corrected.description().get(DescriptionField.PAGES)).isEqualTo("2");
        mvc.perform(post("/api/v1/scan-batches/" + id + "/rerun").with(Staff.as(DIGITIZER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"accept\": {}}"))
                .andExpect(status().isAccepted());
        String rerun = awaitState(id, "DONE");
        assertThat(pages.of(mismatch.id())).hasSize(2);
        assertThat(problems(rerun)).doesNotContain("PAGE_COUNT_MISMATCH " + mismatch.archivalCode() + " p-")
                .contains("PAGE_GAP " + gap.archivalCode() + " p3");
    }

    @Test
    void aBatchThatDeskewsItsDerivativesReportsNoSkewAndRecordsItsProcessing() throws Exception {
        Item a = entry(2015, "纠偏的件", 1);
        byte[] zip = new ScanFixtures.Zip().file(a.archivalCode() + "/0001.png", ScanFixtures.skewedPng(5, 300))
                .bytes();
        long id = upload(zip, "deskew", "true", "cropBorders", "true", "rotate", "90");
        String report = awaitState(id, "DONE");
        assertThat(problems(report)).isEmpty();
        assertThat((Boolean) JsonPath.read(report, "$.processing.deskew")).isTrue();
        assertThat((Integer) JsonPath.read(report, "$.processing.rotate")).isEqualTo(90);
        assertThat(store.events(a.id())).anyMatch(e -> e.detail() != null
                && e.detail().contains("deskew, crop black borders, rotate 90°"));
        assertThat(pages.of(a.id())).hasSize(1);
        assertThat(pages.processing(a.id())).isEqualTo(new Processing(true, true, 90));
    }

    @Test
    @ExtendWith(TesseractOsdAvailable.class)
    void aPageScannedUpsideDownInABatchWithRotateAutoIsShownAndReadUprightWhileItsMasterStaysAsScanned()
            throws Exception {
        Item a = entry(2014, "倒扫的件", 1);
        BufferedImage upright = OrientationPages.upright();
        byte[] scanned = png(PageProcessing.rotate(upright, 2), 200);
        long id = upload(new ScanFixtures.Zip().file(a.archivalCode() + "/0001.png", scanned).bytes(),
                "rotate", "auto");
        String report = awaitState(id, "DONE");
        assertThat(problems(report)).isEmpty();
        assertThat((String) JsonPath.read(report, "$.processing.rotate")).isEqualTo("auto");
        assertThat(pages.turns(a.id(), 1)).as("half a turn recorded as the page's processing").isEqualTo(2);
        assertThat(store.events(a.id())).anyMatch(e -> e.detail() != null
                && e.detail().contains("as the OCR engine detects its orientation"));

        ScanPage page = pages.page(a.id(), 1).orElseThrow();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scanned));
        assertThat(page.sha256()).isEqualTo(sha);
        Path master = store.location(a.id(), page.master()).orElseThrow();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(master))))
                .as("the master in the store is the page as scanned").isEqualTo(sha);

        byte[] full = mvc.perform(get("/iiif/3/{id}/full/max/0/default.jpg", page.imageId()).with(Staff.as(DIGITIZER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(full));
        assertThat(ink(shown, 0, shown.getHeight() / 2)).as("the text stands at the top of the page shown")
                .isGreaterThan(20 * ink(shown, shown.getHeight() / 2, shown.getHeight()));

        // what the OCR job reads: the processed page, as OcrJob#read opens it
        String text = new TesseractEngine("tesseract", "chi_sim", Duration.ofMinutes(2))
                .read(processed.open(page, 3508).image(), 200).text();
        assertThat(text).contains(OrientationPages.PHRASE);
    }

    /** Dark pixels in rows [from, to). */
    static long ink(BufferedImage image, int from, int to) {
        long n = 0;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    n++;
                }
            }
        }
        return n;
    }

    static byte[] png(BufferedImage image, int dpi) throws Exception {
        Path file = Files.createTempFile("lantai-page-", ".png");
        try {
            PageSamples.png(image, dpi, file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRescanWithFewerPagesTakesTheDroppedPagesTextTilesAndAccessImagesWithThem() throws Exception {
        Item a = entry(2013, "重扫少页的件", null);
        ScanFixtures.Zip three = new ScanFixtures.Zip();
        for (int n = 1; n <= 3; n++) {
            three.file(a.archivalCode() + "/000" + n + ".png", ScanFixtures.png(300));
        }
        awaitState(upload(three.bytes()), "DONE");
        assertThat(pages.of(a.id())).hasSize(3);
        awaitQuietOcr(a.id());
        ScanPage third = pages.page(a.id(), 3).orElseThrow();
        // page 3 as it stands once shown and read: tiles cut, an access image made, its text stored
        mvc.perform(get("/iiif/3/{id}/info.json", third.imageId()).with(Staff.as(DIGITIZER)))
                .andExpect(status().isOk());
        Path tiles = pyramids.dirOf(third);
        assertThat(tiles).isDirectory();
        readings.read(new PageText(a.id(), 3, "test", "只在第三页的词", List.of()), third.sha256());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> accessImages(a.id()).stream()
                .anyMatch(f -> f.startsWith("0003-")));

        ScanFixtures.Zip two = new ScanFixtures.Zip();
        for (int n = 1; n <= 2; n++) {
            two.file(a.archivalCode() + "/000" + n + ".png", ScanFixtures.png(300));
        }
        awaitState(upload(two.bytes()), "DONE");

        assertThat(pages.of(a.id())).extracting(ScanPage::page).containsExactly(1, 2);
        assertThat(texts.page(a.id(), 3)).as("the dropped page's OCR text").isEmpty();
        assertThat(readings.of(a.id())).doesNotContainKey(3);
        assertThat(tiles).as("the dropped page's IIIF tiles").doesNotExist();
        mvc.perform(get("/iiif/3/{id}/info.json", third.imageId()).with(Staff.as(DIGITIZER)))
                .andExpect(status().isNotFound());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(accessImages(a.id()))
                .as("the dropped page's access image").noneMatch(f -> f.startsWith("0003-"))
                .anyMatch(f -> f.startsWith("0002-")));
    }

    List<String> accessImages(ItemId item) throws Exception {
        Path folder = derivativeFiles.folder(item).resolve("access");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Waits until the entry's OCR job, started by the attach, has ended (whether Tesseract is here or not). */
    void awaitQuietOcr(ItemId item) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM job WHERE kind = 'ocr' AND params = ?").param(Long.toString(item.value()))
                        .query(Long.class).single() > 0
                && jdbc.sql("SELECT COUNT(*) FROM job WHERE kind = 'ocr' AND params = ? AND state IN ('QUEUED', "
                        + "'RUNNING')").param(Long.toString(item.value())).query(Long.class).single() == 0);
    }

    @Test
    void aBatchRunAgainAfterAnInterruptionAttachesNothingTwice() throws Exception {
        Item a = entry(2018, "中断后继续的件", 2);
        Item b = entry(2018, "另一件", null);
        byte[] zip = new ScanFixtures.Zip()
                .file(a.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(a.archivalCode() + "/0002.png", ScanFixtures.png(300))
                .file(b.archivalCode() + ".tif", ScanFixtures.tiff(2, 300)).bytes();
        long id = upload(zip);
        awaitState(id, "DONE");
        Map<String, Integer> versions = versions(a.id());
        int events = store.events(a.id()).size();
        List<ScanPage> before = pages.of(a.id());

        // as if the application stopped after the masters went into the store, before the entries' rows were written
        jdbc.sql("UPDATE scan_batch_entry SET state = 'PENDING' WHERE batch_id = ?").param(id).update();
        jdbc.sql("UPDATE scan_batch SET state = 'RUNNING' WHERE id = ?").param(id).update();
        JobId job = batchJob(id);
        handler.run(jobs.status(job));
        handler.run(jobs.status(job));

        assertThat(versions(a.id())).isEqualTo(versions);
        assertThat(store.events(a.id())).hasSize(events);
        assertThat(pages.of(a.id())).isEqualTo(before);
        assertThat(pages.of(b.id())).hasSize(2);
        assertThat(batches.batch(id, viewer()).state()).isEqualTo(ScanBatch.State.DONE);
    }

    @Test
    void twoBatchesAttachingTheSameEntryAtOnceLeaveItsLedgerNamingWhatTheStoreHolds() throws Exception {
        Item a = entry(2011, "两个批次同时挂接的件", null);
        // inbox folders, read in place, so both can be run again after they are done
        long first = inboxBatch("same-entry-1-" + fonds, a, ScanFixtures.png(300), ScanFixtures.png(300));
        long second = inboxBatch("same-entry-2-" + fonds, a, ScanFixtures.png(400), ScanFixtures.png(600));
        awaitState(first, "DONE");
        awaitState(second, "DONE");
        assertLedgerIsTheStoresHead(a);

        // both run again at the same moment, each finding the other's masters in the head to replace
        for (int round = 0; round < 3; round++) {
            for (long id : List.of(first, second)) {
                jdbc.sql("UPDATE scan_batch_entry SET state = 'PENDING' WHERE batch_id = ?").param(id).update();
                jdbc.sql("UPDATE scan_batch SET state = 'RUNNING' WHERE id = ?").param(id).update();
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> runs = new ArrayList<>();
            for (long id : List.of(first, second)) {
                JobId job = batchJob(id);
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    handler.run(jobs.status(job));
                });
                t.start();
                runs.add(t);
            }
            start.countDown();
            for (Thread t : runs) {
                t.join(120_000);
            }
            assertThat(batches.batch(first, viewer()).state()).isEqualTo(ScanBatch.State.DONE);
            assertThat(batches.batch(second, viewer()).state()).isEqualTo(ScanBatch.State.DONE);
            assertLedgerIsTheStoresHead(a);
        }
    }

    long inboxBatch(String name, Item a, byte[]... pngs) throws Exception {
        Path folder = inbox.resolve(name).resolve(a.archivalCode());
        Files.createDirectories(folder);
        for (int i = 0; i < pngs.length; i++) {
            Files.write(folder.resolve(String.format("%04d.png", i + 1)), pngs[i]);
        }
        String answer = mvc.perform(post("/api/v1/scan-batches").with(Staff.as(DIGITIZER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"path\": \"" + name + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    void assertLedgerIsTheStoresHead(Item a) {
        Map<String, String> head = new HashMap<>();
        store.files(a.id()).forEach(f -> head.put(f.name(), f.sha256()));
        List<ScanPage> ledger = pages.of(a.id());
        assertThat(ledger).hasSize(2);
        for (ScanPage p : ledger) {
            assertThat(p.sha256()).as("ledger digest of " + p.master()).isEqualTo(head.get(p.master()));
        }
    }

    @Test
    void aBatchOfMoreEntriesThanAreCheckedAheadAttachesThemInOrderOnceEachAndAPauseStopsAfterTheEntryInHand()
            throws Exception {
        // more entries than the checks run ahead of the one being attached (2 a core), read in place from the inbox
        int count = 2 * ScanBatchJob.AHEAD_PER_CORE * Runtime.getRuntime().availableProcessors() + 3;
        List<Item> items = new ArrayList<>();
        String name = "ahead-" + fonds;
        for (int i = 0; i < count; i++) {
            Item item = entry(2012, "先查后挂的件" + i, 2);
            items.add(item);
            Path folder = inbox.resolve(name).resolve(item.archivalCode());
            Files.createDirectories(folder);
            Files.write(folder.resolve("0001.png"), ScanFixtures.png(300 + i));
            Files.write(folder.resolve("0002.png"), ScanFixtures.png(600 + i));
        }
        items.sort(java.util.Comparator.comparing(Item::archivalCode));
        String answer = mvc.perform(post("/api/v1/scan-batches").with(Staff.as(DIGITIZER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"path\": \"" + name + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();

        // paused once its first entry is attached (or found done, if it was quicker than that)
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> !pages.of(items.get(0).id()).isEmpty()
                || batches.batch(id, viewer()).state() == ScanBatch.State.DONE);
        try {
            staff.as(DIGITIZER, () -> batches.pause(id, viewer()));
        } catch (RuntimeException e) {
            assertThat(batches.batch(id, viewer()).state()).isEqualTo(ScanBatch.State.DONE);
        }
        JobId first = batchJob(id);
        Awaitility.await().atMost(Duration.ofSeconds(120))
                .until(() -> jobs.status(first).state() == JobState.SUCCEEDED);

        // the entries attached are the first ones in 档号 order, each with both its pages; the rest have none
        List<Boolean> attached = items.stream().map(i -> !pages.of(i.id()).isEmpty()).toList();
        int done = attached.indexOf(false) < 0 ? count : attached.indexOf(false);
        assertThat(attached.subList(done, count)).doesNotContain(true);
        Map<ItemId, Map<String, Integer>> versions = new HashMap<>();
        for (Item i : items.subList(0, done)) {
            assertThat(pages.of(i.id())).hasSize(2);
            versions.put(i.id(), versions(i.id()));
        }
        ScanBatch paused = batches.batch(id, viewer());
        assertThat(paused.counts().attached()).isEqualTo(done);
        assertThat(paused.counts().pagesDone()).isEqualTo(2L * done);
        // the checks run ahead of the pause leave no staged copy behind
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString)).noneMatch(f -> f.contains("/staged/"));
        }

        if (paused.state() == ScanBatch.State.PAUSED) {
            staff.as(DIGITIZER, () -> batches.resume(id, viewer()));
            awaitState(id, "DONE");
        }
        for (Item i : items) {
            assertThat(pages.of(i.id())).as(i.archivalCode()).hasSize(2);
        }
        versions.forEach((item, before) -> assertThat(versions(item)).as("attached once: " + item).isEqualTo(before));
        assertThat(batches.batch(id, viewer()).counts().attached()).isEqualTo(count);
    }

    @Test
    void aBatchPausedBeforeItStartsAttachesNothingUntilResumed() {
        Item a = entry(2017, "暂停的件", null);
        byte[] zip = new ScanFixtures.Zip().file(a.archivalCode() + "/0001.png", ScanFixtures.png(300)).bytes();
        ScanBatch paused = staff.as(DIGITIZER, () -> new TransactionTemplate(transactions).execute(s -> {
            ScanBatch b = batches.submitZip(new java.io.ByteArrayInputStream(zip), BatchOptions.defaults(), viewer());
            return batches.pause(b.id(), viewer());
        }));
        assertThat(paused.state()).isEqualTo(ScanBatch.State.PAUSED);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> jobs.status(paused.job()).state() == JobState.SUCCEEDED);
        assertThat(pages.of(a.id())).isEmpty();
        assertThat(batches.batch(paused.id(), viewer()).state()).isEqualTo(ScanBatch.State.PAUSED);

        staff.as(DIGITIZER, () -> batches.resume(paused.id(), viewer()));
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> batches.batch(paused.id(), viewer()).state() == ScanBatch.State.DONE);
        assertThat(pages.of(a.id())).hasSize(1);
        ScanBatch done = batches.batch(paused.id(), viewer());
        assertThat(done.counts().pagesDone()).isEqualTo(done.counts().pagesTotal()).isEqualTo(1);
    }

    @Test
    void anInboxPathThatClimbsOutIsRefusedWithItsReason() throws Exception {
        Path outside = Files.createTempDirectory(dataDir.getParent(), "outside-inbox");
        Files.createDirectories(inbox);
        Path link = inbox.resolve("link-" + fonds);
        Files.createSymbolicLink(link, outside);
        for (String path : List.of("../" + outside.getFileName(), outside.toString(), "link-" + fonds,
                "a/../../" + outside.getFileName())) {
            mvc.perform(post("/api/v1/scan-batches").with(Staff.as(DIGITIZER)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"path\": \"" + path + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("digitization.batch.outside-inbox"));
        }
        mvc.perform(post("/api/v1/scan-batches").with(Staff.as(DIGITIZER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"path\": \"no-such-folder\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("digitization.batch.no-folder"));
    }

    @Test
    void aSymlinkInAnInboxFolderPointingOutsideIsReportedAndNeverRead() throws Exception {
        Item a = entry(2016, "收件箱的件", 1);
        Item b = entry(2016, "链接的件", null);
        Path folder = inbox.resolve("batch-" + fonds);
        Files.createDirectories(folder.resolve(a.archivalCode()));
        Files.write(folder.resolve(a.archivalCode()).resolve("0001.png"), ScanFixtures.png(300));
        Path secret = Files.createTempFile("outside-batch", ".png");
        Files.write(secret, ScanFixtures.png(300));
        Files.createDirectories(folder.resolve(b.archivalCode()));
        Files.createSymbolicLink(folder.resolve(b.archivalCode()).resolve("0001.png"), secret);

        String answer = mvc.perform(post("/api/v1/scan-batches").with(Staff.as(DIGITIZER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"path\": \"batch-" + fonds + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(answer, "$.id")).longValue();
        String report = awaitState(id, "DONE");
        assertThat(problems(report)).containsExactly("UNSAFE_PATH " + b.archivalCode() + " p-");
        assertThat(JsonPath.<List<String>>read(report, "$.problems[?(@.code == 'UNSAFE_PATH')].reason"))
                .containsExactly("指向批次之外的符号链接，不予跟随");
        assertThat(pages.of(a.id())).hasSize(1);
        assertThat(pages.of(b.id())).isEmpty();
        assertThat(folder.resolve(a.archivalCode()).resolve("0001.png")).exists();
    }

    @Test
    void theWorkbenchShowsTheBatchItsProgressAndItsProblemsWithLinksToTheEntries() throws Exception {
        Item a = entry(2014, "工作台上的件", null);
        byte[] zip = new ScanFixtures.Zip()
                .file(a.archivalCode() + "/0001.png", ScanFixtures.png(300))
                .file(a.archivalCode() + "/0003.png", ScanFixtures.png(300)).bytes();
        String location = mvc.perform(multipart("/scan-batches").file(new MockMultipartFile("batch", "b.zip",
                "application/zip", zip)).param("minDpi", "200").with(csrf()).with(Staff.page(DIGITIZER)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        awaitState(id, "DONE");
        String page = mvc.perform(get("/scan-batches/" + id).with(Staff.page(DIGITIZER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("PAGE_GAP", "/items/" + a.id().value(), "缺第 2 页", "/rerun");
        assertThat(mvc.perform(get("/scan-batches").with(Staff.page(DIGITIZER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("/scan-batches/" + id);
        mvc.perform(get("/scan-batches").with(Staff.page(Staff.ARCHIVIST))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/scan-batches/" + id).with(Staff.as(Staff.ARCHIVIST)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRerunAttachesOnlyToEntriesThePersonMayStillSee() throws Exception {
        Item secret = catalog.create(Entries.item(fonds, 2012, "降了密级查看权的件")
                .with(DescriptionField.PAGES, "2").with(DescriptionField.CLASSIFICATION, "机密").input(),
                Viewer.system());
        byte[] zip = new ScanFixtures.Zip().file(secret.archivalCode() + "/0001.png", ScanFixtures.png(300)).bytes();
        long id = upload(zip);
        assertThat(problems(awaitState(id, "DONE"))).containsExactly("PAGE_COUNT_MISMATCH " + secret.archivalCode()
                + " p-");

        // the digitizer's clearance was lowered after the submission; the re-run is theirs as they are now
        Viewer lowered = new Viewer(DIGITIZER, null, Classification.CONFIDENTIAL, true, Scope.ALL, Set.of());
        staff.as(DIGITIZER, () -> batches.rerun(id, Map.of(secret.archivalCode(), 1), lowered));
        String report = awaitState(id, "DONE");

        assertThat(problems(report)).containsExactly("NO_ENTRY " + secret.archivalCode() + " p-");
        assertThat(pages.of(secret.id())).isEmpty();
        assertThat(JsonPath.<List<String>>read(report, "$.entries[*].state")).containsExactly("ORPHAN");
    }

    @Test
    void aZipRefusedAsAWholeLeavesNothingOfItOnDisk() throws Exception {
        byte[] broken = "PK\u0003\u0004 only the start of a zip, then nothing a zip reader takes".getBytes();
        long id = upload(broken);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> batches.batch(id, viewer()).state() == ScanBatch.State.FAILED);
        assertThat(batches.batch(id, viewer()).message()).isEqualTo("上传的文件不是 zip 压缩包");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !Files.exists(dataDir.resolve("scan-batches").resolve(Long.toString(id))));
    }

    @Test
    void withoutTheDigitizeRightNoBatchIsTaken() throws Exception {
        mvc.perform(multipart("/api/v1/scan-batches").file(new MockMultipartFile("batch", "b.zip",
                "application/zip", new ScanFixtures.Zip().file("x.png", ScanFixtures.png(300)).bytes()))
                .param("rotate", "45").with(Staff.as(DIGITIZER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("digitization.batch.bad-rotate"));
        staff.ensure("cataloguer-only", "著录员", null, Classification.NONE, List.of("CATALOGUING"));
        mvc.perform(multipart("/api/v1/scan-batches").file(new MockMultipartFile("batch", "b.zip",
                "application/zip", new ScanFixtures.Zip().file("x.png", ScanFixtures.png(300)).bytes()))
                .with(Staff.as("cataloguer-only"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/scan-batches").file(new MockMultipartFile("batch", "b.zip",
                "application/zip", "not a zip at all".getBytes())).with(Staff.as(DIGITIZER)))
                .andExpect(status().isBadRequest());
    }

    // ---

    long upload(byte[] zip, String... params) throws Exception {
        var request = multipart("/api/v1/scan-batches").file(new MockMultipartFile("batch", "batch.zip",
                "application/zip", zip)).with(Staff.as(DIGITIZER));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String answer = mvc.perform(request).andExpect(status().isAccepted()).andReturn().getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    String awaitState(long id, String state) throws Exception {
        String[] last = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = mvc.perform(get("/api/v1/scan-batches/" + id).with(Staff.as(DIGITIZER)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String now = JsonPath.read(last[0], "$.state");
            assertThat(now).isNotEqualTo("FAILED");
            return now.equals(state);
        });
        return mvc.perform(get("/api/v1/scan-batches/" + id + "/report").with(Staff.as(DIGITIZER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static List<String> problems(String report) {
        List<Map<String, Object>> problems = JsonPath.read(report, "$.problems");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> p : problems) {
            found.add(p.get("code") + " " + p.get("archivalCode") + " p" + (p.get("page") == null ? "-" : p.get("page")));
        }
        return found;
    }

    Map<String, Integer> versions(ItemId id) {
        Map<String, Integer> versions = new HashMap<>();
        for (StoredFile f : store.files(id)) {
            versions.put(f.name(), f.version());
        }
        return versions;
    }

    JobId batchJob(long id) {
        return new JobId(jdbc.sql("SELECT job_id FROM scan_batch WHERE id = ?").param(id).query(String.class).single());
    }

    static Viewer viewer() {
        return new Viewer(DIGITIZER, null, Classification.TOP_SECRET, true, Scope.ALL, Set.of());
    }

    void assertNothingOutsideTheDataDirectory() throws Exception {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        try (Stream<Path> around = Files.walk(parent.getParent())) {
            assertThat(around.map(p -> p.getFileName().toString())).doesNotContain("escaped.png");
        }
        assertThat(Path.of("/tmp/absolute.png")).doesNotExist();
    }
}
