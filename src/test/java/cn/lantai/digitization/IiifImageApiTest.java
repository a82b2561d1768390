package cn.lantai.digitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.iiif.Pyramids;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scanned pages over IIIF Image API 3.0: the image information document's required keys and its tiles and sizes
 * consistent with the page, tiles of the sizes info.json promises, the region, size, rotation, quality and format
 * parameters as §4 defines them and each bad one refused with the status the specification names, a pyramid cut once
 * per master and every answer made from it, and a record one may not see exposing nothing.
 */
@LantaiTest
class IiifImageApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchivalStore store;

    @Autowired
    PageLedger ledger;

    @Autowired
    Pyramids pyramids;

    @Autowired
    AuditTrail trail;

    @Autowired
    Staff staff;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path dir;

    ScannedEntries entries;

    @BeforeEach
    void aFonds() {
        entries = new ScannedEntries(catalog, store, ledger, dir);
    }

    @Test
    void infoJsonHasTheRequiredKeysAndTilesAndSizesThatFitThePage() throws Exception {
        Item item = entries.open("带扫描件的通知");
        ScanPage page = entries.attachPng(item, ScannedEntries.colourPage(1300, 1800)).get(0);

        MockHttpServletResponse response = mvc.perform(get("/iiif/3/{id}/info.json", page.imageId())
                .with(Staff.archivist())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/ld+json")
                .contains("profile=\"http://iiif.io/api/image/3/context.json\"");
        assertThat(response.getHeader("Link")).isEqualTo("<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).as("an open record's images may be reused")
                .isEqualTo("*");
        JsonNode info = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(info.propertyNames().iterator().next()).as("@context comes first").isEqualTo("@context");
        assertThat(info.get("@context").asString()).isEqualTo("http://iiif.io/api/image/3/context.json");
        assertThat(info.get("id").asString()).isEqualTo("http://localhost/iiif/3/" + page.imageId());
        assertThat(info.get("type").asString()).isEqualTo("ImageService3");
        assertThat(info.get("protocol").asString()).isEqualTo("http://iiif.io/api/image");
        assertThat(info.get("profile").asString()).isIn("level1", "level2");
        assertThat(info.get("width").isInt()).isTrue();
        assertThat(info.get("width").asInt()).isEqualTo(1300);
        assertThat(info.get("height").asInt()).isEqualTo(1800);
        assertThat(info.get("maxWidth").asInt()).isPositive();
        assertThat(info.get("maxArea").asLong()).isGreaterThanOrEqualTo(1300L * 1800);
        JsonNode tiles = info.get("tiles");
        assertThat(tiles.size()).isEqualTo(1);
        int tile = tiles.get(0).get("width").asInt();
        assertThat(tile).isIn(256, 512);
        List<Integer> factors = new ArrayList<>();
        tiles.get(0).get("scaleFactors").forEach(f -> factors.add(f.asInt()));
        assertThat(factors).as("powers of two from 1 until the page fits one tile").containsExactly(1, 2, 4);
        int last = factors.get(factors.size() - 1);
        assertThat(Math.max((1300 + last - 1) / last, (1800 + last - 1) / last)).isLessThanOrEqualTo(tile);
        List<String> sizes = new ArrayList<>();
        info.get("sizes").forEach(s -> sizes.add(s.get("width").asInt() + "x" + s.get("height").asInt()));
        assertThat(sizes).as("the kept levels, smallest first, each the page divided by a scale factor")
                .containsExactly("325x450", "650x900", "1300x1800");
        assertThat(info.get("extraQualities").toString()).contains("gray", "bitonal");
        assertThat(info.get("extraFeatures").toString()).contains("mirroring");

        MockHttpServletResponse plain = mvc.perform(get("/iiif/3/{id}/info.json", page.imageId())
                .header("Accept", "application/json").with(Staff.archivist())).andReturn().getResponse();
        assertThat(plain.getContentType()).as("plain JSON when that is all the caller takes")
                .startsWith("application/json");

        MockHttpServletResponse base = mvc.perform(get("/iiif/3/{id}", page.imageId()).with(Staff.archivist()))
                .andReturn().getResponse();
        assertThat(base.getStatus()).isEqualTo(303);
        assertThat(base.getHeader("Location")).isEqualTo("http://localhost/iiif/3/" + page.imageId() + "/info.json");
    }

    @Test
    void tilesComeAtTheSizesInfoJsonPromisesStraightFromThePyramid() throws Exception {
        Item item = entries.open("分块");
        ScanPage page = entries.attachPng(item, ScannedEntries.colourPage(1300, 1800)).get(0);

        assertThat(size(image(page, "512,512,512,512/512,/0/default.jpg"))).isEqualTo("512x512");
        assertThat(size(image(page, "1024,1536,276,264/276,/0/default.jpg"))).as("a tile at the edge")
                .isEqualTo("276x264");
        assertThat(size(image(page, "0,0,1024,1024/512,/0/default.jpg"))).as("scale factor 2").isEqualTo("512x512");
        assertThat(size(image(page, "1024,0,276,1024/138,/0/default.jpg"))).isEqualTo("138x512");
        assertThat(size(image(page, "0,0,1300,1800/325,/0/default.jpg"))).as("scale factor 4, one tile")
                .isEqualTo("325x450");

        MockHttpServletResponse tile = image(page, "512,512,512,512/512,/0/default.jpg");
        assertThat(tile.getContentType()).isEqualTo("image/jpeg");
        assertThat(tile.getContentAsByteArray()).as("the pre-cut tile itself")
                .isEqualTo(Files.readAllBytes(pyramids.dirOf(page).resolve("1/1_1.jpg")));
        assertThat(tile.getHeader("ETag")).isNotBlank();
        assertThat(tile.getHeader("Cache-Control")).startsWith("private");
        MockHttpServletResponse again = mvc.perform(get("/iiif/3/{id}/512,512,512,512/512,/0/default.jpg",
                page.imageId()).header("If-None-Match", tile.getHeader("ETag")).with(Staff.archivist()))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
    }

    @Test
    void regionsSizesRotationsQualitiesAndFormatsFollowTheSpecification() throws Exception {
        Item item = entries.open("参数");
        ScanPage page = entries.attachPng(item, ScannedEntries.colourPage(1300, 1800)).get(0);

        assertThat(size(image(page, "full/max/0/default.jpg"))).isEqualTo("1300x1800");
        assertThat(size(image(page, "full/max/0/color.jpg"))).isEqualTo("1300x1800");
        assertThat(size(image(page, "pct:50,50,50,50/max/0/default.jpg"))).isEqualTo("650x900");
        assertThat(size(image(page, "full/pct:10/0/default.jpg"))).isEqualTo("130x180");
        assertThat(size(image(page, "full/!200,200/0/default.jpg"))).isEqualTo("144x200");
        assertThat(size(image(page, "full/,360/0/default.jpg"))).isEqualTo("260x360");
        assertThat(size(image(page, "full/100,100/0/default.jpg"))).as("w,h may distort").isEqualTo("100x100");
        assertThat(size(image(page, "square/max/0/default.jpg"))).isEqualTo("1300x1300");
        assertThat(size(image(page, "1200,1700,500,500/max/0/default.jpg"))).as("cropped at the page's edge")
                .isEqualTo("100x100");
        assertThat(size(image(page, "0,0,100,100/%5E200,/0/default.jpg"))).as("^ upscales").isEqualTo("200x200");

        // in the region 400 × 200 from the top left corner, x < 325 is the red seal, and right of it the black bar
        // (y < 36) over white paper
        BufferedImage turned = decode(image(page, "0,0,400,200/max/90/default.png"));
        assertThat(turned.getWidth() + "x" + turned.getHeight()).isEqualTo("200x400");
        assertThat(isRed(turned.getRGB(100, 100))).isTrue();
        assertThat(isBlack(turned.getRGB(195, 380))).as("turned clockwise, the top edge goes to the right").isTrue();
        assertThat(isWhite(turned.getRGB(5, 380))).isTrue();
        BufferedImage mirrored = decode(image(page, "0,0,650,200/max/!0/default.png"));
        assertThat(isRed(mirrored.getRGB(640, 100))).as("mirrored, the left edge goes right").isTrue();
        assertThat(isWhite(mirrored.getRGB(5, 100))).isTrue();
        assertThat(isBlack(mirrored.getRGB(5, 5))).isTrue();
        BufferedImage mirroredAndTurned = decode(image(page, "0,0,650,200/max/!180/default.png"));
        assertThat(isRed(mirroredAndTurned.getRGB(5, 195))).as("mirrored first, then turned").isTrue();
        assertThat(isBlack(mirroredAndTurned.getRGB(640, 195))).isTrue();

        MockHttpServletResponse grey = image(page, "0,0,400,400/200,/0/gray.jpg");
        BufferedImage greyImage = decode(grey);
        int rgb = greyImage.getRGB(10, 10);
        assertThat((rgb >> 16) & 0xff).isEqualTo((rgb >> 8) & 0xff).isEqualTo(rgb & 0xff);
        assertThat(greyImage.getColorModel().getNumColorComponents()).isEqualTo(1);

        assertThat(decode(image(page, "0,0,100,100/100,/0/gray.png")).getRaster().getSample(50, 50, 0))
                .as("red's luminance, as sRGB grey (not darkened as linear grey)").isBetween(70, 82);

        MockHttpServletResponse bitonal = image(page, "0,0,400,400/200,/0/bitonal.png");
        assertThat(bitonal.getContentType()).isEqualTo("image/png");
        BufferedImage bw = decode(bitonal);
        for (int y = 0; y < bw.getHeight(); y += 7) {
            for (int x = 0; x < bw.getWidth(); x += 7) {
                assertThat(bw.getRGB(x, y) & 0xffffff).isIn(0x000000, 0xffffff);
            }
        }
        assertThat(image(page, "full/200,/0/default.png").getContentType()).isEqualTo("image/png");
    }

    @Test
    void eachBadParameterIsRefusedWithTheStatusTheSpecificationNames() throws Exception {
        Item item = entries.open("错误参数");
        ScanPage page = entries.attachPng(item, ScannedEntries.colourPage(600, 800)).get(0);

        for (String bad : List.of(
                "600,0,10,10/max/0/default.jpg", // region entirely outside the image
                "2000,2000,10,10/max/0/default.jpg",
                "0,0,0,10/max/0/default.jpg", // a region with no width
                "pct:0,0,0,50/max/0/default.jpg",
                "full/0,/0/default.jpg", // size 0
                "full/,0/0/default.jpg",
                "full/0,0/0/default.jpg",
                "full/pct:0/0/default.jpg",
                "full/100000,/0/default.jpg", // size 100,000: larger than the region, no ^
                "full/%5E100000,/0/default.jpg", // and beyond maxWidth with ^
                "full/%5E100000,100000/0/default.jpg",
                "full/pct:101/0/default.jpg", // above 100 % without ^
                "full/700,/0/default.jpg", // larger than the region without ^
                "full/max/45/default.jpg", // arbitrary rotation: not supported (§4.3: 400)
                "full/max/22.5/default.jpg",
                "full/max/361/default.jpg", // out of range
                "full/max/-90/default.jpg",
                "full/max/+90/default.jpg",
                "full/max/0/sepia.jpg", // unknown quality
                "full/max/0/Default.jpg",
                "full/max/0/default.gif", // unknown or unsupported formats
                "full/max/0/default.webp",
                "full/max/0/default.tif",
                "full/max/0/default.exe",
                "full/max/0/default", // no format at all
                "1,2,3/max/0/default.jpg", // malformed
                "a,b,c,d/max/0/default.jpg",
                "pct:1e2,0,10,10/max/0/default.jpg",
                "pct:.5,0,10,10/max/0/default.jpg",
                "full/!100,/0/default.jpg",
                "full/,/0/default.jpg",
                "full/maximum/0/default.jpg",
                "full/max/!/default.jpg",
                "full/max/90.0.1/default.jpg",
                "full/99999999999999,/0/default.jpg",
                "0,0,600,600/%5Epct:715827883.34/0/default.jpg", // 600 × 7,158,278.83 is 2^32 + 4: wrapped, 4 × 4
                "full/%5Epct:99999999999999999/0/default.jpg")) {
            MockHttpServletResponse response = image(page, bad);
            assertThat(response.getStatus()).as(bad).isEqualTo(400);
            assertThat(response.getContentType()).as(bad).startsWith("text/plain");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(bad).isNotBlank();
        }
        for (String missing : List.of("/iiif/3/" + page.item().value() + "-99/info.json",
                "/iiif/3/" + page.item().value() + "-0/info.json", "/iiif/3/x-1/info.json",
                "/iiif/3/" + page.item().value() + "/info.json", "/iiif/3/99999999999999999999-1/info.json")) {
            assertThat(mvc.perform(get(missing).with(Staff.archivist())).andReturn().getResponse().getStatus())
                    .as(missing).isEqualTo(404);
        }
    }

    @Test
    void aLargeRegionIsComposedBandByBandAndALopsidedSizeOfItIsRefused() throws Exception {
        Item item = entries.open("大幅图纸");
        BufferedImage sheet = ScannedEntries.greyPage(8000, 3100, 200);
        var g = sheet.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 1550, 8000, 100);
        g.dispose();
        ScanPage page = entries.attachPng(item, sheet).get(0);

        // one row of 8,000 pixels would make the service compose all 24.8 million pixels of the page
        MockHttpServletResponse lopsided = image(page, "full/8000,1/0/default.png");
        assertThat(lopsided.getStatus()).isEqualTo(400);
        assertThat(lopsided.getContentAsString(StandardCharsets.UTF_8)).contains("lopsided");

        BufferedImage whole = decode(image(page, "full/max/0/default.png"));
        assertThat((long) whole.getWidth() * whole.getHeight()).isLessThanOrEqualTo(12_000_000L);
        assertThat((double) whole.getWidth() / whole.getHeight()).isCloseTo(8000.0 / 3100, within(0.01));
        int barTop = (int) Math.floor(1550.0 * whole.getHeight() / 3100) - 1;
        int barBottom = (int) Math.ceil(1650.0 * whole.getHeight() / 3100) + 1;
        for (int y = 0; y < whole.getHeight(); y++) {
            int grey = whole.getRaster().getSample(whole.getWidth() / 2, y, 0);
            if (y < barTop || y > barBottom) {
                assertThat(grey).as("row %d: the page's grey, no seam between bands", y).isBetween(190, 210);
            } else if (y > barTop + 2 && y < barBottom - 2) {
                assertThat(grey).as("row %d: the black bar where the page has it", y).isLessThan(40);
            }
        }
    }

    @Test
    void aRecordOneMayNotSeeExposesNoImageAndAnswersAsOneThatDoesNotExist() throws Exception {
        String low = "iiif-low-" + entries.fonds.toLowerCase(Locale.ROOT);
        staff.ensure(low, "秘密级档案员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item hidden = entries.secret("机密的规划图");
        ScanPage page = entries.attachPng(hidden, ScannedEntries.colourPage(600, 800)).get(0);
        Item gone = entries.open("删去的一件");
        entries.attachPng(gone, ScannedEntries.colourPage(600, 800));
        catalog.delete(gone.id(), Viewer.system());

        for (String suffix : List.of("-1/info.json", "-1/0,0,512,512/512,/0/default.jpg", "-1/full/max/0/default.jpg",
                "-1/5000,5000,1,1/max/45/sepia.gif")) {
            MockHttpServletResponse seen = mvc.perform(get("/iiif/3/" + hidden.id().value() + suffix)
                    .with(Staff.as(low))).andReturn().getResponse();
            MockHttpServletResponse missing = mvc.perform(get("/iiif/3/" + gone.id().value() + suffix)
                    .with(Staff.as(low))).andReturn().getResponse();
            assertThat(seen.getStatus()).as(suffix).isEqualTo(404).isEqualTo(missing.getStatus());
            assertThat(seen.getContentAsString(StandardCharsets.UTF_8)).as(suffix)
                    .isEqualTo(missing.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("机密");
        }
        assertThat(mvc.perform(get("/iiif/3/{id}/info.json", page.imageId()).with(Staff.page(low))).andReturn()
                .getResponse().getStatus()).as("signed in to the workbench, the same").isEqualTo(404);
        assertThat(mvc.perform(get("/iiif/3/{id}/info.json", page.imageId())).andReturn().getResponse().getStatus())
                .as("nobody signed in: the public, who sees a controlled page as missing").isEqualTo(404);
        assertThat(Files.exists(pyramids.dirOf(page))).as("no tile was cut for a refused request").isFalse();

        MockHttpServletResponse allowed = mvc.perform(get("/iiif/3/{id}/info.json", page.imageId())
                .with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse();
        assertThat(allowed.getStatus()).isEqualTo(200);
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).as("no CORS for a controlled record").isNull();
        assertThat(allowed.getHeader("Cache-Control")).startsWith("private");
    }

    @Test
    void viewsOfAControlledRecordsImagesAreAuditedOncePerPageAndHourForTiles() throws Exception {
        Item secret = entries.secret("机密的扫描件");
        ScanPage page = entries.attachPng(secret, ScannedEntries.colourPage(600, 800)).get(0);
        Item open = entries.open("公开的扫描件");
        ScanPage openPage = entries.attachPng(open, ScannedEntries.colourPage(600, 800)).get(0);

        mvc.perform(get("/iiif/3/{id}/info.json", page.imageId()).with(Staff.archivist()));
        for (String tile : List.of("0,0,512,512/512,/0/default.jpg", "512,0,88,512/88,/0/default.jpg",
                "0,512,512,288/512,/0/default.jpg")) {
            assertThat(image(page, tile).getStatus()).isEqualTo(200);
        }
        mvc.perform(get("/iiif/3/{id}/info.json", openPage.imageId()).with(Staff.archivist()));
        image(openPage, "full/max/0/default.jpg");

        String target = "item:" + secret.id().value() + " ";
        assertThat(entries("digitization.image-info", target)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Staff.ARCHIVIST));
        assertThat(entries("digitization.image-view", target)).as("three tiles of one page: one entry")
                .singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("page 1"));
        String openTarget = "item:" + open.id().value() + " ";
        assertThat(entries("digitization.image-info", openTarget)).isEmpty();
        assertThat(entries("digitization.image-view", openTarget)).isEmpty();
    }

    @Test
    void thePyramidIsCutOnceAndEveryAnswerIsMadeFromItNeverFromTheMaster() throws Exception {
        Item item = entries.open("金字塔");
        ScanPage page = entries.attachPng(item, ScannedEntries.colourPage(1300, 1800)).get(0);
        Path pyramid = pyramids.dirOf(page);
        assertThat(image(page, "0,0,512,512/512,/0/default.jpg").getStatus()).isEqualTo(200);
        assertThat(pyramid.resolve("pyramid.properties")).exists();
        FileTime made = Files.getLastModifiedTime(pyramid.resolve("pyramid.properties"));
        List<String> files = listing(pyramid);
        assertThat(files).contains("1/0_0.jpg", "1/2_3.jpg", "2/1_1.jpg", "4/0_0.jpg", "4/level.jpg")
                .doesNotContain("1/3_0.jpg");

        // paint the first tile blue: what is answered from now on shows whether it came from the tiles
        BufferedImage blue = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        var g = blue.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 512, 512);
        g.dispose();
        ImageIO.write(blue, "jpg", pyramid.resolve("1/0_0.jpg").toFile());

        assertThat(isBlue(decode(image(page, "0,0,512,512/512,/0/default.jpg")).getRGB(100, 100))).isTrue();
        assertThat(isBlue(decode(image(page, "100,100,200,200/max/0/default.png")).getRGB(50, 50)))
                .as("a region of other bounds is composed from the tiles").isTrue();
        assertThat(mvc.perform(get("/iiif/3/{id}/info.json", page.imageId()).with(Staff.archivist())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(Files.getLastModifiedTime(pyramid.resolve("pyramid.properties"))).isEqualTo(made);
        assertThat(listing(pyramid)).isEqualTo(files);
        assertThat(listing(pyramid.getParent())).as("one pyramid for the page, no build left aside")
                .filteredOn(name -> !name.contains("/")).containsExactly(pyramid.getFileName().toString());
    }

    @Test
    void concurrentFirstRequestsForAPageCutItsTilesOnce() throws Exception {
        Item item = entries.open("并发");
        ScanPage page = entries.attachPng(item, ScannedEntries.colourPage(1500, 1500)).get(0);
        long before = pyramids.built();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String tile : List.of("0,0,512,512/512,", "512,0,512,512/512,", "1024,0,476,512/476,",
                    "0,0,1024,1024/512,", "1024,1024,476,476/238,", "full/375,")) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return image(page, tile + "/0/default.jpg").getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(pyramids.built() - before).as("one build for six first requests").isEqualTo(1);
        assertThat(listing(pyramids.dirOf(page).getParent())).filteredOn(name -> !name.contains("/"))
                .containsExactly(pyramids.dirOf(page).getFileName().toString());
    }

    @Test
    void attachedPagesGetTheirTilesInTheBackgroundBeforeAnyoneAsks() {
        Item item = entries.open("挂接后切片");
        List<ScanPage> pages = entries.attachPng(item, ScannedEntries.colourPage(700, 900),
                ScannedEntries.greyPage(400, 300, 120));

        transactions.executeWithoutResult(status -> events.publishEvent(new PagesAttached(item.id(), List.of(1, 2),
                "scanner")));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ScanPage page : pages) {
                assertThat(pyramids.dirOf(page).resolve("pyramid.properties")).exists();
            }
        });
    }

    @Test
    void aDamagedMasterGivesAClearErrorAndLeavesNoHalfMadeTiles() throws Exception {
        Item item = entries.open("损坏的扫描件");
        Path whole = dir.resolve("whole.png");
        ImageIO.write(ScannedEntries.colourPage(800, 1000), "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 3));
        store.deposit(new Deposit(item, List.of(new ContentFile("scans/0001.png", truncated, "image/png")), List.of(),
                "scanner", "扫描件"));
        ScanPage page = new ScanPage(item.id(), 1, "scans/0001.png", 0, ScannedEntries.sha256(truncated), 800, 1000,
                300, 300, ScanPage.ColourMode.COLOUR);
        ledger.record(item.id(), List.of(page));

        for (String path : List.of("/info.json", "/0,0,512,512/512,/0/default.jpg")) {
            MockHttpServletResponse response = mvc.perform(get("/iiif/3/" + page.imageId() + path)
                    .with(Staff.archivist())).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(500);
            assertThat(response.getContentType()).startsWith("text/plain");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("cannot be read");
        }
        assertThat(Files.exists(pyramids.dirOf(page))).isFalse();
        assertThat(listing(pyramids.dirOf(page).getParent())).as("nothing built aside is left").isEmpty();
    }

    @Test
    void aNewMasterGetsANewPyramidAndTheOldOneGoes() throws Exception {
        Item item = entries.open("重扫");
        ScanPage first = entries.attachPng(item, ScannedEntries.colourPage(600, 800)).get(0);
        assertThat(image(first, "full/max/0/default.jpg").getStatus()).isEqualTo(200);
        Path old = pyramids.dirOf(first);
        assertThat(old).exists();

        ScanPage rescanned = entries.attachPng(item, ScannedEntries.greyPage(700, 900, 90)).get(0);
        MockHttpServletResponse info = mvc.perform(get("/iiif/3/{id}/info.json", rescanned.imageId())
                .with(Staff.archivist())).andReturn().getResponse();

        JsonNode json = this.json.readTree(info.getContentAsString(StandardCharsets.UTF_8));
        assertThat(json.get("width").asInt()).isEqualTo(700);
        assertThat(json.get("extraQualities").toString()).doesNotContain("color");
        assertThat(pyramids.dirOf(rescanned)).exists().isNotEqualTo(old);
        assertThat(old).doesNotExist();
    }

    @Test
    void theSecondPageOfAMultiPageTiffIsItsOwnImage() throws Exception {
        Item item = entries.open("多页TIFF");
        List<ScanPage> pages = entries.attachTiff(item, ScannedEntries.greyPage(300, 200, 50),
                ScannedEntries.colourPage(640, 480));

        JsonNode info = json.readTree(mvc.perform(get("/iiif/3/{id}/info.json", pages.get(1).imageId())
                .with(Staff.archivist())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(info.get("width").asInt()).isEqualTo(640);
        assertThat(info.get("height").asInt()).isEqualTo(480);
        BufferedImage second = decode(image(pages.get(1), "full/max/0/default.png"));
        assertThat(second.getWidth() + "x" + second.getHeight()).isEqualTo("640x480");
        assertThat(isRed(second.getRGB(10, 10))).isTrue();
        BufferedImage first = decode(image(pages.get(0), "full/max/0/default.png"));
        assertThat(first.getWidth() + "x" + first.getHeight()).isEqualTo("300x200");
        assertThat(first.getRaster().getSample(10, 10, 0)).as("the grey of the page as scanned").isBetween(45, 55);
    }

    private MockHttpServletResponse image(ScanPage page, String parameters) throws Exception {
        return image(page, parameters, Staff.archivist());
    }

    private MockHttpServletResponse image(ScanPage page, String parameters, RequestPostProcessor who)
            throws Exception {
        return mvc.perform(get(URI.create("/iiif/3/" + page.imageId() + "/" + parameters)).with(who))
                .andReturn().getResponse();
    }

    private static String size(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        BufferedImage image = decode(response);
        return image.getWidth() + "x" + image.getHeight();
    }

    private static BufferedImage decode(MockHttpServletResponse response) throws IOException {
        assertThat(response.getStatus()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
        assertThat(image).isNotNull();
        return image;
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
    }

    private static boolean isBlack(int rgb) {
        return ((rgb >> 16) & 0xff) < 60 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) < 60;
    }

    private static boolean isWhite(int rgb) {
        return ((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) > 200 && (rgb & 0xff) > 200;
    }

    private static boolean isBlue(int rgb) {
        return ((rgb >> 16) & 0xff) < 60 && ((rgb >> 8) & 0xff) < 60 && (rgb & 0xff) > 200;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private List<AuditEntry> entries(String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(null, action, target, null, null), 0, 100))
                .entries();
    }
}
