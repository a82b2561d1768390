package cn.lantai.audit;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import cn.lantai.audit.internal.AuditFiles;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.Right;
import cn.lantai.identity.Role;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auditor reads the trail in Chinese: actions by name, before and after field by field with the catalogue's
 * labels, no JSON and no exception class names; the filters each narrow the trail; the filtered trail leaves as a
 * workbook and as a signed PDF report, each export itself audited; an operation's entries come as one row.
 */
@LantaiTest
class AuditReadingPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Staff staff;

    @Autowired
    AuditFiles auditFiles;

    String fonds;
    /** A name no other test writes, so each filter's answer can be counted. */
    String who;

    @BeforeEach
    void aFondsAndAPerson() {
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "审计阅读测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        who = "读者" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    @Test
    void aRecordsEditReadsAsFieldsWithTheCataloguesLabelsAndDigestsAsAMarker() throws Exception {
        Item item = catalog.create(Entries.item(fonds, 2019, "关于机关食堂管理的通知").input(), Viewer.system());
        catalog.update(item.id(), item.version(), new EntryInput(null, Map.of(
                DescriptionField.TITLE, "关于机关食堂卫生管理的通知",
                DescriptionField.CLASSIFICATION, "秘密"), Map.of()), Viewer.system());

        mvc.perform(get("/audit").param("target", item.archivalCode()).param("action", "catalog.update")
                        .with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("修改著录"), containsString("题名：（已加密摘要）"),
                        containsString("密级：秘密"), containsString("密级：无"))))
                .andExpect(content().string(allOf(not(containsString("sm3:")), not(containsString("&quot;title")),
                        not(containsString("食堂")), not(containsString(">catalog.update<")))));
        // the record's number finds the same entry: the update's entries name the item, not its 档号
        mvc.perform(get("/audit").param("target", String.valueOf(item.id().value())).param("action", "catalog.update")
                        .with(Staff.page("auditor")))
                .andExpect(content().string(containsString("共 1 条")));
        // and in English, when the auditor chooses it
        mvc.perform(get("/audit").param("target", item.archivalCode()).param("action", "catalog.update")
                        .param("lang", "en").with(Staff.page("auditor")))
                .andExpect(content().string(allOf(containsString("Record edited"), containsString("Title: (digest kept)"),
                        containsString("Classification: "))));
    }

    @Test
    void anOperationThatIsNoNumberIsABadRequestPageOnTheTrailAndItsExports() throws Exception {
        for (String path : List.of("/audit", "/audit/export.xlsx", "/audit/export.pdf")) {
            mvc.perform(get(path).param("op", "abc").with(Staff.page("auditor")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        }
    }

    @Test
    void aFailedLoginShowsItsReasonNeverTheExceptionsClassName() throws Exception {
        audit.record(new AuditEvent(who, "10.1.2.3", "login.failure", who, null, "BadCredentialsException"));
        audit.record(new AuditEvent(who, "10.1.2.3", "login.failure", who, null, "LockedException"));
        audit.record(new AuditEvent(who, "10.1.2.3", "login.failure", who, null, "SomeFutureAuthException"));
        audit.record(new AuditEvent(who, "10.1.2.3", "account.disable", who, "enabled", "disabled"));
        audit.record(new AuditEvent(who, "10.1.2.3", "made.up-by-a-later-module", who, null, null));

        mvc.perform(get("/audit").param("actor", who).with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("登录失败"), containsString("密码错误"),
                        containsString("账户已锁定"), containsString("其他原因"), containsString("停用账户"),
                        containsString("已停用"), containsString("made.up-by-a-later-module"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void aRoleAndAClearanceChangeReadByTheirPartsAndNames() throws Exception {
        Role before = new Role("CHAYUE" + who.substring(2), "档案查阅", false, true, false, Set.of(Right.CATALOG_EXPORT),
                Set.of(), Set.of());
        Role after = new Role(before.code(), "档案查阅", true, true, false,
                Set.of(Right.CATALOG_EXPORT, Right.APPRAISE), Set.of(fonds), Set.of());
        audit.record(new AuditEvent(who, "10.4.4.4", "role.change", before.code(), before.toString(),
                after.toString()));
        audit.record(new AuditEvent(who, "10.4.4.4", "account.clearance", "someone", "NONE", "SECRET"));

        mvc.perform(get("/audit").param("actor", who).with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("修改角色"), containsString("名称：档案查阅"),
                        containsString("可见未开放档案：否"), containsString("可见未开放档案：是"),
                        containsString("权限：导出目录"), containsString("门类：（空）"),
                        containsString("全宗号：" + fonds), containsString("修改账户密级授权"),
                        containsString("<li>无</li>"), containsString("<li>机密</li>"))))
                .andExpect(content().string(allOf(not(containsString("Role[")), not(containsString("CATALOG_EXPORT")),
                        not(containsString(">SECRET<")))));
    }

    @Test
    void eachFilterNarrowsTheTrail() throws Exception {
        audit.record(new AuditEvent(who, "10.9.8.7", "login.success", who, null, null));
        audit.record(new AuditEvent(who, "10.9.8.6", "login.failure", who, null, "BadCredentialsException"));
        audit.record(new AuditEvent(who, "10.9.8.6", "catalog.view", "item:42 " + fonds + "-WS·2019-Y-0001",
                null, "SECRET/CONTROLLED"));
        // another person from the same address: not the same name, though it shares its digits
        audit.record(new AuditEvent("别人" + who.substring(2), "10.9.8.7", "login.success", "别人", null, null));
        String today = LocalDate.now().toString();

        count(Map.of("actor", who), 3);
        count(Map.of("actor", who, "action", "login.success"), 1);
        count(Map.of("actor", who, "address", "10.9.8.6"), 2);
        count(Map.of("address", "10.9.8.7", "action", "login.success", "actor", who.substring(2)), 2);
        count(Map.of("actor", who, "target", fonds + "-WS"), 1);
        count(Map.of("actor", who, "target", "42"), 1);
        count(Map.of("actor", who, "from", today, "to", today), 3);
        count(Map.of("actor", who, "from", LocalDate.now().plusDays(1).toString()), 0);
        count(Map.of("actor", who, "to", LocalDate.now().minusDays(1).toString()), 0);
        mvc.perform(get("/audit").param("actor", who).param("action", "catalog.view").with(Staff.page("auditor")))
                .andExpect(content().string(allOf(containsString("查看受控档案"), containsString("机密 / 控制使用"))));
    }

    @Test
    void aFilterThatCannotBeReadSaysSoBesideItsFieldAndShowsNoEntries() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-13-45").param("to", "yesterday").with(Staff.page("auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"e-from\""), containsString("id=\"e-to\""),
                        containsString("日期格式应为"), containsString("筛选条件有误"))))
                .andExpect(content().string(not(containsString("audit-entries"))));
        mvc.perform(get("/audit").param("from", "2026-11-30").param("to", "2026-11-01").with(Staff.page("auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("截止日期早于起始日期")));
        mvc.perform(get("/audit/export.xlsx").param("from", "2026-11-30").param("to", "2026-11-01")
                        .with(Staff.page("auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("截止日期早于起始日期")));
        mvc.perform(get("/audit").param("actor", "x".repeat(201)).with(Staff.page("auditor")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不超过 200 个字符")));
    }

    @Test
    void scriptInAnyFieldIsShownAsText() throws Exception {
        String script = "<script>alert(1)</script>";
        audit.record(new AuditEvent(who + script, "10.0.0.1" + script, "login.failure", script, script,
                "{\"title\":\"" + script.replace("/", "\\/") + "\"}"));
        mvc.perform(get("/audit").param("actor", who + script).param("address", script).param("target", script)
                        .with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(script))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void theFilteredTrailExportsToAWorkbookThatReadsBackInChineseAndTheExportIsAudited() throws Exception {
        audit.record(new AuditEvent(who, "10.7.7.7", "login.failure", who, null, "BadCredentialsException"));
        audit.record(new AuditEvent(who, "10.7.7.7", "login.success", who, null, null));

        byte[] xlsx = mvc.perform(get("/audit/export.xlsx").param("actor", who).with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getFirstSheet().read()) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c == null ? "" : c.getRawValue()));
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("操作人", "操作", "修改后");
        assertThat(rows.get(1)).contains(who, "10.7.7.7", "登录成功");
        assertThat(rows.get(2)).contains("登录失败", "密码错误或账户不存在");
        assertThat(exportsBy("auditor", "xlsx")).anySatisfy(e -> assertThat(e.after()).contains(who)
                .contains("\"entries\":\"2\""));
    }

    @Test
    void thePdfReportIsSignedWithTheAuditKeyAndItsChineseTextCanBeRead() throws Exception {
        audit.record(new AuditEvent(who, "10.6.6.6", "login.failure", who, null, "BadCredentialsException"));
        audit.record(new AuditEvent(who, "10.6.6.6", "catalog.view", "item:7 " + fonds + "-WS·2019-Y-0007", null,
                "SECRET/CONTROLLED"));

        byte[] pdf = mvc.perform(get("/audit/export.pdf").param("actor", who).with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("application/pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        // kept beside the browser tests' screenshots, to look at
        Path kept = Path.of("target", "screenshots", "AuditReadingPagesTest", "audit-report.pdf");
        Files.createDirectories(kept.getParent());
        Files.write(kept, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("兰台审计日志报告", "登录失败", "密码错误或账户不存在", "查看受控档案", who,
                    "日志链完整");
            assertThat(text).doesNotContain("Exception");
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.get(0);
            byte[] signed = signature.getSignedContent(pdf);
            // the signature's place in the file is padded with zeros after the DER
            ContentInfo info;
            try (ASN1InputStream der = new ASN1InputStream(signature.getContents(pdf))) {
                info = ContentInfo.getInstance(der.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), info);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> certificates = cms.getCertificates().getMatches(signer.getSID());
            X509CertificateHolder certificate = certificates.iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
                    .build(certificate))).isTrue();
            // the key that signed is the archive's audit key: the one whose public half sits beside it
            assertThat(certificate.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(publicKeyDer());
            // the signature covers the whole file but its own contents
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
        }
        assertThat(exportsBy("auditor", "pdf")).anySatisfy(e -> assertThat(e.after()).contains(who));
    }

    @Test
    void anOperationsManyEntriesComeAsOneRowThatOpensToThem() throws Exception {
        long op = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            events.add(new AuditEvent(who, "10.5.5.5", "catalog.import", "item:" + (900_000 + i) + " op:" + op,
                    null, "{\"*\":\"" + fonds + "-WS·2019-Y-" + i + "\"}"));
        }
        audit.recordAll(events);
        audit.record(new AuditEvent(who, "10.5.5.5", "login.success", who, null, null));

        mvc.perform(get("/audit").param("actor", who).param("grouped", "true").with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("共 2 项操作"), containsString("导入目录"),
                        containsString("第 " + op + " 次著录操作，共 30 条"), containsString(">30<"),
                        containsString("登录成功"))));
        mvc.perform(get("/audit/operations/" + op).with(Staff.page("auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("另有 10 条未列出"),
                        containsString("新建条目（档号）：" + fonds + "-WS·2019-Y-30"))));
        mvc.perform(get("/audit").param("op", String.valueOf(op)).with(Staff.page("auditor")))
                .andExpect(content().string(containsString("共 30 条")));
    }

    private byte[] publicKeyDer() throws Exception {
        String pem = Files.readString(auditFiles.publicKey());
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private void count(Map<String, String> params, long expected) throws Exception {
        var request = get("/audit").with(Staff.page("auditor"));
        params.forEach(request::param);
        mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().string(containsString("共 " + expected + " 条")));
    }

    private List<AuditEntry> exportsBy(String actor, String format) {
        return staff.asAuditor(() -> audit.entries(new AuditQuery(actor, "audit.export", format, null, null), 0,
                100)).entries();
    }
}
