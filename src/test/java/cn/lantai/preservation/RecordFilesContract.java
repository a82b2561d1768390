package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A record's files as people read them, through the API and the workbench: listed and downloaded under the record's
 * own rule, a record beyond sight answering as a missing one, downloads of controlled records audited, names that are
 * not the record's finding nothing, and only PDFs and images shown inline. Runs on H2 and PostgreSQL.
 */
abstract class RecordFilesContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ArchivalStore store;

    @Autowired
    AuditTrail trail;

    @Autowired
    Staff staff;

    @TempDir
    Path dir;

    StoredRecords records;

    @BeforeEach
    void aFonds() {
        records = new StoredRecords(catalog, store, dir);
    }

    @Test
    void aRecordsFilesAreListedWithSizeFormatBothDigestsAndVersion() throws Exception {
        Item item = records.open("关于档案数字化的通知", "正文.pdf", "%PDF-1.7 正文", "附件/扫描 1.jpg", "jpeg");

        String json = mvc.perform(get("/api/v1/items/{id}/files", item.id().value()).with(Staff.archivist()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        StoredFile pdf = store.files(item.id()).get(0);
        assertThat(json).contains("\"name\":\"正文.pdf\"", "\"name\":\"附件/扫描 1.jpg\"",
                "\"size\":" + pdf.size(), "\"format\":\"application/pdf\"", "\"sha256\":\"" + pdf.sha256() + "\"",
                "\"sm3\":\"" + pdf.sm3() + "\"", "\"version\":1");
    }

    @Test
    void aFileIsDownloadedByItsNameWithItsTypeItsChineseNameAndNoSniffing() throws Exception {
        Item item = records.open("带附件的通知", "附件/扫描 件 1.pdf", "%PDF-1.4 扫描件");

        // the name as a percent-encoded query parameter: '/', a space and Chinese
        MockHttpServletResponse response = download(get(URI.create("/api/v1/items/" + item.id().value()
                + "/files/content?name=%E9%99%84%E4%BB%B6%2F%E6%89%AB%E6%8F%8F%20%E4%BB%B6%201.pdf"))
                .with(Staff.archivist()));

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 扫描件");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
                .contains("filename*=UTF-8''%E6%89%AB%E6%8F%8F%20%E4%BB%B6%201.pdf");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Length")).isEqualTo(Long.toString(store.files(item.id()).get(0).size()));
    }

    @Test
    void aRecordBeyondOnesSightAnswersExactlyAsOneThatDoesNotExist() throws Exception {
        String low = "pkgfiles-" + records.fonds.toLowerCase(Locale.ROOT);
        staff.ensure(low, "秘密级档案员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item hidden = records.secret("机密的规划", "正文.pdf", "%PDF 机密");
        Item gone = records.open("删去的一件");
        catalog.delete(gone.id(), Viewer.system());

        for (String suffix : List.of("/files", "/files/content?name=%E6%AD%A3%E6%96%87.pdf")) {
            MockHttpServletResponse seen = mvc.perform(get(URI.create("/api/v1/items/" + hidden.id().value() + suffix))
                    .with(Staff.as(low))).andReturn().getResponse();
            MockHttpServletResponse missing = mvc.perform(get(URI.create("/api/v1/items/" + gone.id().value() + suffix))
                    .with(Staff.as(low))).andReturn().getResponse();
            assertThat(seen.getStatus()).as(suffix).isEqualTo(404).isEqualTo(missing.getStatus());
            assertThat(seen.getContentAsString(StandardCharsets.UTF_8).replace("/" + hidden.id().value() + "/", "/…/"))
                    .isEqualTo(missing.getContentAsString(StandardCharsets.UTF_8)
                            .replace("/" + gone.id().value() + "/", "/…/"));
        }
        MockHttpServletResponse page = mvc.perform(get("/items/" + hidden.id().value() + "/files/content")
                .param("name", "正文.pdf").with(Staff.page(low))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("机密");
    }

    @Test
    void aNameTheRecordDoesNotHoldIsNotFoundWhateverItPointsAt() throws Exception {
        Item item = records.open("只有正文", "正文.pdf", "%PDF 正文");

        for (String name : List.of("../../etc/passwd", "/etc/passwd", "正文.pdf/../正文.pdf", "./正文.pdf",
                "..\\..\\正文.pdf", "正文.PDF", "正文.pdf\u0000", "", "x".repeat(5000), "metadata/premis.xml",
                "../metadata/description.json", "%2e%2e/%2e%2e/etc/passwd")) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/items/{id}/files/content", item.id().value())
                    .param("name", name).with(Staff.archivist())).andReturn().getResponse();
            assertThat(response.getStatus()).as(name).isEqualTo(404);
            assertThat(response.getContentType()).as(name).isEqualTo("application/problem+json");
        }
        assertThat(mvc.perform(get("/api/v1/items/{id}/files/content", item.id().value()).with(Staff.archivist()))
                .andReturn().getResponse().getStatus()).as("no name at all").isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/items/x/files").with(Staff.archivist())).andReturn().getResponse()
                .getStatus()).as("an id that is no number").isEqualTo(400);
        assertThat(mvc.perform(get("/api/v1/items/{id}/files", item.id().value())).andReturn().getResponse()
                .getStatus()).as("without a token").isEqualTo(401);
    }

    @Test
    void theDownloadOfAControlledRecordsFileIsAuditedByItsDigestNeverItsName() throws Exception {
        Item secret = records.secret("机密的规划", "规划草案.pdf", "%PDF 草案");
        Item open = records.open("公开的通知", "通知.pdf", "%PDF 通知");

        download(get("/api/v1/items/{id}/files/content", secret.id().value()).param("name", "规划草案.pdf")
                .with(Staff.archivist()));
        download(get("/api/v1/items/{id}/files/content", open.id().value()).param("name", "通知.pdf")
                .with(Staff.archivist()));

        assertThat(entries("item:" + secret.id().value() + " ")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(Staff.ARCHIVIST);
            assertThat(e.after()).isEqualTo("sha256:" + store.files(secret.id()).get(0).sha256());
            assertThat(e.target() + e.after()).doesNotContain("规划草案");
        });
        assertThat(entries("item:" + open.id().value() + " ")).isEmpty();
    }

    @Test
    void onlyPdfsAndImagesAreShownInlineAndOnlyInTheArchivesOwnPages() throws Exception {
        Item item = records.open("格式各异", "正文.pdf", "%PDF 正文", "页面.html", "<script>alert(1)</script>",
                "扫描.jpg", "jpeg");
        RequestPostProcessor signedIn = Staff.page(Staff.ARCHIVIST);

        MockHttpServletResponse pdf = download(get("/items/{id}/files/content", item.id().value())
                .param("name", "正文.pdf").param("inline", "true").with(signedIn));
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(pdf.getHeader("Content-Security-Policy")).isEqualTo("frame-ancestors 'self'");

        MockHttpServletResponse html = download(get("/items/{id}/files/content", item.id().value())
                .param("name", "页面.html").param("inline", "true").with(signedIn));
        assertThat(html.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(html.getContentType()).isEqualTo("application/octet-stream");
        assertThat(html.getHeader("X-Frame-Options")).isEqualTo("DENY");

        MockHttpServletResponse image = download(get("/items/{id}/files/content", item.id().value())
                .param("name", "扫描.jpg").param("inline", "true").with(signedIn));
        assertThat(image.getHeader("Content-Disposition")).startsWith("inline");
        assertThat(image.getContentType()).isEqualTo("image/jpeg");
    }

    @Test
    void theItemPageListsTheFilesWithPreviewsLoadedOnRequestOrSaysThereAreNoneAndWhatToDo() throws Exception {
        Item with = records.open("有文件的一件", "正文.pdf", "%PDF 正文", "扫描.jpg", "jpeg", "说明.txt", "说明");
        Item without = records.open("没有文件的一件");

        String page = mvc.perform(get("/items/{id}", with.id().value()).with(Staff.page(Staff.ARCHIVIST)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        StoredFile pdf = store.files(with.id()).get(0);
        String link = "/items/" + with.id().value() + "/files/content?name=";
        assertThat(page).contains("电子文件", "正文.pdf", "扫描.jpg", "说明.txt", "title=\"" + pdf.sha256() + "\"",
                "SHA-256 " + pdf.sha256().substring(0, 12), "title=\"" + pdf.sm3() + "\"",
                "href=\"" + link + "%E6%AD%A3%E6%96%87.pdf\"",
                "href=\"" + link + "%E6%AD%A3%E6%96%87.pdf&amp;inline=true\"",
                "href=\"" + link + "%E6%89%AB%E6%8F%8F.jpg&amp;inline=true\"", "data-preview=\"PDF\"",
                "data-preview=\"IMAGE\"", "显示预览")
                .doesNotContain(link + "%E8%AF%B4%E6%98%8E.txt&amp;inline=true")
                .as("no preview loads with the page: each would be a whole transfer and an audited read")
                .doesNotContain("<iframe", "src=\"" + link);

        String empty = mvc.perform(get("/items/{id}", without.id().value()).with(Staff.page(Staff.ARCHIVIST)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("尚无电子文件", "移交或在线归档");
        String english = mvc.perform(get("/items/{id}", without.id().value()).param("lang", "en")
                .with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("No electronic files yet");
    }

    private List<AuditEntry> entries(String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(null, "preservation.file-download", target, null,
                null), 0, 100)).entries();
    }

    /** A streamed body is written on the async dispatch. */
    private MockHttpServletResponse download(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andReturn();
        assertThat(started.getResponse().getStatus()).isEqualTo(200);
        return mvc.perform(asyncDispatch(started)).andReturn().getResponse();
    }
}
