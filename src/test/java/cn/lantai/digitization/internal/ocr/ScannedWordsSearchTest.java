package cn.lantai.digitization.internal.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.digitization.PagesAttached;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.TextLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.ScanRenderer;
import cn.lantai.support.Staff;
import cn.lantai.support.TesseractAvailable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Words printed on a scanned page are found by search once OCR (the real Tesseract) has read the pages attached, and
 * the hit names the page they are on; the DIGITIZE right reads an entry again on request.
 */
@LantaiTest
@ExtendWith(TesseractAvailable.class)
class ScannedWordsSearchTest {

    @Autowired MockMvc mvc;
    @Autowired CatalogManagement catalog;
    @Autowired ArchivalStore store;
    @Autowired PageLedger ledger;
    @Autowired TextLedger texts;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired Staff staff;
    @TempDir Path dir;

    @Test
    void aPhraseRenderedIntoPageTwoIsFoundAfterOcrAndTheHitNamesPageTwo() throws Exception {
        ScannedEntries entries = new ScannedEntries(catalog, store, ledger, dir);
        Item item = entries.entry("区劳动局文件（扫描件）",
                page("区劳动局文件", "二〇一九年三月十二日印发，共三页。"),
                page("关于退休职工养老金调整的批复", "同意你局所报养老金调整方案，请认真组织实施。"),
                page("附件", "参加调整人员名单另附。"));
        transaction.executeWithoutResult(s -> events.publishEvent(new PagesAttached(item.id(), List.of(1, 2, 3),
                "tester")));

        await().atMost(Duration.ofMinutes(3)).until(() -> texts.of(item.id()).size() == 3 && hit("养老金调整的批复")
                != null);
        JsonNode hit = hit("养老金调整的批复");
        assertThat(hit.get("id").asText()).isEqualTo(item.id().toString());
        assertThat(hit.get("page").asInt()).isEqualTo(2);
        assertThat(hit.get("highlights").get("scanText").asText()).contains("<em>");
        assertThat(texts.page(item.id(), 2).orElseThrow().text()).contains("养老金调整").doesNotContain("养 老");
        assertThat(texts.page(item.id(), 2).orElseThrow().words()).isNotEmpty();

        // the search page links the hit to the item page at that page, where the viewer opens
        String html = mvc.perform(get("/search").param("q", "养老金调整的批复").with(Staff.page(Staff.ARCHIVIST)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/items/" + item.id() + "?page=2");
    }

    @Test
    void readingAnEntryAgainNeedsTheDigitizeRightAndSightOfTheRecord() throws Exception {
        ScannedEntries entries = new ScannedEntries(catalog, store, ledger, dir);
        Item item = entries.entry("区水利局文件（扫描件）", page("区水利局", "河道清理工程已按期完成，请组织验收。"));

        mvc.perform(post("/api/v1/items/" + item.id() + "/ocr").with(Staff.archivist()))
                .andExpect(status().isForbidden());

        staff.ensure("digitizer", "数字化员", null, Classification.NONE, List.of("DIGITIZATION"));
        mvc.perform(post("/api/v1/items/999999999/ocr").with(Staff.as("digitizer")))
                .andExpect(status().isNotFound());
        Item unscanned = catalog.create(cn.lantai.support.Entries.item(item.description().get(
                cn.lantai.catalog.DescriptionField.FONDS), 2019, "未扫描的条目").input(), cn.lantai.catalog.Viewer.system());
        mvc.perform(post("/api/v1/items/" + unscanned.id() + "/ocr").with(Staff.as("digitizer")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/items/abc/ocr").with(Staff.as("digitizer")))
                .andExpect(status().is4xxClientError());
        String body = mvc.perform(post("/api/v1/items/" + item.id() + "/ocr").with(Staff.as("digitizer")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("/api/v1/jobs/");
        await().atMost(Duration.ofMinutes(2)).until(() -> texts.of(item.id()).size() == 1);
        await().atMost(Duration.ofMinutes(1)).until(() -> hit("河道清理工程") != null);
        assertThat(hit("河道清理工程").get("page").asInt()).isEqualTo(1);
    }

    private JsonNode hit(String q) throws Exception {
        String json = mvc.perform(get("/api/v1/search").param("q", q).with(Staff.archivist()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode hits = JsonMapper.builder().build().readTree(json).get("hits");
        for (JsonNode h : hits) {
            if (h.hasNonNull("page")) {
                return h;
            }
        }
        return null;
    }

    private static java.awt.image.BufferedImage page(String title, String line) {
        return ScanRenderer.a4(title, List.of(line), 16f, 300, false, 1).image();
    }
}
