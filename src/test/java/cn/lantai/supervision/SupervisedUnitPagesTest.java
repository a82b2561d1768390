package cn.lantai.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.lantai.accession.PaperTransfer;
import cn.lantai.accession.Transfers;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The units' pages and API as an inspector sees them: a unit's whole history in Chinese and in English, the forms
 * refusing bad input on the page (nothing kept), and the read-only API with its problem answers.
 */
@LantaiTest
class SupervisedUnitPagesTest {

    static final String INSPECTOR = UnitSupervisionTest.INSPECTOR;

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    UnitSupervision units;
    @Autowired
    Outreach outreach;
    @Autowired
    Inspections inspections;
    @Autowired
    Transfers transfers;

    final Viewer viewer = new Viewer(INSPECTOR, "127.0.0.1", Classification.NONE, false, null, null);
    String unit;
    LocalDate today;

    @BeforeEach
    void unitWithHistory() {
        staff.ensure(INSPECTOR, "检查员", null, Classification.NONE, List.of("INSPECTION"));
        today = inspections.today();
        unit = "U" + staff.unitWithFonds("页面单位");
        staff.as(INSPECTOR, () -> {
            units.recordGrade(unit, Grade.PROVINCIAL_THIRD, today, viewer);
            outreach.addGuidance(new GuidanceVisit(0, today, GuidanceKind.UNIT, unit, null, "档案室建设指导", "赵指导",
                    null), viewer);
            return outreach.addTraining(new Training(0, today, "归档培训班", new BigDecimal("2"), "钱老师",
                    List.of(new Attendee("张档案", unit))), viewer);
        });
    }

    @Test
    void theUnitPageShowsItsWholeHistoryInChineseAndEnglish() throws Exception {
        String zh = mvc.perform(get("/supervision/units/{code}", unit).with(Staff.page(INSPECTOR))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("单位历程", "档案室建设指导", "归档培训班", "业务指导", "参加培训", "省三级", "分管负责人");
        String en = mvc.perform(get("/supervision/units/{code}", unit).with(Staff.page(INSPECTOR))
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("History", "档案室建设指导", "Guidance visit", "Training attended",
                "Provincial grade 3");
        String list = mvc.perform(get("/supervision").param("grade", "PROVINCIAL_THIRD").param("q", unit)
                        .with(Staff.page(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(unit, "页面单位");
        mvc.perform(get("/supervision/units/{code}", "U-NOPE").with(Staff.page(INSPECTOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFormsRefuseBadInputOnThePageAndKeepNothing() throws Exception {
        String page = mvc.perform(post("/supervision/units/{code}/work", unit).with(Staff.page(INSPECTOR)).with(csrf())
                        .param("personInCharge", "王分管").param("roomArea", "很大").param("reportedItems", "10"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("档案室面积应为").contains("王分管");
        assertThat(staff.as(INSPECTOR, () -> units.unit(unit)).work()).isEqualTo(UnitWork.NONE);
        mvc.perform(post("/supervision/units/{code}/grade", unit).with(Staff.page(INSPECTOR)).with(csrf())
                        .param("grade", "PROVINCIAL_ZERO").param("reachedOn", today.toString()))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/supervision/units/{code}/target", unit).with(Staff.page(INSPECTOR)).with(csrf())
                        .param("grade", "PROVINCIAL_THIRD").param("year", String.valueOf(today.getYear() - 1)))
                .andExpect(status().isUnprocessableEntity());
        String training = mvc.perform(post("/supervision/outreach/training").with(Staff.page(INSPECTOR)).with(csrf())
                        .param("heldOn", today.toString()).param("title", "超大培训").param("hours", "2")
                        .param("trainer", "钱").param("attendees", "某人\n".repeat(501)))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(training).contains("最多登记 500 名");
        mvc.perform(post("/supervision/outreach/publicity").with(Staff.page(INSPECTOR)).with(csrf())
                        .param("heldOn", "2999-01-01").param("kind", "OTHER").param("title", "未来活动")
                        .param("participants", "10"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/supervision/outreach/publicity").with(Staff.page(INSPECTOR)).with(csrf())
                        .param("heldOn", today.toString()).param("kind", "CONSTITUTION_DAY").param("title", "宪法日宣传")
                        .param("participants", "80"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/supervision/outreach").with(Staff.page(INSPECTOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("宪法日宣传", "归档培训班")
                .doesNotContain("超大培训", "未来活动");
        assertThat(mvc.perform(get("/supervision/outreach").param("year", "明年").with(Staff.page(INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("年度应在 1980 到");
    }

    @Test
    void anInspectorSeesTheUnitsTransfersAndItsInspectionsByTheirStateNames() throws Exception {
        String receiver = "receiver-sup";
        staff.ensure(receiver, "接收员", null, Classification.NONE, List.of("RECEIVING"));
        long transfer = staff.as(receiver, () -> transfers.recordPaper(new PaperTransfer(unit, 12, 3, 1, null,
                today.minusDays(3)), Viewer.staff(receiver, Classification.NONE, false))).id();
        staff.as(INSPECTOR, () -> inspections.plan(unit, today, "档案法执行情况", viewer));

        String zh = mvc.perform(get("/supervision/units/{code}", unit).with(Staff.page(INSPECTOR))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("档案移交", "已登记（纸质）", "已计划").doesNotContain(">PLANNED<", ">RECORDED<")
                .doesNotContain("/transfers/" + transfer);
        assertThat(staff.as(INSPECTOR, () -> transfers.receivedFrom(unit))).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(transfer);
            assertThat(t.items()).isEqualTo(12);
            assertThat(t.handedOverOn()).isEqualTo(today.minusDays(3));
        });
        assertThatThrownBy(() -> staff.asAuditor(() -> transfers.receivedFrom(unit)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aYearOutOfRangeAndARefusedTargetAreAnsweredWithTheirMessages() throws Exception {
        String range = "年度应在 1980 到 " + (today.getYear() + UnitSupervision.TARGET_YEARS_AHEAD) + " 之间。";
        for (String year : List.of("-1000000000", "2147483647", "1066")) {
            String page = mvc.perform(get("/supervision").param("year", year).with(Staff.page(INSPECTOR))
                            .locale(Locale.SIMPLIFIED_CHINESE))
                    .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(range);
        }
        assertThatThrownBy(() -> staff.as(INSPECTOR, () -> units.targets(1066)))
                .isInstanceOfSatisfying(SupervisionProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.key()).isEqualTo("supervision.outreach.bad-year");
                });

        String pastYear = mvc.perform(post("/supervision/units/{code}/target", unit).with(Staff.page(INSPECTOR))
                        .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("grade", "PROVINCIAL_THIRD")
                        .param("year", String.valueOf(today.getYear() - 1)))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(pastYear).contains("创建目标只能设定在 " + today.getYear() + " 年到 "
                + (today.getYear() + UnitSupervision.TARGET_YEARS_AHEAD) + " 年之间").doesNotContain("supervision.target");
        String ungraded = mvc.perform(post("/supervision/units/{code}/target", unit).with(Staff.page(INSPECTOR))
                        .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("grade", "UNGRADED")
                        .param("year", String.valueOf(today.getYear())))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(ungraded).contains("创建目标应为省一级、省二级或省三级。").doesNotContain("supervision.target");
        String typed = mvc.perform(post("/supervision/units/{code}/target", unit).with(Staff.page(INSPECTOR))
                        .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("grade", "PROVINCIAL_THIRD")
                        .param("year", "明年"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(typed).contains("创建目标只能设定在").doesNotContain("supervision.target");
    }

    @Test
    void theApiReadsUnitsAndAnswersProblems() throws Exception {
        mvc.perform(get("/api/v1/supervision/units/{code}", unit).with(Staff.as(INSPECTOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.grade").value("PROVINCIAL_THIRD"))
                .andExpect(jsonPath("$.history.length()").value(3));
        mvc.perform(get("/api/v1/supervision/units").param("grade", "PROVINCIAL_THIRD").param("q", unit)
                        .with(Staff.as(INSPECTOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].unit.code").value(unit));
        mvc.perform(get("/api/v1/supervision/units").param("grade", "NONSENSE").with(Staff.as(INSPECTOR)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("supervision.grade.unknown"));
        mvc.perform(get("/api/v1/supervision/units/{code}", "U-NOPE").with(Staff.as(INSPECTOR)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("supervision.unit.unknown"));
        mvc.perform(get("/api/v1/supervision/units").with(Staff.archivist())).andExpect(status().isForbidden());
    }
}
