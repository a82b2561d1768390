package cn.lantai.access;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.access.internal.readers.VisitorRetention;
import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The reading-room desk (利用登记) through its API and pages: visitors registered once and found again by their
 * document, shown masked everywhere, the whole number read only by the desk and audited, visits counted with the items
 * used and the pages copied, registration in advance on the portal, and the personal data erased after the retention;
 * the same on H2 ({@link ReadingRoomTest}) and PostgreSQL ({@link PostgresReadingRoomTest}).
 */
abstract class ReadingRoomContract {

    /** A serial per test, so each test's people have ID numbers of their own in the shared database. */
    private static final AtomicInteger SERIAL = new AtomicInteger(100);
    private static final String CLERK = "rr-clerk";
    private static final String CATALOGUER = "rr-cataloguer";

    @Autowired
    MockMvc mvc;

    @Autowired
    ArchiveClock archiveClock;

    @Autowired
    JsonMapper json;

    @Autowired
    Staff staff;

    @Autowired
    AuditTrail trail;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VisitorRetention retention;

    @BeforeEach
    void people() {
        staff.token(Staff.ARCHIVIST);
        staff.ensure(CLERK, "查阅室", null, Classification.NONE, List.of("READING_ROOM"));
        staff.ensure(CATALOGUER, "著录员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
    }

    /** A resident ID number with its right check character: born 1990, a serial of this run. */
    static String residentId() {
        String first17 = "320106" + "1990" + "0307" + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private String visitorJson(String name, String number, String phone) {
        return json.writeValueAsString(java.util.Map.of("name", name, "idType", "RESIDENT_ID", "idNumber", number,
                "phone", phone, "unit", "南京大学历史学院"));
    }

    /** {@code POST …/visitors/search}: the number in the body. */
    private MockHttpServletResponse search(String number,
            org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/reading-room/visitors/search").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + number + "\"}")).andReturn().getResponse();
    }

    private JsonNode register(String name, String number, String phone) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/reading-room/visitors").with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content(visitorJson(name, number, phone)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(number).doesNotContain(phone);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode startVisit(long visitorId, String purpose) throws Exception {
        MockHttpServletResponse r = mvc.perform(post("/api/v1/reading-room/visits").with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"visitorId\":" + visitorId + ",\"purpose\":\"" + purpose + "\"}")).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private List<AuditEntry> audited(String actor, String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(actor, action, target, null, null), 0, 50))
                .entries();
    }

    @Test
    void theSamePersonRegisteringTwiceIsFoundAgainNotDuplicated() throws Exception {
        String number = residentId();
        JsonNode first = register("王小明", number, "13800138000");
        assertThat(first.get("idMasked").asString()).isEqualTo(number.substring(0, 4) + "**********"
                + number.substring(14));
        assertThat(first.get("phoneMasked").asString()).isEqualTo("138****8000");

        // the same document typed with spaces: the same person, the details as given now
        String spaced = number.substring(0, 6) + " " + number.substring(6, 14) + " " + number.substring(14);
        JsonNode second = register("王小明", spaced, "13900139000");
        assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(second.get("phoneMasked").asString()).isEqualTo("139****9000");

        MockHttpServletResponse found = search(number, Staff.archivist());
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(json.readTree(found.getContentAsString(StandardCharsets.UTF_8)).get("id").asLong())
                .isEqualTo(first.get("id").asLong());
        assertThat(found.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(number);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_visitor WHERE id_masked = :m")
                .param("m", first.get("idMasked").asString()).query(Long.class).single()).isEqualTo(1);
        assertThat(audited(Staff.ARCHIVIST, "access.visitor.register", "visitor:" + first.get("id").asLong()))
                .hasSize(1);
        assertThat(audited(Staff.ARCHIVIST, "access.visitor.update", "visitor:" + first.get("id").asLong()))
                .hasSize(1).allSatisfy(e -> assertThat(e.toString()).doesNotContain(number).doesNotContain("王小明"));

        MockHttpServletResponse list = mvc.perform(get("/api/v1/reading-room/visitors").with(Staff.archivist()))
                .andReturn().getResponse();
        assertThat(list.getContentAsString(StandardCharsets.UTF_8)).contains(first.get("idMasked").asString())
                .doesNotContain(number).doesNotContain("13900139000");
    }

    @Test
    void aNumberNotRegisteredIsNotFoundAndAWrongCheckDigitIsSaidClearly() throws Exception {
        MockHttpServletResponse none = search(residentId(), Staff.archivist());
        assertThat(none.getStatus()).isEqualTo(404);

        // a number in a URL is refused, not silently answered with the list
        MockHttpServletResponse inUrl = mvc.perform(get("/api/v1/reading-room/visitors").param("idType", "RESIDENT_ID")
                .param("idNumber", residentId()).with(Staff.archivist())).andReturn().getResponse();
        assertThat(inUrl.getStatus()).isEqualTo(400);
        assertThat(inUrl.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("\"id\"");

        String number = residentId();
        String wrong = number.substring(0, 17) + (number.charAt(17) == '0' ? '1' : '0');
        MockHttpServletResponse r = mvc.perform(post("/api/v1/reading-room/visitors").with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content(visitorJson("李四", wrong, "13800138000")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
                .contains("校验码");

        MockHttpServletResponse feb30 = mvc.perform(post("/api/v1/reading-room/visitors").with(Staff.archivist())
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content(visitorJson("李四", "32010619990230123X", "13800138000"))).andReturn().getResponse();
        assertThat(json.readTree(feb30.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
                .contains("19990230").contains("not a valid date");

        MockHttpServletResponse huge = mvc.perform(post("/api/v1/reading-room/visitors").with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content(visitorJson("名".repeat(5000), number, "1")))
                .andReturn().getResponse();
        assertThat(huge.getStatus()).isEqualTo(400);
    }

    @Test
    void withoutTheReadingRoomRightTheApiAnswers403AndTheRefusalIsAudited() throws Exception {
        String number = residentId();
        assertThat(mvc.perform(post("/api/v1/reading-room/visitors").with(Staff.as(CATALOGUER))
                .contentType(MediaType.APPLICATION_JSON).content(visitorJson("赵六", number, "13800138000")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(search(number, Staff.as(CATALOGUER)).getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/v1/reading-room/visits/1/copies").with(Staff.as(CATALOGUER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"pages\":3}")).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/reading-room/visitors")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(audited(CATALOGUER, "access.refused", "access.visitor.register")).isNotEmpty();
        assertThat(audited(CATALOGUER, "access.refused", "access.visitor.find")).isNotEmpty();
        assertThat(mvc.perform(get("/reading-room").with(Staff.page(CATALOGUER))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void onlyTheDeskReadsTheWholeNumberAndEachReadingIsAudited() throws Exception {
        String number = residentId();
        long id = register("孙七", number, "13800138000").get("id").asLong();

        MockHttpServletResponse whole = mvc.perform(get("/api/v1/reading-room/visitors/{id}/id-number", id)
                .with(Staff.archivist())).andReturn().getResponse();
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(json.readTree(whole.getContentAsString(StandardCharsets.UTF_8)).get("idNumber").asString())
                .isEqualTo(number);
        assertThat(audited(Staff.ARCHIVIST, "access.visitor.id-number-read", "visitor:" + id)).hasSize(1)
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain(number));

        MockHttpServletResponse refused = mvc.perform(get("/api/v1/reading-room/visitors/{id}/id-number", id)
                .with(Staff.as(CATALOGUER))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(number);

        // on the desk's page: masked until asked for, then shown once, and audited again
        String page = mvc.perform(get("/reading-room").param("visitor", Long.toString(id))
                .with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(number.substring(0, 4) + "**********" + number.substring(14)).doesNotContain(number)
                .doesNotContain("13800138000").contains("138****8000");
        String shown = mvc.perform(post("/reading-room/visitors/{id}/id-number", id).with(csrf())
                .with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains(number);
        assertThat(audited(Staff.ARCHIVIST, "access.visitor.id-number-read", "visitor:" + id)).hasSize(2);
    }

    @Test
    void aVisitCountsThePersonTheItemsUsedByTheirCodeAndThePagesCopied() throws Exception {
        String fonds = staff.unitWithFonds("区档案馆利用测试");
        Item item = catalog.create(Entries.item(fonds, 2019, "关于利用登记的通知").input(), Viewer.system());
        Item other = catalog.create(Entries.item(fonds, 2019, "关于复制档案的通知").input(), Viewer.system());
        long visitor = register("周八", residentId(), "13800138000").get("id").asLong();
        long visit = startVisit(visitor, "RESEARCH").get("id").asLong();

        // the code as typed at the desk: lower case, a full stop for the middle dot
        String typed = item.archivalCode().toLowerCase().replace('·', '.');
        MockHttpServletResponse byCode = mvc.perform(post("/api/v1/reading-room/visits/{id}/items", visit)
                .with(Staff.archivist()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference\":\"" + typed + "\"}")).andReturn().getResponse();
        assertThat(byCode.getStatus()).as(byCode.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode used = json.readTree(byCode.getContentAsString(StandardCharsets.UTF_8));
        assertThat(used.get("level").asString()).isEqualTo("ITEM");
        assertThat(used.get("archivalCode").asString()).isEqualTo(item.archivalCode());
        assertThat(used.get("category").asString()).isEqualTo("WS");
        assertThat(mvc.perform(post("/api/v1/reading-room/visits/{id}/items", visit).with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"" + other.id().value() + "\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        assertThat(mvc.perform(post("/api/v1/reading-room/visits/{id}/copies", visit).with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"pages\":12}")).andReturn().getResponse()
                .getStatus()).isEqualTo(201);
        assertThat(mvc.perform(post("/api/v1/reading-room/visits/{id}/copies", visit).with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"pages\":0}")).andReturn().getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post("/api/v1/reading-room/visits/{id}/items", visit).with(Staff.archivist())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"not a code\"}")).andReturn()
                .getResponse().getStatus()).isEqualTo(400);

        List<String> uses = jdbc.sql("""
                SELECT kind || ':' || COALESCE(item_level, '-') || ':' || COALESCE(category, '-') || ':' || purpose
                    || ':' || quantity FROM access_use WHERE visit_id = :v ORDER BY id""")
                .param("v", visit).query(String.class).list();
        assertThat(uses).containsExactly("VISIT:-:-:RESEARCH:1", "ITEM_USED:ITEM:WS:RESEARCH:1",
                "ITEM_USED:ITEM:WS:RESEARCH:1", "PAGES_COPIED:-:-:RESEARCH:12");

        MockHttpServletResponse today = mvc.perform(get("/api/v1/reading-room/visits").with(Staff.archivist()))
                .andReturn().getResponse();
        JsonNode mine = null;
        for (JsonNode v : json.readTree(today.getContentAsString(StandardCharsets.UTF_8))) {
            if (v.get("id").asLong() == visit) {
                mine = v;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("pagesCopied").asLong()).isEqualTo(12);
        assertThat(mine.get("items")).hasSize(2);
        assertThat(mine.get("visitor").get("idMasked").asString()).contains("**********");
        assertThat(audited(Staff.ARCHIVIST, "access.visit.item-used", "visit:" + visit)).hasSize(2);
    }

    @Test
    void anItemBeyondTheClerksSightIsNotFoundAndNothingIsCounted() throws Exception {
        String fonds = staff.unitWithFonds("区档案馆密级测试");
        Item secret = catalog.create(Entries.item(fonds, 2018, "机密文件").with(DescriptionField.CLASSIFICATION, "机密")
                .with(DescriptionField.OPEN_STATUS, "控制").input(), Viewer.system());
        long visitor = register("吴九", residentId(), "13800138000").get("id").asLong();
        long visit = startVisit(visitor, "WORK").get("id").asLong();

        for (String reference : List.of(secret.archivalCode(), Long.toString(secret.id().value()),
                "9999-WS·2018-Y-BGS-0001")) {
            MockHttpServletResponse r = mvc.perform(post("/api/v1/reading-room/visits/{id}/items", visit)
                    .with(Staff.as(CLERK)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reference\":\"" + reference + "\"}")).andReturn().getResponse();
            assertThat(r.getStatus()).as(reference).isEqualTo(404);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("机密文件");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_use WHERE visit_id = :v AND kind = 'ITEM_USED'")
                .param("v", visit).query(Long.class).single()).isZero();
        assertThat(audited(CLERK, "catalog.view-refused", "item:" + secret.id().value())).isNotEmpty();
        assertThat(audited(CLERK, "access.visit.item-refused", "visit:" + visit)).hasSize(3);
    }

    @Test
    void scriptInAVisitorsNameIsShownAsTextOnTheDesk() throws Exception {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        long visitor = register(hostile.substring(0, 50), residentId(), "13800138000").get("id").asLong();
        startVisit(visitor, "OTHER");

        String page = mvc.perform(get("/reading-room").param("visitor", Long.toString(visitor))
                .with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void theDeskFindsAVisitorByTheirNumberOnItsPageKeepingTheNumberOutOfTheAddress() throws Exception {
        String number = residentId();
        register("郑十", number, "13800138000");
        MvcResult found = mvc.perform(post("/reading-room/find").with(csrf()).with(Staff.page(Staff.ARCHIVIST))
                .param("idType", "RESIDENT_ID").param("idNumber", number)).andReturn();
        String page = found.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("郑十").contains(number.substring(0, 4) + "**********" + number.substring(14));
        assertThat(page).as("the number is in the find form only, as typed").containsOnlyOnce(number);

        String wrong = mvc.perform(post("/reading-room/visitors").with(csrf()).with(Staff.page(Staff.ARCHIVIST))
                .param("name", "钱十一").param("idType", "RESIDENT_ID").param("idNumber", "32010619990230123X")
                .param("phone", "13800138000").param("unit", "区志办")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrong).contains("19990230").contains("钱十一").contains("区志办");
    }

    @Test
    void aPersonRegistersInAdvanceOnThePortalAndTheDeskFindsThemByTheirNumber() throws Exception {
        String number = residentId();
        String form = mvc.perform(get("/portal/register")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("name=\"_csrf\"").contains("name=\"plannedOn\"");
        assertThat(mvc.perform(post("/portal/register").param("name", "冯十二").param("idType", "RESIDENT_ID")
                .param("idNumber", number)).andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);

        LocalDate tomorrow = archiveClock.today().plusDays(1);
        MvcResult done = mvc.perform(post("/portal/register").with(csrf()).param("name", "冯十二")
                .param("idType", "RESIDENT_ID").param("idNumber", number).param("phone", "13700137000")
                .param("unit", "市方志馆").param("purpose", "CHRONICLES").param("plannedOn", tomorrow.toString()))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/portal/register/done");
        String confirmation = mvc.perform(get("/portal/register/done").flashAttrs(done.getFlashMap()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(confirmation).contains(number.substring(0, 4) + "**********" + number.substring(14))
                .contains(tomorrow.toString()).doesNotContain(number).doesNotContain("冯十二")
                .doesNotContain("13700137000").doesNotContain("市方志馆");

        MockHttpServletResponse found = search(number, Staff.archivist());
        assertThat(json.readTree(found.getContentAsString(StandardCharsets.UTF_8)).get("name").asString())
                .isEqualTo("冯十二");

        // on the portal again with another name: the plan is taken, the registered name is not changed by anyone
        mvc.perform(post("/portal/register").with(csrf()).param("name", "冒名者").param("idType", "RESIDENT_ID")
                .param("idNumber", number).param("purpose", "OTHER").param("plannedOn", tomorrow.toString()));
        found = search(number, Staff.archivist());
        assertThat(json.readTree(found.getContentAsString(StandardCharsets.UTF_8)).get("name").asString())
                .isEqualTo("冯十二");

        String refused = mvc.perform(post("/portal/register").with(csrf()).param("name", "冯十二")
                .param("idType", "RESIDENT_ID").param("idNumber", number).param("purpose", "WORK")
                .param("plannedOn", archiveClock.today().minusDays(1).toString())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("预约日期应在今天至").contains("冯十二");
    }

    @Test
    void afterTheRetentionThePersonalDataIsErasedAndTheCountsStay() throws Exception {
        String number = residentId();
        long visitor = register("陈十三", number, "13800138000").get("id").asLong();
        long visit = startVisit(visitor, "PERSONAL_EVIDENCE").get("id").asLong();
        Instant fourYearsAgo = Instant.now().minus(4 * 366, ChronoUnit.DAYS);
        jdbc.sql("UPDATE access_visitor SET last_seen_at = :at WHERE id = :id")
                .param("at", Timestamp.from(fourYearsAgo)).param("id", visitor).update();

        assertThat(retention.eraseExpired(Instant.now())).isPositive();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_visitor WHERE id = :id AND erased_at IS NOT NULL AND name = ''"
                + " AND id_number IS NULL AND phone IS NULL AND id_masked = ''").param("id", visitor)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(search(number, Staff.archivist()).getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_use WHERE visit_id = :v").param("v", visit)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(audited("system", "access.visitor.erase", null)).isNotEmpty();

        // registering again makes a new visitor: nothing of the erased one is found
        long again = register("陈十三", number, "13800138000").get("id").asLong();
        assertThat(again).isNotEqualTo(visitor);
    }
}
