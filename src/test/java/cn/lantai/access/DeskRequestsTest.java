package cn.lantai.access;

import static cn.lantai.access.RequestFixtures.APPROVER;
import static cn.lantai.access.RequestFixtures.CLERK;
import static cn.lantai.access.RequestFixtures.LOW;
import static cn.lantai.access.RequestFixtures.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * The desk and the requests joined: items named by 档号 in the API and on the form, a request filed from a visit's row
 * in one step, the printable slip with the visitor's link written out in full, and the desk's list of each visit's
 * requests and their states.
 */
@LantaiTest
class DeskRequestsTest {

    private static final String OTHER_CLERK = "dr-clerk";

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

    @TempDir
    Path dir;

    RequestFixtures world;

    @BeforeEach
    void aWorld() {
        world = new RequestFixtures(catalog, store, ledger, job, jdbc, staff, dir);
    }

    @Test
    void theApiTakesItemsByCodeAnswersAnUnknownOrHiddenCodeAsAnUnknownIdAndAMalformedOneWith400() throws Exception {
        Item controlled = world.controlled("控制使用的房产档案", 1);
        Item secret = world.classified("机密的房产档案", "机密", 1);

        MockHttpServletResponse filed = ask(REQUESTER, "\"archivalCodes\":[\"" + controlled.archivalCode() + "\"]");
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        assertThat(filed.getContentAsString(StandardCharsets.UTF_8)).contains(controlled.archivalCode(),
                "\"itemId\":" + controlled.id().value());

        MockHttpServletResponse unknownId = ask(LOW, "\"items\":[987654321]");
        MockHttpServletResponse unknownCode = ask(LOW, "\"archivalCodes\":[\"" + world.fonds + "-WS·1901-Y-9999\"]");
        MockHttpServletResponse hiddenCode = ask(LOW, "\"archivalCodes\":[\"" + secret.archivalCode() + "\"]");
        assertThat(unknownCode.getStatus()).isEqualTo(404).isEqualTo(unknownId.getStatus());
        assertThat(unknownCode.getContentAsString()).isEqualTo(unknownId.getContentAsString());
        assertThat(hiddenCode.getStatus()).isEqualTo(404);
        assertThat(hiddenCode.getContentAsString()).isEqualTo(unknownId.getContentAsString())
                .doesNotContain(secret.archivalCode());

        MockHttpServletResponse malformed = ask(REQUESTER, "\"archivalCodes\":[\"<script>第三卷</script>\"]");
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getContentType()).startsWith("application/problem+json");
        assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("不是档号");
        assertThat(ask(REQUESTER, "\"archivalCodes\":[\"" + "0".repeat(100_000) + "\"]").getStatus()).isEqualTo(400);
        assertThat(ask(REQUESTER, "\"archivalCodes\":[]").getStatus()).as("nothing named").isEqualTo(400);
    }

    @Test
    void fromAVisitTheClerkFilesByCodeInOneStepPrintsTheSlipAndSeesTheApprovalArrive() throws Exception {
        Item item = world.controlled("控制使用的婚姻档案", 1);
        long visit = world.visit("<i>韩</i>来访");

        String desk = html(get("/reading-room"), CLERK);
        assertThat(desk).contains("href=\"/requests?visit=" + visit + "\"");

        String form = html(get("/requests").param("visit", "" + visit), CLERK);
        assertThat(form).contains("name=\"visitId\" value=\"" + visit + "\"", "&lt;i&gt;韩&lt;/i&gt;来访", "E1****78")
                .doesNotContain("<i>韩").doesNotContain("id=\"visitId\"");

        MvcResult filed = mvc.perform(post("/requests").with(Staff.page(CLERK)).with(csrf())
                .param("items", item.archivalCode()).param("purpose", "PERSONAL_EVIDENCE").param("reason", "婚姻证明")
                .param("visitId", "" + visit)).andReturn();
        String slipPage = filed.getResponse().getRedirectedUrl();
        assertThat(slipPage).matches("/requests/[0-9]+/slip");
        long id = Long.parseLong(slipPage.split("/")[2]);
        String number = AccessRequest.number(id);

        String slip = mvc.perform(get(slipPage).with(Staff.page(CLERK)).flashAttrs(filed.getFlashMap())).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(slip).contains(number, "&lt;i&gt;韩&lt;/i&gt;来访 E1****78", item.archivalCode(), "待审批",
                "http://localhost/portal/requests/", "下一步", "/css/access-requests.css").doesNotContain("<i>韩");
        String link = slip.replaceAll("(?s).*class=\"slip-link\" href=\"([^\"]+)\".*", "$1");
        assertThat(mvc.perform(get(link.replace("http://localhost", ""))).andReturn().getResponse().getStatus())
                .as("the link written out works without signing in").isEqualTo(200);
        assertThat(html(get(slipPage), CLERK)).as("shown once").doesNotContain("/portal/requests/")
                .contains(number, "只在提交申请时显示一次");

        assertThat(html(get("/reading-room"), CLERK)).contains(number, "待审批");
        staff.ensure(OTHER_CLERK, "另一位利用", null, Classification.NONE, List.of("READING_ROOM"));
        assertThat(html(get(slipPage), OTHER_CLERK)).as("any clerk of the desk reads a visitor's request")
                .contains(number).doesNotContain("/portal/requests/");
        assertThat(mvc.perform(get(slipPage).with(Staff.page(LOW))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        mvc.perform(post("/requests/{id}/approve", id).with(Staff.page(APPROVER)).with(csrf()).param("days", "3"));
        assertThat(html(get("/reading-room"), CLERK)).contains(number, "已批准");
    }

    @Test
    void theFormSaysAMalformedCodeKeepsWhatWasTypedAndTheSlipIsOnlyAVisitorsRequest() throws Exception {
        long visit = world.visit("卫来访");
        MockHttpServletResponse refused = mvc.perform(post("/requests").with(Staff.page(CLERK)).with(csrf())
                .param("items", "第三卷").param("purpose", "WORK").param("reason", "查<b>考</b>")
                .param("visitId", "" + visit)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("“第三卷”既不是条目编号，也不是档号",
                "查&lt;b&gt;考&lt;/b&gt;", "name=\"visitId\" value=\"" + visit + "\"", "卫来访");

        Item item = world.controlled("控制使用的统计报表", 1);
        String own = mvc.perform(post("/requests").with(Staff.page(REQUESTER)).with(csrf())
                .param("items", item.archivalCode()).param("purpose", "WORK").param("reason", "核对"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(own).matches("/requests/[0-9]+");
        assertThat(mvc.perform(get(own + "/slip").with(Staff.page(REQUESTER))).andReturn().getResponse().getStatus())
                .as("a staff member's own request has no visitor's slip").isEqualTo(404);
        assertThat(mvc.perform(get("/requests/987654321/slip").with(Staff.page(CLERK))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void anApproverWhoIsNotOfTheDeskGetsNoSlipAndSeesTheVisitorOnlyByTheMaskedNumber() throws Exception {
        Item item = world.controlled("控制使用的信访档案", 1);
        long visit = world.visit("冯来访");
        String slipPage = mvc.perform(post("/requests").with(Staff.page(CLERK)).with(csrf())
                .param("items", item.archivalCode()).param("purpose", "RESEARCH").param("reason", "核对")
                .param("visitId", "" + visit)).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(slipPage.split("/")[2]);

        MockHttpServletResponse slip = mvc.perform(get(slipPage).with(Staff.page(APPROVER))).andReturn()
                .getResponse();
        assertThat(slip.getStatus()).isEqualTo(403);
        assertThat(slip.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("冯来访").doesNotContain("E1****78");

        assertThat(html(get("/requests/" + id), APPROVER)).contains(AccessRequest.number(id), "E1****78")
                .doesNotContain("冯来访");
        assertThat(html(get("/requests/approvals"), APPROVER)).contains(AccessRequest.number(id), "E1****78")
                .doesNotContain("冯来访");
        String api = mvc.perform(get("/api/v1/access-requests/{id}", id).with(Staff.as(APPROVER))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"requesterName\":\"E1****78\"").doesNotContain("冯来访");
        assertThat(html(get(slipPage), CLERK)).as("the desk still prints it").contains("冯来访 E1****78");
    }

    private MockHttpServletResponse ask(String who, String items) throws Exception {
        return mvc.perform(post("/api/v1/access-requests").with(Staff.as(who)).contentType(MediaType.APPLICATION_JSON)
                .content("{" + items + ",\"purpose\":\"WORK\",\"reason\":\"查考\"}")).andReturn().getResponse();
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String who)
            throws Exception {
        MockHttpServletResponse r = mvc.perform(request.with(Staff.page(who))).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
