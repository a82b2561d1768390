package cn.lantai.access;

import static cn.lantai.access.RequestFixtures.APPROVER;
import static cn.lantai.access.RequestFixtures.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.identity.PermissionManagement;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A certified copy of a controlled record goes through the request and its approval: the clerk's sight is enough
 * only for an open, unclassified record; a controlled one is copied for a registered visit whose request for it was
 * approved and is still within its period. Refusals are clear and audited. The list of certificates reads no record.
 */
@LantaiTest
class CertificateGrantsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    ArchivalStore store;
    @Autowired
    PageLedger ledger;
    @Autowired
    DerivativeJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Staff staff;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    AccessRequests requests;
    @Autowired
    Certificates certificates;
    @Autowired
    AuditTrail trail;
    @Autowired
    ArchiveSeal seal;

    @TempDir
    Path dir;

    RequestFixtures world;

    @BeforeEach
    void aWorld() {
        assumeTrue(seal.pdfAvailable(), "no CJK TrueType font here (fonts-arphic-gbsn00lp): skipped");
        world = new RequestFixtures(catalog, store, ledger, job, jdbc, staff, dir);
    }

    @Test
    void aControlledRecordIsNotCertifiedWithoutAVisitNorWithoutAGrantOfThatVisit() throws Exception {
        Item item = world.controlled("控制使用的土地证存根", 2);
        long visit = world.visit("周来访");
        long other = world.visit("吴来访");

        MockHttpServletResponse noVisit = apiIssue(item, null);
        assertThat(noVisit.getStatus()).isEqualTo(409);
        assertThat(noVisit.getContentType()).startsWith("application/problem+json");
        assertThat(noVisit.getContentAsString(StandardCharsets.UTF_8)).contains("不是开放档案", "利用登记");

        MockHttpServletResponse noRequest = apiIssue(item, visit);
        assertThat(noRequest.getStatus()).isEqualTo(403);
        assertThat(noRequest.getContentAsString(StandardCharsets.UTF_8)).contains("没有已批准且在期限内的调阅申请");

        FiledRequest pending = ask(item, visit);
        assertThat(refusal(item, visit)).as("a request not yet approved").isEqualTo(403);

        approve(ask(item, other));
        assertThat(refusal(item, visit)).as("a grant of another visit").isEqualTo(403);
        assertThat(refusal(item, null)).as("a grant, but no visit named").isEqualTo(409);

        approve(pending);
        world.lapse(pending.request().id(), item.id().value());
        assertThat(refusal(item, visit)).as("an expired grant").isEqualTo(403);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_certificate WHERE item_id = ?").params(item.id().value())
                .query(Long.class).single()).isZero();
        assertThat(audit(null, "access.certificate.issue.refused", "item:" + item.id().value() + " "))
                .hasSizeGreaterThanOrEqualTo(6).extracting(AuditEntry::actor).containsOnly(CLERK);
    }

    @Test
    void aLiveGrantForTheVisitCertifiesTheControlledRecordAndAnOpenRecordNeedsNone() {
        Item item = world.controlled("控制使用的婚姻登记档案", 2);
        long visit = world.visit("郑来访");
        approve(ask(item, visit));

        IssuedCertificate issued = issue(item, visit);
        assertThat(issued.certificate().archivalCode()).isEqualTo(item.archivalCode());
        assertThat(issued.certificate().visitId()).isEqualTo(visit);

        Item open = world.open("公开的通知", 1);
        assertThat(issue(open, null).certificate().itemId()).as("no visit, no grant").isEqualTo(open.id().value());
    }

    @Test
    void aClassifiedRecordIsNeverCertifiedForAVisitEvenWhenTheClerkSeesIt() {
        Item secret = world.classified("秘密的会议纪要", "秘密", 1);
        long visit = world.visit("冯来访");
        assertThat(refusal(secret, visit)).isEqualTo(403);
        assertThat(refusal(secret, null)).isEqualTo(409);
    }

    @Test
    void listingCertificatesViewsNoRecord() throws Exception {
        Item item = world.controlled("控制使用的出证清单档案", 1);
        long visit = world.visit("卫来访");
        approve(ask(item, visit));
        String number = issue(item, visit).certificate().number();
        String target = "item:" + item.id().value() + " ";
        int views = audit(null, "catalog.view", target).size();

        String list = mvc.perform(get("/certificates").param("q", number).with(Staff.page(CLERK))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String api = mvc.perform(get("/api/v1/certificates").param("q", number).with(Staff.as(APPROVER)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(number, item.archivalCode(), "控制使用的出证清单档案");
        assertThat(api).contains(number, item.archivalCode());
        assertThat(audit(null, "catalog.view", target)).as("the list wrote no view of the record").hasSize(views);
    }

    private FiledRequest ask(Item item, long visit) {
        return staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.PERSONAL_EVIDENCE, "出具证明", visit,
                viewer(CLERK)));
    }

    private void approve(FiledRequest filed) {
        staff.as(APPROVER, () -> requests.approve(filed.request().id(), null, 1, viewer(APPROVER)));
    }

    private IssuedCertificate issue(Item item, Long visit) {
        return staff.as(CLERK, () -> certificates.issue(new Certificates.Request(item.id().value(), null, null, visit,
                Purpose.PERSONAL_EVIDENCE, "http://localhost"), viewer(CLERK)));
    }

    /** The status of the refusal to certify the record for the visit. */
    private int refusal(Item item, Long visit) {
        try {
            issue(item, visit);
        } catch (AccessProblem e) {
            return e.status();
        }
        throw new AssertionError("certified without a grant");
    }

    private MockHttpServletResponse apiIssue(Item item, Long visit) throws Exception {
        return mvc.perform(post("/api/v1/certificates").with(Staff.as(CLERK)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"itemId\":" + item.id().value() + ",\"purpose\":\"PERSONAL_EVIDENCE\""
                        + (visit == null ? "" : ",\"visitId\":" + visit) + "}"))
                .andReturn().getResponse();
    }

    private Viewer viewer(String username) {
        return permissions.permissions(username).orElseThrow().viewer("127.0.0.1");
    }

    private List<AuditEntry> audit(String actor, String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, target, null, null), 0, 500))
                .entries();
    }
}
