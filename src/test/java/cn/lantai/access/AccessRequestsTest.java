package cn.lantai.access;

import static cn.lantai.access.RequestFixtures.APPROVER;
import static cn.lantai.access.RequestFixtures.APPROVER_LOW;
import static cn.lantai.access.RequestFixtures.CLERK;
import static cn.lantai.access.RequestFixtures.LOW;
import static cn.lantai.access.RequestFixtures.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.identity.Right;
import cn.lantai.identity.Role;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Requests through the web: the API, the workbench's pages, the visitor's slip on the portal, delivery with the
 * watermark in the served pixels and the PDF's images, and every bad input and attack of the issue.
 */
@LantaiTest
class AccessRequestsTest extends AccessRequestsContract {

    @Autowired
    MockMvc mvc;

    // ---- the whole walk -------------------------------------------------------------------------------------

    @Test
    void aVisitorAsksAtTheDeskIsApprovedAndViewsDownloadsAndPrintsWatermarkedCopiesThroughTheSlip() throws Exception {
        Item item = world.controlled("控制使用的土地档案", 2);
        long visit = world.visit("吴来访");

        MockHttpServletResponse filed = call(post("/api/v1/access-requests"), Staff.as(CLERK),
                "{\"items\":[" + item.id().value() + "],\"purpose\":\"PERSONAL_EVIDENCE\",\"reason\":\"办理房产证明\","
                        + "\"visitId\":" + visit + "}");
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        String json = filed.getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        String number = JsonPath.read(json, "$.number");
        String slip = JsonPath.read(json, "$.slip");
        assertThat(slip).startsWith("/portal/requests/");
        assertThat(mvc.perform(get("/api/v1/access-requests/{id}", id).with(Staff.as(CLERK))).andReturn()
                .getResponse().getContentAsString()).as("the slip's secret is given once").doesNotContain(slip);

        assertThat(page(slip)).contains(number, "吴来访", "待审批").doesNotContain("控制使用的土地档案");
        MockHttpServletResponse early = anonymous(slip + "/items/" + item.id().value());
        assertThat(early.getStatus()).isEqualTo(404);
        assertThat(early.getContentAsString(StandardCharsets.UTF_8)).contains("尚在审批中");
        assertThat(mvc.perform(get("/requests/approvals").with(Staff.page(APPROVER))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(number, "办理房产证明");

        MockHttpServletResponse approved = call(post("/api/v1/access-requests/{id}/approve", id), Staff.as(APPROVER),
                "{\"days\":5}");
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
        assertThat(approved.getContentAsString()).contains("\"state\":\"APPROVED\"");

        assertThat(page(slip)).contains("已批准，可查阅至");
        String viewer = page(slip + "/items/" + item.id().value());
        assertThat(viewer).contains("控制使用的土地档案", "/pages/1.jpg", "/pages/2.jpg", "/pdf", "/print");
        MockHttpServletResponse image = anonymous(slip + "/items/" + item.id().value() + "/pages/1.jpg");
        assertThat(image.getStatus()).isEqualTo(200);
        assertThat(image.getContentType()).isEqualTo("image/jpeg");
        assertThat(image.getHeader("Cache-Control")).contains("no-store");
        assertThat(image.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(image.getContentAsByteArray()));
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(mvc.perform(get(
                "/api/v1/items/{id}/pages/1/access", item.id().value()).with(Staff.archivist())).andReturn()
                .getResponse().getContentAsByteArray()));
        assertThat(Pixels.differingShare(served, plain)).isGreaterThan(0.02);

        MockHttpServletResponse pdf = anonymous(slip + "/items/" + item.id().value() + "/pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment").contains(number);
        try (PDDocument doc = Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(new PDFTextStripper().getText(doc).strip()).as("no text layer to read around").isEmpty();
            BufferedImage inPdf = firstImage(doc);
            assertThat(Pixels.differingShare(inPdf, plain)).as("the PDF's image is watermarked").isGreaterThan(0.02);
        }
        assertThat(anonymous(slip + "/items/" + item.id().value() + "/print").getHeader("Content-Disposition"))
                .startsWith("inline");
        assertThat(world.uses(UseKind.ITEM_USED, item.id().value())).isEqualTo(1);
        assertThat(world.uses(UseKind.DOWNLOAD, item.id().value())).isEqualTo(1);
        assertThat(world.uses(UseKind.PRINT, item.id().value())).isEqualTo(1);
    }

    @Test
    void aStaffMemberAsksOnTheWorkbenchAndViewsTheirOwnGrantOnlyThemselves() throws Exception {
        Item secret = world.classified("机密的人事档案", "机密", 1);

        String list = mvc.perform(get("/requests").with(Staff.page(REQUESTER))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("调阅申请", "href=\"/requests\"");
        MockHttpServletResponse asked = mvc.perform(post("/requests").with(Staff.page(REQUESTER)).with(csrf())
                .param("items", secret.id().value() + "").param("purpose", "WORK").param("reason", "核对任免"))
                .andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(302);
        String location = asked.getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(mvc.perform(post("/requests/{id}/approve", id).with(Staff.page(APPROVER)).with(csrf())
                .param("days", "2")).andReturn().getResponse().getStatus()).isEqualTo(302);

        String base = "/requests/" + id + "/items/" + secret.id().value();
        assertThat(mvc.perform(get(base).with(Staff.page(REQUESTER))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("机密的人事档案", "pages/1.jpg");
        assertThat(mvc.perform(get(base + "/pages/1.jpg").with(Staff.page(REQUESTER))).andReturn().getResponse()
                .getContentType()).isEqualTo("image/jpeg");
        assertThat(mvc.perform(get(base + "/pages/1.jpg").with(Staff.page(LOW))).andReturn().getResponse()
                .getStatus()).as("another's grant is none of theirs").isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/access-requests/{id}", id).with(Staff.as(LOW))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/requests").with(Staff.page(REQUESTER))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(AccessRequest.number(id), "已批准");
    }

    @Test
    void theDeskFilesAVisitorsRequestOnThePageAndIsShownTheSlipLinkOnce() throws Exception {
        Item item = world.controlled("控制使用的婚姻登记", 1);
        long visit = world.visit("<b>蒋</b>来访");
        var filed = mvc.perform(post("/requests").with(Staff.page(CLERK)).with(csrf())
                .param("items", item.id().value() + "").param("purpose", "PERSONAL_EVIDENCE")
                .param("reason", "婚姻证明<img src=x onerror=alert(1)>").param("visitId", visit + "")).andReturn();
        assertThat(filed.getResponse().getStatus()).isEqualTo(302);
        String shown = mvc.perform(get(filed.getResponse().getRedirectedUrl()).with(Staff.page(CLERK))
                .flashAttrs(filed.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("/portal/requests/", "&lt;b&gt;蒋&lt;/b&gt;来访").doesNotContain("<b>蒋");
        String again = mvc.perform(get(filed.getResponse().getRedirectedUrl()).with(Staff.page(CLERK))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).doesNotContain("/portal/requests/");

        String request = filed.getResponse().getRedirectedUrl().replaceFirst("/slip$", "");
        String forApprover = mvc.perform(get(request).with(Staff.page(APPROVER)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(forApprover).contains("name=\"days\"", "name=\"reason\"", "婚姻证明&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
        assertThat(mvc.perform(post(request + "/refuse").with(Staff.page(APPROVER))
                .with(csrf()).param("reason", "")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("拒绝时须填写理由");
    }

    // ---- bad input and attack -------------------------------------------------------------------------------

    @Test
    void aMissingRecordAndOneAboveClearanceGetTheSameAnswer() throws Exception {
        Item secret = world.classified("机密的批复", "机密", 1);
        MockHttpServletResponse hidden = ask(LOW, secret.id().value(), "查考");
        MockHttpServletResponse missing = ask(LOW, 987_654_321L, "查考");
        assertThat(hidden.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
        assertThat(hidden.getContentAsString()).isEqualTo(missing.getContentAsString());
        assertThat(audit("access.request.item-not-found", "item:" + secret.id().value())).isNotEmpty();
    }

    @Test
    void aVisitorMayNotAskForAClassifiedRecordEvenWhenTheClerkSeesIt() throws Exception {
        Item confidential = world.classified("秘密的信访件", "秘密", 1);
        long visit = world.visit("郑来访");
        MockHttpServletResponse answer = call(post("/api/v1/access-requests"), Staff.as(CLERK),
                "{\"items\":[" + confidential.id().value() + "],\"purpose\":\"OTHER\",\"reason\":\"了解\",\"visitId\":"
                        + visit + "}");
        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(audit("access.request.item-not-found", "item:" + confidential.id().value()))
                .extracting(e -> e.actor()).contains(CLERK);
        assertThat(call(post("/api/v1/access-requests"), Staff.as(REQUESTER), "{\"items\":[" + confidential.id()
                .value() + "],\"purpose\":\"OTHER\",\"reason\":\"了解\",\"visitId\":" + visit + "}").getStatus())
                .as("only the desk files for a visitor").isEqualTo(403);
    }

    @Test
    void anOpenUnclassifiedRecordNeedsNoRequest() throws Exception {
        Item open = world.open("开放的通知");
        MockHttpServletResponse answer = ask(REQUESTER, open.id().value(), "看看");
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).contains("无需申请");
    }

    @Test
    void aRefusalNeedsAReasonWhichIsShownEscaped() throws Exception {
        Item item = world.controlled("控制使用的卷宗", 1);
        long visit = world.visit("冯来访");
        FiledRequest filed = staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.OTHER, "查阅", visit,
                viewer(CLERK)));
        long id = filed.request().id();
        String slip = "/portal/requests/" + filed.slip().orElseThrow();

        assertThat(call(post("/api/v1/access-requests/{id}/refuse", id), Staff.as(APPROVER), "{\"reason\":\"  \"}")
                .getStatus()).isEqualTo(400);
        assertThat(call(post("/api/v1/access-requests/{id}/refuse", id), Staff.as(APPROVER),
                "{\"reason\":\"" + "长".repeat(2001) + "\"}").getStatus()).isEqualTo(400);
        MockHttpServletResponse refused = call(post("/api/v1/access-requests/{id}/refuse", id), Staff.as(APPROVER),
                "{\"reason\":\"<script>alert('x')</script> 涉及个人隐私\"}");
        assertThat(refused.getStatus()).isEqualTo(200);

        String shown = page(slip);
        assertThat(shown).contains("已拒绝：&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 涉及个人隐私")
                .doesNotContain("<script>alert");
        MockHttpServletResponse view = anonymous(slip + "/items/" + item.id().value() + "/pages/1.jpg");
        assertThat(view.getStatus()).isEqualTo(404);
        assertThat(view.getContentAsString(StandardCharsets.UTF_8)).contains("已被拒绝");
        assertThat(call(post("/api/v1/access-requests/{id}/approve", id), Staff.as(APPROVER), "{}").getStatus())
                .as("decided already").isEqualTo(409);
    }

    @Test
    void anOversizedOrMissingReasonAndBadItemsAreRefusedAndNothingIsFiled() throws Exception {
        Item item = world.controlled("控制使用的档案", 1);
        int before = count();
        assertThat(ask(REQUESTER, item.id().value(), "理".repeat(2001)).getStatus()).isEqualTo(400);
        assertThat(ask(REQUESTER, item.id().value(), "").getStatus()).isEqualTo(400);
        assertThat(call(post("/api/v1/access-requests"), Staff.as(REQUESTER), "{\"items\":[],\"purpose\":\"WORK\","
                + "\"reason\":\"x\"}").getStatus()).isEqualTo(400);
        assertThat(call(post("/api/v1/access-requests"), Staff.as(REQUESTER), "{\"items\":[1],\"purpose\":\"NONE\","
                + "\"reason\":\"x\"}").getStatus()).isEqualTo(400);
        String page = mvc.perform(post("/requests").with(Staff.page(REQUESTER)).with(csrf())
                .param("items", "12; DROP TABLE access_request").param("purpose", "WORK").param("reason", "x"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("不是条目编号");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void nobodyApprovesTheirOwnRequestNorWithoutTheRightNorWithoutSight() throws Exception {
        Item secret = world.classified("机密的会议纪要", "机密", 1);
        long own = staff.as(APPROVER, () -> requests.ask(List.of(secret.id()), Purpose.WORK, "自查", null,
                viewer(APPROVER))).request().id();
        MockHttpServletResponse self = call(post("/api/v1/access-requests/{id}/approve", own), Staff.as(APPROVER), "{}");
        assertThat(self.getStatus()).isEqualTo(403);
        assertThat(self.getContentAsString(StandardCharsets.UTF_8)).contains("不能审批自己");
        assertThat(audit("access.request.self-approval-refused", AccessRequest.number(own))).hasSize(1);

        long other = staff.as(REQUESTER, () -> requests.ask(List.of(secret.id()), Purpose.WORK, "核对", null,
                viewer(REQUESTER))).request().id();
        assertThat(call(post("/api/v1/access-requests/{id}/approve", other), Staff.as(LOW), "{}").getStatus())
                .as("no APPROVE_USE").isEqualTo(403);
        assertThat(audit("access.request.not-permitted", "request:" + other)).hasSize(1);
        assertThat(call(post("/api/v1/access-requests/{id}/approve", other), Staff.as(APPROVER_LOW), "{}")
                .getStatus()).as("an approver who cannot see the record").isEqualTo(404);
        assertThat(call(post("/api/v1/access-requests/{id}/approve", other), Staff.as(APPROVER), "{\"days\":999}")
                .getStatus()).as("beyond the longest period").isEqualTo(400);
        assertThat(staff.as(APPROVER, () -> requests.request(other, viewer(APPROVER))).items().get(0).state())
                .as("nothing was decided").isEqualTo(RequestState.PENDING);
    }

    @Test
    void anExpiredGrantAnswersGoneWithAClearMessage() throws Exception {
        Item item = world.controlled("控制使用的会计档案", 1);
        long visit = world.visit("陈来访");
        FiledRequest filed = staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.WORK, "查账", visit,
                viewer(CLERK)));
        staff.as(APPROVER, () -> requests.approve(filed.request().id(), null, 1, viewer(APPROVER)));
        world.lapse(filed.request().id(), item.id().value());
        String base = "/portal/requests/" + filed.slip().orElseThrow();

        for (String path : List.of("/items/" + item.id().value(), "/items/" + item.id().value() + "/pages/1.jpg",
                "/items/" + item.id().value() + "/pdf", "/items/" + item.id().value() + "/print")) {
            MockHttpServletResponse gone = anonymous(base + path);
            assertThat(gone.getStatus()).as(path).isEqualTo(410);
            assertThat(gone.getContentAsString(StandardCharsets.UTF_8)).contains("查阅期限已过");
        }
        assertThat(page(base)).contains("已过期");
    }

    @Test
    void noUrlServesAnUnwatermarkedControlledPageWithoutAGrant() throws Exception {
        Item item = world.controlled("控制使用的规划图", 1);
        long id = item.id().value();
        long visit = world.visit("褚来访");
        FiledRequest expired = staff.as(CLERK, () -> requests.ask(List.of(item.id()), Purpose.WORK, "查", visit,
                viewer(CLERK)));
        staff.as(APPROVER, () -> requests.approve(expired.request().id(), null, 1, viewer(APPROVER)));
        world.lapse(expired.request().id(), id);
        Item otherItem = world.controlled("另一件控制使用的档案", 1);
        FiledRequest other = staff.as(CLERK, () -> requests.ask(List.of(otherItem.id()), Purpose.WORK, "查", visit,
                viewer(CLERK)));
        staff.as(APPROVER, () -> requests.approve(other.request().id(), null, 1, viewer(APPROVER)));
        long staffRequest = staff.as(REQUESTER, () -> requests.ask(List.of(item.id()), Purpose.WORK, "查", null,
                viewer(REQUESTER))).request().id();
        staff.as(APPROVER, () -> requests.approve(staffRequest, null, 1, viewer(APPROVER)));

        List<String> urls = new java.util.ArrayList<>(List.of("/iiif/3/" + id + "-1", "/iiif/3/" + id + "-1/info.json",
                "/iiif/3/" + id + "-1/full/max/0/default.jpg", "/iiif/3/" + id + "-1/0,0,256,256/256,/0/default.jpg",
                "/iiif/3/manifests/" + id, "/api/v1/items/" + id + "/derivatives/pdf",
                "/api/v1/items/" + id + "/derivatives/ofd", "/api/v1/items/" + id + "/pages/1/access",
                "/api/v1/items/" + id + "/pages/1/thumbnail", "/requests/" + staffRequest + "/items/" + id,
                "/requests/" + staffRequest + "/items/" + id + "/pages/1.jpg",
                "/requests/" + staffRequest + "/items/" + id + "/pdf"));
        for (String slip : List.of("x", "A".repeat(43), "../../api", expired.slip().orElseThrow(),
                other.slip().orElseThrow(), "%3Cscript%3E")) {
            for (String tail : List.of("", "/pages/1.jpg", "/pdf", "/print")) {
                urls.add("/portal/requests/" + slip + "/items/" + id + tail);
            }
        }
        for (String url : urls) {
            for (RequestPostProcessor who : List.of(anonymousCaller(), Staff.as(LOW), Staff.page(LOW))) {
                MockHttpServletResponse r = mvc.perform(get(url).with(who)).andReturn().getResponse();
                byte[] body = r.getContentAsByteArray();
                assertThat(r.getStatus()).as(url).isNotEqualTo(200);
                assertThat(isImageOrDocument(body)).as(url + " serves no image or file").isFalse();
            }
        }
    }

    @Test
    void theSecurityAdministratorRoutesClassifiedRecordsToARoleOfHigherStanding() throws Exception {
        String senior = "USE_SENIOR_" + (System.nanoTime() % 100_000);
        staff.asSecurityAdmin(() -> permissions.defineRole(new Role(senior, "利用审批（涉密）", true, false, false,
                Set.of(Right.APPROVE_USE), Set.of(), Set.of())));
        List<ApprovalRoute> before = staff.as(APPROVER, () -> routes.routes());
        String body = "[{\"role\":\"USE_APPROVAL\"},{\"classification\":\"SECRET\",\"role\":\"" + senior + "\"}]";
        assertThat(call(put("/api/v1/access-routes"), Staff.as(APPROVER), body).getStatus())
                .as("only the security administrator").isEqualTo(403);
        try {
            staff.asSecurityAdmin(() -> routes.replace(List.of(new ApprovalRoute(null, null, "USE_APPROVAL"),
                    new ApprovalRoute(null, cn.lantai.catalog.Classification.SECRET, senior)), "secadmin", null));
            Item secret = world.classified("机密的征地档案", "机密", 1);
            AccessRequest asked = staff.as(REQUESTER, () -> requests.ask(List.of(secret.id()), Purpose.WORK, "核对",
                    null, viewer(REQUESTER))).request();
            assertThat(asked.items().get(0).routeRole()).isEqualTo(senior);
            assertThat(staff.as(APPROVER, () -> requests.queue(viewer(APPROVER)))).extracting(AccessRequest::id)
                    .doesNotContain(asked.id());
            assertThat(call(post("/api/v1/access-requests/{id}/approve", asked.id()), Staff.as(APPROVER), "{}")
                    .getStatus()).as("routed to another role: not theirs to read").isEqualTo(404);
            assertThat(audit("access.routes.replaced", "access_route")).isNotEmpty();
        } finally {
            staff.asSecurityAdmin(() -> routes.replace(before, "secadmin", null));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    @Autowired
    ApprovalRoutes routes;

    private MockHttpServletResponse ask(String who, long item, String reason) throws Exception {
        return call(post("/api/v1/access-requests"), Staff.as(who), "{\"items\":[" + item + "],\"purpose\":\"WORK\","
                + "\"reason\":\"" + reason + "\"}");
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, RequestPostProcessor who, String json)
            throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn()
                .getResponse();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse r = anonymous(path);
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse anonymous(String path) throws Exception {
        return mvc.perform(get(path).with(anonymousCaller())).andReturn().getResponse();
    }

    private static RequestPostProcessor anonymousCaller() {
        return request -> request;
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM access_request").query(Integer.class).single();
    }

    private static boolean isImageOrDocument(byte[] body) {
        return body.length > 3 && ((body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xd8
                || new String(body, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")
                || (body[0] & 0xff) == 0x89 && body[1] == 'P' || body[0] == 'P' && body[1] == 'K');
    }

    private static BufferedImage firstImage(PDDocument doc) throws java.io.IOException {
        for (COSName name : doc.getPage(0).getResources().getXObjectNames()) {
            if (doc.getPage(0).getResources().getXObject(name) instanceof PDImageXObject image) {
                return image.getImage();
            }
        }
        throw new AssertionError("no image on the PDF's first page");
    }
}
