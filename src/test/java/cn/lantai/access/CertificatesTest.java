package cn.lantai.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certified copies as the reading room issues them and anyone checks them: a clerk issues a PDF and an OFD of a
 * record's pages for a visit; the number with its code, the page, the API and the offline command all find it valid;
 * a revoked one is said revoked; a wrong code answers exactly as an unknown number; bad uploads are refused clearly;
 * script in a visitor's name or a title stays text.
 */
@LantaiTest
class CertificatesTest {

    static final String CLERK = "cert-clerk";
    static final String APPROVER = "cert-approver";
    static final String CATALOGUER = "cert-cataloguer";
    static final String LOW_CLERK = "cert-low-clerk";
    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;
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
    AuditTrail trail;
    static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    CertifiedRecords records;

    @BeforeEach
    void setUp() {
        assumeTrue(seal.pdfAvailable(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        staff.ensure(CLERK, "出证员", null, Classification.CONFIDENTIAL, List.of("READING_ROOM"));
        staff.ensure(APPROVER, "利用审批员", null, Classification.CONFIDENTIAL, List.of("USE_APPROVAL"));
        staff.ensure(CATALOGUER, "著录员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
        staff.ensure(LOW_CLERK, "低密级出证员", null, Classification.NONE, List.of("READING_ROOM"));
        records = new CertifiedRecords(catalog, store, ledger, derivatives, jdbc, dir);
    }

    @Test
    void anIssuedCertificateVerifiesByNumberAndCodeOnThePageInTheApiAndOffline() throws Exception {
        Item item = records.scanned(records.entry("关于颁发土地使用证的通知"), 3);
        long visit = records.visit("张三", Purpose.PERSONAL_EVIDENCE);
        Map<String, Object> issued = issue(Map.of("itemId", item.id().value(), "firstPage", 2, "lastPage", 3,
                "visitId", visit));
        String number = (String) issued.get("number");
        String code = (String) issued.get("code");
        assertThat(number).matches("LT-\\d{4}-\\d{6}");
        assertThat(issued.get("purpose")).isEqualTo("PERSONAL_EVIDENCE");
        assertThat((String) issued.get("verifyUrl")).as("no public URL set: the clerk's request's own address")
                .isEqualTo("http://localhost/verify?n=" + number + "&c=" + code);

        Map<String, Object> checked = body(mvc.perform(get("/api/v1/public/certificates/{n}", number)
                .param("code", code)).andExpect(status().isOk()).andReturn().getResponse());
        assertThat(checked).containsEntry("state", "VALID").containsEntry("number", number)
                .containsEntry("archivalCode", item.archivalCode()).containsEntry("title", item.title())
                .containsEntry("purpose", "PERSONAL_EVIDENCE").doesNotContainKeys("visitId", "issuer", "itemId");

        String page = mvc.perform(get("/verify").param("n", number).param("c", code)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("有效", number, item.archivalCode(), "个人取证").doesNotContain("张三");

        byte[] pdf = download(number, "pdf");
        byte[] ofd = download(number, "ofd");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("档案证明", number, code, item.archivalCode(), "关于颁发土地使用证的通知", "个人取证",
                    "张三", "第 2 至 3 页");
        }
        for (byte[] file : List.of(pdf, ofd)) {
            assertThat(body(mvc.perform(multipart("/api/v1/public/certificates/verify")
                    .file(new MockMultipartFile("file", "c.bin", "application/octet-stream", file)))
                    .andExpect(status().isOk()).andReturn().getResponse()))
                    .containsEntry("state", "VALID").containsEntry("number", number);
            assertThat(offline(file)).startsWith("0 ").contains("VALID", "revocation cannot be known");
        }
        String uploaded = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "c.ofd",
                "application/ofd", ofd)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(uploaded).contains("有效", number);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_use WHERE kind = 'CERTIFICATE' AND visit_id = :v "
                + "AND item_id = :i").param("v", visit).param("i", item.id().value()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(null, "access.certificate.issue", "certificate:" + number, null, null), 0, 10)).entries())
                .extracting(AuditEntry::target).anyMatch(t -> t.startsWith("certificate:" + number + " "));
    }

    @Test
    void aRevokedCertificateIsSaidRevokedWithItsReasonAndDate() throws Exception {
        Item item = records.scanned(records.entry("撤销测试的批复"), 1);
        Map<String, Object> issued = issue(Map.of("itemId", item.id().value(), "purpose", "WORK"));
        String number = (String) issued.get("number");
        String code = (String) issued.get("code");

        mvc.perform(post("/api/v1/certificates/{n}/revoke", number).with(Staff.as(CATALOGUER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"错发\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/certificates/{n}/revoke", number).with(Staff.as(APPROVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/certificates/{n}/revoke", number).with(Staff.as(APPROVER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"复制件有误，已重新出具\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/certificates/{n}/revoke", number).with(Staff.as(CLERK))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());

        assertThat(body(mvc.perform(get("/api/v1/public/certificates/{n}", number).param("code", code))
                .andExpect(status().isOk()).andReturn().getResponse()))
                .containsEntry("state", "REVOKED").containsEntry("revokeReason", "复制件有误，已重新出具")
                .containsKey("revokedAt");
        assertThat(mvc.perform(get("/verify").param("n", number).param("c", code)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已撤销", "复制件有误，已重新出具");
        byte[] pdf = download(number, "pdf");
        assertThat(body(mvc.perform(multipart("/api/v1/public/certificates/verify")
                .file(new MockMultipartFile("file", "c.pdf", "application/pdf", pdf))).andExpect(status().isOk())
                .andReturn().getResponse())).containsEntry("state", "REVOKED");
        assertThat(mvc.perform(get("/certificates").param("q", number).with(Staff.page(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(number, "复制件有误，已重新出具");
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(null, "access.certificate.revoke", "certificate:" + number, null, null), 0, 10)).entries())
                .extracting(AuditEntry::target).anyMatch(t -> t.startsWith("certificate:" + number + " "));
    }

    @Test
    void aWrongCodeAnswersExactlyAsAnUnknownNumberAndRevealsNothing() throws Exception {
        Item item = records.scanned(records.entry("核验码测试"), 1);
        Map<String, Object> issued = issue(Map.of("itemId", item.id().value(), "purpose", "RESEARCH"));
        String number = (String) issued.get("number");

        MockHttpServletResponse wrongCode = mvc.perform(get("/api/v1/public/certificates/{n}", number)
                .param("code", "AAAAAAAAAAAA")).andReturn().getResponse();
        MockHttpServletResponse noCode = mvc.perform(get("/api/v1/public/certificates/{n}", number))
                .andReturn().getResponse();
        MockHttpServletResponse unknown = mvc.perform(get("/api/v1/public/certificates/{n}", "LT-1999-999999")
                .param("code", "AAAAAAAAAAAA")).andReturn().getResponse();
        MockHttpServletResponse garbage = mvc.perform(get("/api/v1/public/certificates/{n}", "' OR 1=1 --")
                .param("code", "<script>")).andReturn().getResponse();
        for (MockHttpServletResponse r : List.of(wrongCode, noCode, garbage)) {
            assertThat(r.getStatus()).isEqualTo(unknown.getStatus()).isEqualTo(404);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(unknown.getContentAsString(StandardCharsets.UTF_8));
        }
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(number, item.archivalCode());

        String pageWrong = result(mvc.perform(get("/verify").param("n", number).param("c", "AAAAAAAAAAAA"))
                .andExpect(status().isNotFound()).andReturn().getResponse());
        String pageUnknown = result(mvc.perform(get("/verify").param("n", "LT-1999-999999").param("c", "AAAAAAAAAAAA"))
                .andExpect(status().isNotFound()).andReturn().getResponse());
        assertThat(pageWrong).isEqualTo(pageUnknown).doesNotContain(item.archivalCode(), item.title());
    }

    @Test
    void oversizedEmptyAndGarbageUploadsAreRefusedClearly() throws Exception {
        assertThat(body(mvc.perform(multipart("/api/v1/public/certificates/verify").file(new MockMultipartFile(
                "file", "x.pdf", "application/pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()))
                .containsEntry("state", "INVALID").containsEntry("problem", "不是 PDF 或 OFD 文件");
        assertThat(body(mvc.perform(multipart("/api/v1/public/certificates/verify").file(new MockMultipartFile(
                "file", "x.pdf", "application/pdf", "%PDF-1.7\n garbage".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()))
                .containsEntry("state", "INVALID");
        assertThat(body(mvc.perform(multipart("/api/v1/public/certificates/verify").file(new MockMultipartFile(
                "file", "x.ofd", "application/ofd", new byte[] {'P', 'K', 3, 4, 0, 0})))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()))
                .containsEntry("state", "INVALID");
        mvc.perform(multipart("/api/v1/public/certificates/verify")).andExpect(status().isUnprocessableContent());
        byte[] huge = new byte[(int) CertificateCheck.MAX_BYTES + 1];
        assertThat(mvc.perform(multipart("/api/v1/public/certificates/verify").file(new MockMultipartFile("file",
                "big.pdf", "application/pdf", huge))).andExpect(status().isPayloadTooLarge()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("64 MB");
    }

    @Test
    void scriptInTheVisitorsNameAndTheTitleStaysText() throws Exception {
        Item item = records.scanned(records.entry("标题" + SCRIPT), 1);
        long visit = records.visit("李四" + SCRIPT, Purpose.OTHER);
        Map<String, Object> issued = issue(Map.of("itemId", item.id().value(), "visitId", visit));
        String number = (String) issued.get("number");
        assertThat(issued.get("purpose")).isEqualTo("OTHER");
        try (PDDocument doc = Loader.loadPDF(download(number, "pdf"))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("李四" + SCRIPT, "标题" + SCRIPT);
        }
        String page = mvc.perform(get("/verify").param("n", number).param("c", (String) issued.get("code")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("标题&lt;script&gt;").doesNotContain(SCRIPT);
        String list = mvc.perform(get("/certificates").param("q", number).with(Staff.page(CLERK)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("标题&lt;script&gt;").doesNotContain(SCRIPT);
    }

    @Test
    void onlyTheReadingRoomIssuesAndOnlyRecordsInItsSight() throws Exception {
        Item secret = records.scanned(records.entry("机密的会议纪要").with(DescriptionField.CLASSIFICATION, "机密"), 1);
        Item open = records.scanned(records.entry("公开的通知"), 1);
        mvc.perform(post("/api/v1/certificates").with(Staff.as(CATALOGUER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + open.id().value() + ",\"purpose\":\"WORK\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/certificates").with(Staff.as(LOW_CLERK)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + secret.id().value() + ",\"purpose\":\"WORK\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/certificates").with(Staff.as(CLERK)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + open.id().value() + ",\"purpose\":\"WORK\",\"firstPage\":2}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/certificates").with(Staff.as(CLERK)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + open.id().value() + "}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/certificates").with(Staff.as(CLERK)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + open.id().value() + ",\"purpose\":\"WORK\",\"visitId\":987654321}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_certificate WHERE item_id IN (:a, :b)")
                .param("a", secret.id().value()).param("b", open.id().value()).query(Long.class).single())
                .isZero();
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(CATALOGUER, "access.certificate.issue.refused", null, null, null), 0, 10)).entries()).extracting(AuditEntry::actor).contains(CATALOGUER);
    }

    @Test
    void theWorkbenchPageIssuesKeepsWhatWasTypedOnARefusalAndRevokes() throws Exception {
        Item item = records.scanned(records.entry("工作台出证"), 2);
        var refused = mvc.perform(post("/certificates").with(Staff.page(CLERK)).with(csrf())
                .param("itemId", String.valueOf(item.id().value())).param("firstPage", "2").param("lastPage", "5")
                .param("purpose", "WORK")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat((Map<String, Object>) refused.getFlashMap()).containsEntry("problem", "页码范围 2–5 不对：该档案共 2 页")
                .containsEntry("lastPage", 5);

        var notACode = mvc.perform(post("/certificates").with(Staff.page(CLERK)).with(csrf())
                .param("itemId", "<b>第一份</b>").param("purpose", "CHRONICLES")).andReturn();
        assertThat((Map<String, Object>) notACode.getFlashMap()).containsEntry("problem",
                "“<b>第一份</b>”既不是条目编号，也不是档号。").containsEntry("itemId", "<b>第一份</b>");

        // the desk names the record by its 档号, as it does everywhere else
        var issued = mvc.perform(post("/certificates").with(Staff.page(CLERK)).with(csrf())
                .param("itemId", item.archivalCode()).param("purpose", "CHRONICLES"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String message = (String) issued.getFlashMap().get("message");
        String number = (String) issued.getFlashMap().get("issued");
        assertThat(message).startsWith("已出具证明 " + number + "，核验码 ");
        assertThat(mvc.perform(get("/certificates").param("q", number).with(Staff.page(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(number, item.archivalCode(), "1–2", "有效");
        assertThat(mvc.perform(get("/certificates/{n}/ofd", number).with(Staff.page(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentType()).isEqualTo("application/ofd");

        var noReason = mvc.perform(post("/certificates/{n}/revoke", number).with(Staff.page(CLERK)).with(csrf())
                .param("reason", "")).andReturn();
        assertThat((Map<String, Object>) noReason.getFlashMap()).containsEntry("problem", "撤销须填写原因");
        mvc.perform(post("/certificates/{n}/revoke", number).with(Staff.page(CLERK)).with(csrf())
                .param("reason", "编号错误")).andExpect(status().is3xxRedirection());
        String code = message.substring(message.lastIndexOf(' ') + 1);
        assertThat(body(mvc.perform(get("/api/v1/public/certificates/{n}", number).param("code", code))
                .andReturn().getResponse())).containsEntry("state", "REVOKED").containsEntry("revokeReason", "编号错误");
        mvc.perform(get("/certificates").with(Staff.page(CATALOGUER))).andExpect(status().isForbidden());
    }

    @Test
    void thePublicKeyIsPublishedWithItsFingerprint() throws Exception {
        Map<String, Object> key = body(mvc.perform(get("/api/v1/public/keys")).andExpect(status().isOk())
                .andReturn().getResponse());
        assertThat((String) key.get("publicKeyPem")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(key.get("sm3Fingerprint")).isEqualTo(seal.fingerprint());
        assertThat((String) key.get("algorithm")).contains("SM2");
    }

    private Map<String, Object> issue(Map<String, Object> request) throws Exception {
        return body(mvc.perform(post("/api/v1/certificates").with(Staff.as(CLERK))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(request)))
                .andExpect(status().isCreated()).andReturn().getResponse());
    }

    @Test
    void withoutAPublicUrlTheVerifyUrlIsTheAddressTheClerkReached() throws Exception {
        Item item = records.scanned(records.entry("经代理出证"), 1);
        Map<String, Object> issued = body(mvc.perform(post("/api/v1/certificates").with(Staff.as(CLERK))
                .with(request -> {
                    request.setScheme("https");
                    request.setServerName("dangan.example.cn");
                    request.setServerPort(443);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("itemId",
                        item.id().value(), "purpose", "WORK"))))
                .andExpect(status().isCreated()).andReturn().getResponse());
        assertThat((String) issued.get("verifyUrl")).startsWith("https://dangan.example.cn/verify?n="
                + issued.get("number") + "&c=");
        try (PDDocument doc = Loader.loadPDF(download((String) issued.get("number"), "pdf"))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", ""))
                    .as("the URL printed beside the QR code")
                    .contains("https://dangan.example.cn/verify?n=" + issued.get("number"));
        }
    }

    private byte[] download(String number, String format) throws Exception {
        return mvc.perform(get("/api/v1/certificates/{n}/{f}", number, format).with(Staff.as(CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The offline command's exit status and output, with the published key in a file. */
    private String offline(byte[] file) throws Exception {
        Path key = dir.resolve("public.pem");
        Files.writeString(key, seal.publicKeyPem());
        Path certificate = Files.write(dir.resolve("certificate.bin"), file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CertificateCheck.run(new String[] {"--" + CertificateCheck.OPTION + "=" + certificate,
                "--" + CertificateCheck.KEY_OPTION + "=" + key}, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(MockHttpServletResponse response) throws Exception {
        return json.readValue(response.getContentAsString(StandardCharsets.UTF_8), Map.class);
    }

    /** The result section of the verify page. */
    private static String result(MockHttpServletResponse response) throws Exception {
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        int start = page.indexOf("<section");
        return page.substring(start, page.indexOf("</section>", start));
    }
}
