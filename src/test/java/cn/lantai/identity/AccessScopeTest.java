package cn.lantai.identity;

import java.time.Duration;
import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record is seen only by people whose clearance covers its 密级, whose role covers its open status and whose data
 * scope reaches its fonds and category; asking for it by id otherwise answers "not found", in the API and in search.
 */
@LantaiTest
class AccessScopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Staff staff;
    @Autowired
    AccountManagement accounts;
    @Autowired
    PermissionManagement permissions;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    MockMvc mvc;

    String fondsA;
    String fondsB;

    @BeforeEach
    void twoUnitsWithTheirFonds() {
        fondsA = staff.unitWithFonds("甲局");
        fondsB = staff.unitWithFonds("乙局");
    }

    private Item item(String fonds, String title, String classification, String openStatus) {
        return catalog.create(Entries.item(fonds, 2015, title).with(DescriptionField.CLASSIFICATION, classification)
                .with(DescriptionField.OPEN_STATUS, openStatus).input(), Viewer.system());
    }

    /** A PATCH of the item as the given person (the body's fields as the API takes them). */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder patchItem(Item item,
            RequestPostProcessor who, String body) {
        return patch("/api/v1/items/" + item.id().value()).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private JsonNode search(RequestPostProcessor who, String query, long expectedTotal) throws Exception {
        return Awaitility.await().alias("search total " + expectedTotal + " for " + query)
                .atMost(SearchIndexed.PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> JSON.readTree(mvc.perform(get("/api/v1/search").param("q", query).with(who))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()),
                        last -> last.get("total").asLong() == expectedTotal);
    }

    @Test
    void aUserWithSecretClearanceDoesNotSeeAConfidentialRecordAnywhere() throws Exception {
        String user = "mimi-" + fondsA;
        staff.ensure(user, "秘密级用户", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item secret = item(fondsA, "机密级的防汛预案" + fondsA, "机密", "控制");
        Item plain = item(fondsA, "普通的防汛通知" + fondsA, "无", "控制");

        mvc.perform(get("/api/v1/items/" + secret.id().value()).with(Staff.as(user))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + secret.id().value() + "/history").with(Staff.as(user)))
                .andExpect(status().isNotFound());
        mvc.perform(patchItem(secret, Staff.as(user), "{\"version\":1,\"title\":\"改\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + plain.id().value()).with(Staff.as(user))).andExpect(status().isOk());
        // the archivist (绝密) finds both; the 秘密 user finds only the plain one, and counts only it
        search(Staff.archivist(), "防汛 " + fondsA, 2);
        JsonNode seen = search(Staff.as(user), "防汛 " + fondsA, 1);
        assertThat(seen.toString()).doesNotContain("机密级的防汛预案");
    }

    @Test
    void aUnitArchivistSeesOnlyTheirOwnUnitsRecords() throws Exception {
        String clerk = "unitclerk-" + fondsA;
        staff.ensure(clerk, "甲局档案员", "U" + fondsA, Classification.CONFIDENTIAL, List.of("UNIT_ARCHIVIST"));
        Item own = item(fondsA, "甲局的会议纪要" + fondsA, "无", "控制");
        Item other = item(fondsB, "乙局的会议纪要" + fondsA, "无", "控制");

        mvc.perform(get("/api/v1/items/" + own.id().value()).with(Staff.as(clerk))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/items/" + other.id().value()).with(Staff.as(clerk))).andExpect(status().isNotFound());
        JsonNode list = JSON.readTree(mvc.perform(get("/api/v1/items").param("fonds", fondsB).with(Staff.as(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.get("total").asLong()).isZero();
        search(Staff.archivist(), "会议纪要 " + fondsA, 2);
        search(Staff.as(clerk), "会议纪要 " + fondsA, 1);
    }

    @Test
    void aRecordNotYetOpenCanBeEditedLikeAnyOther() throws Exception {
        // its stored open status (CONTROLLED) once failed the length rule of the field when an edit re-judged it
        Item closed = item(fondsA, "控制使用的文件" + fondsA, "机密", "控制");
        mvc.perform(patchItem(closed, Staff.archivist(),
                "{\"version\":" + closed.version() + ",\"title\":\"改过题名的控制使用文件\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aReadingRoomClerkReadsButDoesNotEdit() throws Exception {
        String reader = "reading-" + fondsA;
        staff.ensure(reader, "利用窗口", null, Classification.NONE, List.of("READING_ROOM"));
        Item open = item(fondsA, "开放的文件" + fondsA, "无", "开放");
        mvc.perform(get("/api/v1/items/" + open.id().value()).with(Staff.as(reader))).andExpect(status().isOk());
        mvc.perform(patchItem(open, Staff.as(reader), "{\"version\":1,\"title\":\"改\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePublicRoleSeesOnlyOpenRecords() throws Exception {
        String citizen = "citizen-" + fondsA;
        staff.ensure(citizen, "公众", null, Classification.NONE, List.of("PUBLIC"));
        Item closed = item(fondsA, "未开放的文件" + fondsA, "无", "控制");
        Item open = item(fondsA, "已开放的文件" + fondsA, "无", "开放");
        mvc.perform(get("/api/v1/items/" + closed.id().value()).with(Staff.as(citizen))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/items/" + open.id().value()).with(Staff.as(citizen))).andExpect(status().isOk());
    }

    @Test
    void aGroupsRolesReachEveryMemberAndLeaveWithThem() throws Exception {
        String member = "grouped-" + fondsA;
        staff.ensure(member, "组员", null, Classification.NONE, List.of());
        Item closed = item(fondsA, "组内可见的文件" + fondsA, "无", "控制");
        mvc.perform(get("/api/v1/items/" + closed.id().value()).with(Staff.as(member))).andExpect(status().isNotFound());
        staff.asSystemAdmin(() -> {
            accounts.defineGroup("G" + fondsA, "利用组");
            return null;
        });
        staff.asSecurityAdmin(() -> {
            permissions.setGroups(member, java.util.Set.of("G" + fondsA));
            return null;
        });
        staff.asSecurityAdmin(() -> {
            permissions.setGroupRoles("G" + fondsA, java.util.Set.of("READING_ROOM"));
            return null;
        });
        mvc.perform(get("/api/v1/items/" + closed.id().value()).with(Staff.as(member))).andExpect(status().isOk());
        staff.asSecurityAdmin(() -> {
            permissions.setGroups(member, java.util.Set.of());
            return null;
        });
        mvc.perform(get("/api/v1/items/" + closed.id().value()).with(Staff.as(member))).andExpect(status().isNotFound());
    }

    @Test
    void aUnitArchivistOfAParentUnitReachesTheFondsOfTheUnitsBelow() throws Exception {
        staff.asSystemAdmin(() -> {
            accounts.defineUnit(new OrgUnit("U" + fondsB, "乙局", "U" + fondsA, fondsB));
            return null;
        });
        staff.confirmPending("U" + fondsB);
        String clerk = "parentclerk-" + fondsA;
        staff.ensure(clerk, "上级档案员", "U" + fondsA, Classification.NONE, List.of("UNIT_ARCHIVIST"));
        Item below = item(fondsB, "下级单位的文件" + fondsA, "无", "控制");
        mvc.perform(get("/api/v1/items/" + below.id().value()).with(Staff.as(clerk))).andExpect(status().isOk());
        // a unit cannot be put below itself or its own descendants
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> staff.asSystemAdmin(() ->
                accounts.defineUnit(new OrgUnit("U" + fondsA, "甲局", "U" + fondsB, fondsA))))
                .isInstanceOf(IdentityProblem.class);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    void anImportJobAndItsReportAreOnlyForThePersonWhoStartedIt() throws Exception {
        String id = new cn.lantai.support.ImportDriver(mvc).start(
                Catalogues.standard().items(fondsA, 2019, 3).xlsx(tmp), "jobs.xlsx", java.util.Map.of());
        String other = "other-" + fondsA;
        staff.ensure(other, "旁人", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
        mvc.perform(get("/api/v1/jobs/" + id).with(Staff.archivist())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/jobs/" + id).with(Staff.as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/imports/" + id + "/report").with(Staff.as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/imports/" + id).with(Staff.page(other))).andExpect(status().isNotFound());
    }

    @Test
    void writesStayWithinWhatTheWriterMaySeeAndOpeningARecordIsAnAppraisalDecision() throws Exception {
        String clerk = "writer-" + fondsA;
        staff.ensure(clerk, "著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item closed = item(fondsA, "待开放的文件" + fondsA, "无", "控制");
        // 开放 without the appraisal right: refused
        mvc.perform(patchItem(closed, Staff.as(clerk), "{\"version\":" + closed.version() + ",\"openStatus\":\"开放\"}"))
                .andExpect(status().isForbidden());
        // raising it above one's own clearance: refused (one would no longer see it)
        mvc.perform(patchItem(closed, Staff.as(clerk),
                "{\"version\":" + closed.version() + ",\"classification\":\"绝密\"}"))
                .andExpect(status().isForbidden());
        // creating a record above one's clearance: refused
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/items")
                .with(Staff.as(clerk)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fonds\":\"" + fondsA + "\",\"category\":\"WS\",\"year\":2015,\"retention\":\"Y\","
                        + "\"title\":\"越级的文件\",\"date\":\"2015-05-05\",\"creator\":\"区政府\","
                        + "\"classification\":\"机密\",\"openStatus\":\"控制\"}"))
                .andExpect(status().isForbidden());
        // the appraiser opens it
        mvc.perform(patchItem(closed, Staff.archivist(),
                "{\"version\":" + closed.version() + ",\"openStatus\":\"开放\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aGroupHoldingRecordsOneMayNotSeeIsNotRenumberedByOne() throws Exception {
        String clerk = "renumber-" + fondsA;
        staff.ensure(clerk, "著录员", null, Classification.NONE, List.of("CATALOGUING"));
        Item open = item(fondsA, "第一件" + fondsA, "无", "控制");
        item(fondsA, "第二件（机密）" + fondsA, "机密", "控制");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/items/renumber")
                .with(Staff.as(clerk)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"fonds\":\"" + fondsA + "\",\"category\":\"WS\",\"year\":2015,\"retention\":\"Y\","
                        + "\"org\":\"BGS\",\"order\":[" + open.id().value() + "]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorsReadNoRecords() throws Exception {
        Item open = item(fondsA, "公开的通知" + fondsA, "无", "开放");
        for (String admin : List.of("admin", "secadmin", "auditor")) {
            mvc.perform(get("/api/v1/items/" + open.id().value()).with(Staff.as(admin)))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void anImportRowWithoutANumberDoesNotOverwriteTheSameRecordWhenItIsHiddenFromTheImporter() throws Exception {
        String clerk = "importer-" + fondsA;
        staff.ensure(clerk, "导入员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Item hidden = item(fondsA, "机密的规划方案" + fondsA, "机密", "控制");
        java.nio.file.Path file = Catalogues.withHeader("全宗号", "门类代码", "年度", "保管期限", "机构(问题)代码", "题名",
                        "责任者", "日期", "密级", "开放标识")
                .row(fondsA, "WS", "2015", "Y", "BGS", "机密的规划方案" + fondsA, "区人民政府办公室", "2015-03-12", "无",
                        "开放")
                .csv(tmp, java.nio.charset.StandardCharsets.UTF_8, true);
        var done = new cn.lantai.support.ImportDriver(mvc, Staff.as(clerk)).run(file, "same-record.csv", java.util.Map.of());
        org.assertj.core.api.Assertions.assertThat(done.get("rejected").asLong()).isEqualTo(1);
        Item after = catalog.item(hidden.id(), Viewer.system());
        org.assertj.core.api.Assertions.assertThat(after.description().classification()).isEqualTo(Classification.SECRET);
        org.assertj.core.api.Assertions.assertThat(after.version()).isEqualTo(hidden.version());
    }
}
