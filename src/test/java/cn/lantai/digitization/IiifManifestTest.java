package cn.lantai.digitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry's pages as an IIIF Presentation API 3.0 manifest: the structure the specification requires (context, type,
 * language maps, Canvas → AnnotationPage → painting Annotation → Image with its ImageService3), the description as
 * metadata in Chinese and English, the item JSON's link to it, and nothing for a record one may not see.
 */
@LantaiTest
class IiifManifestTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchivalStore store;

    @Autowired
    PageLedger ledger;

    @Autowired
    Staff staff;

    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    ScannedEntries entries;

    @BeforeEach
    void aFonds() {
        entries = new ScannedEntries(catalog, store, ledger, dir);
    }

    @Test
    void aManifestHasACanvasPerPagePaintedByItsImageService() throws Exception {
        Item item = entries.open("关于开展档案数字化工作的通知");
        List<ScanPage> pages = entries.attachPng(item, ScannedEntries.colourPage(1300, 1800),
                ScannedEntries.greyPage(120, 90, 200));

        MockHttpServletResponse response = mvc.perform(get("/iiif/3/manifests/{id}", item.id().value())
                .with(Staff.archivist())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/ld+json")
                .contains("http://iiif.io/api/presentation/3/context.json");
        JsonNode m = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        String id = "http://localhost/iiif/3/manifests/" + item.id().value();
        assertThat(m.get("@context").asString()).isEqualTo("http://iiif.io/api/presentation/3/context.json");
        assertThat(m.get("id").asString()).isEqualTo(id);
        assertThat(m.get("type").asString()).isEqualTo("Manifest");
        assertThat(m.get("label").get("zh").get(0).asString()).isEqualTo("关于开展档案数字化工作的通知");
        assertThat(m.get("summary").get("zh").get(0).asString()).isEqualTo("关于档案数字化的说明");
        List<String> labels = new ArrayList<>();
        m.get("metadata").forEach(pair -> {
            assertThat(pair.get("label").isObject()).isTrue();
            assertThat(pair.get("value").isObject()).isTrue();
            labels.add(pair.get("label").get("zh").get(0).asString() + "/"
                    + pair.get("label").get("en").get(0).asString());
        });
        assertThat(labels).contains("档号/Archival code", "题名/Title", "责任者/Creator", "日期/Date",
                "开放标识/Open status");
        assertThat(m.get("metadata").toString()).contains(item.archivalCode(), "区档案局");
        // the whole entry as one document: its PDF (with the OCR text layer) and its OFD
        assertThat(m.get("rendering").get(0).get("id").asString())
                .endsWith("/api/v1/items/" + item.id().value() + "/derivatives/pdf");
        assertThat(m.get("rendering").get(0).get("format").asString()).isEqualTo("application/pdf");
        assertThat(m.get("rendering").get(1).get("format").asString()).isEqualTo("application/ofd");
        assertThat(m.get("rendering").get(1).get("type").asString()).isEqualTo("Text");

        JsonNode canvases = m.get("items");
        assertThat(canvases.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            JsonNode canvas = canvases.get(i);
            ScanPage page = pages.get(i);
            String service = "http://localhost/iiif/3/" + page.imageId();
            assertThat(canvas.get("type").asString()).isEqualTo("Canvas");
            assertThat(canvas.get("id").asString()).startsWith(id + "/");
            assertThat(canvas.get("label").get("zh").get(0).asString()).isEqualTo("第 " + (i + 1) + " 页");
            assertThat(canvas.get("label").get("en").get(0).asString()).isEqualTo("Page " + (i + 1));
            assertThat(canvas.get("width").asInt()).isEqualTo(page.width());
            assertThat(canvas.get("height").asInt()).isEqualTo(page.height());
            JsonNode annotationPage = canvas.get("items").get(0);
            assertThat(annotationPage.get("type").asString()).isEqualTo("AnnotationPage");
            JsonNode annotation = annotationPage.get("items").get(0);
            assertThat(annotation.get("type").asString()).isEqualTo("Annotation");
            assertThat(annotation.get("motivation").asString()).isEqualTo("painting");
            assertThat(annotation.get("target").asString()).isEqualTo(canvas.get("id").asString());
            JsonNode body = annotation.get("body");
            assertThat(body.get("type").asString()).isEqualTo("Image");
            assertThat(body.get("format").asString()).isEqualTo("image/jpeg");
            assertThat(body.get("id").asString()).startsWith(service + "/");
            JsonNode imageService = body.get("service").get(0);
            assertThat(imageService.get("id").asString()).isEqualTo(service);
            assertThat(imageService.get("type").asString()).isEqualTo("ImageService3");
            assertThat(imageService.get("profile").asString()).isEqualTo("level2");
            assertThat(canvas.get("thumbnail").get(0).get("type").asString()).isEqualTo("Image");

            // every image the manifest names is served
            for (String image : List.of(body.get("id").asString(),
                    canvas.get("thumbnail").get(0).get("id").asString())) {
                MockHttpServletResponse served = mvc.perform(get(URI.create(image))
                        .with(Staff.archivist())).andReturn().getResponse();
                assertThat(served.getStatus()).as(image).isEqualTo(200);
            }
        }
    }

    @Test
    void thePublicReadsThePortalsFieldsOnlyWhileStaffReadTheWholeDescription() throws Exception {
        Item item = catalog.create(Entries.item(entries.fonds, 1989, "征地补偿名册")
                .with(DescriptionField.OPEN_STATUS, "开放").with(DescriptionField.CREATOR, "区档案局")
                .with(DescriptionField.PERSONS, "张三丰；李四光").with(DescriptionField.NOTES, "内部备注：待复核")
                .with(DescriptionField.KEYWORDS, "征地").with(DescriptionField.RETENTION, "永久").input(),
                Viewer.system());
        entries.attachPng(item, ScannedEntries.colourPage(300, 400));

        JsonNode anonymous = json.readTree(mvc.perform(get("/iiif/3/manifests/{id}", item.id().value()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> labels = labels(anonymous);
        assertThat(labels).contains("档号", "题名", "责任者", "日期", "主题词")
                .doesNotContain("人名", "备注", "密级", "开放标识", "保管期限");
        assertThat(anonymous.toString()).doesNotContain("张三丰", "内部备注", "开放", "derivatives");
        assertThat(anonymous.get("items").size()).as("the pages themselves are shown").isEqualTo(1);

        JsonNode archivist = json.readTree(mvc.perform(get("/iiif/3/manifests/{id}", item.id().value())
                .with(Staff.archivist())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(labels(archivist)).contains("人名", "开放标识", "保管期限");
        assertThat(archivist.toString()).contains("张三丰", "derivatives/pdf");
    }

    private static List<String> labels(JsonNode manifest) {
        List<String> labels = new ArrayList<>();
        manifest.get("metadata").forEach(pair -> labels.add(pair.get("label").get("zh").get(0).asString()));
        return labels;
    }

    @Test
    void theItemJsonLinksItsManifestOnlyWhenItHasPages() throws Exception {
        Item scanned = entries.open("有扫描件的一件");
        entries.attachPng(scanned, ScannedEntries.colourPage(300, 400));
        Item plain = entries.open("没有扫描件的一件");

        JsonNode with = json.readTree(mvc.perform(get("/api/v1/items/{id}", scanned.id().value())
                .with(Staff.archivist())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(with.get("manifest").asString())
                .isEqualTo("http://localhost/iiif/3/manifests/" + scanned.id().value());
        JsonNode without = json.readTree(mvc.perform(get("/api/v1/items/{id}", plain.id().value())
                .with(Staff.archivist())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(without.get("manifest") == null || without.get("manifest").isNull()).isTrue();
        assertThat(mvc.perform(get("/iiif/3/manifests/{id}", plain.id().value()).with(Staff.archivist()))
                .andReturn().getResponse().getStatus()).as("no pages, no manifest").isEqualTo(404);
    }

    @Test
    void aRecordOneMayNotSeeHasNoManifestAndAnswersAsOneThatDoesNotExist() throws Exception {
        String low = "iiifm-low-" + entries.fonds.toLowerCase(Locale.ROOT);
        staff.ensure(low, "秘密级档案员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item hidden = entries.secret("机密的图纸");
        entries.attachPng(hidden, ScannedEntries.colourPage(300, 400));
        Item gone = entries.open("删去的一件");
        entries.attachPng(gone, ScannedEntries.colourPage(300, 400));
        catalog.delete(gone.id(), Viewer.system());

        MockHttpServletResponse seen = mvc.perform(get("/iiif/3/manifests/{id}", hidden.id().value())
                .with(Staff.as(low))).andReturn().getResponse();
        MockHttpServletResponse missing = mvc.perform(get("/iiif/3/manifests/{id}", gone.id().value())
                .with(Staff.as(low))).andReturn().getResponse();
        assertThat(seen.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
        assertThat(seen.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(missing.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("机密");
        for (String bad : List.of("x", "0", "-1", "99999999999999999999", "1.5", "\u0663")) {
            assertThat(mvc.perform(get("/iiif/3/manifests/" + bad).with(Staff.as(low))).andReturn().getResponse()
                    .getStatus()).as(bad).isEqualTo(404);
        }
        MockHttpServletResponse allowed = mvc.perform(get("/iiif/3/manifests/{id}", hidden.id().value())
                .with(Staff.archivist())).andReturn().getResponse();
        assertThat(allowed.getStatus()).isEqualTo(200);
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(allowed.getContentAsString(StandardCharsets.UTF_8)).contains("机密");
    }
}
