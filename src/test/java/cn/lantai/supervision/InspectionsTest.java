package cn.lantai.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Law-enforcement inspections from plan to follow-up review, every refusal the workflow owes (a notice after the
 * inspection or less than a calendar month ahead, a team of two, duplicate or blank cards, a deadline before the
 * notice, steps out of order, an unknown unit, oversized and control-character text, dates not yet come), the sealed
 * notice PDF, the overdue alert on explicit days, and a simulated year's figures recomputed from what it recorded.
 */
@LantaiTest
class InspectionsTest {

    private static final String INSPECTOR = "inspector-insp";
    private static final Viewer VIEWER = Viewer.staff(INSPECTOR, Classification.NONE, false);

    @Autowired
    Inspections inspections;
    @Autowired
    Staff staff;
    @Autowired
    MockMvc mvc;
    @Value("${spring.datasource.hikari.maximum-pool-size:10}")
    int poolSize;

    String unit;
    String unitName;
    LocalDate today;

    @BeforeEach
    void anInspectorAndAUnit() {
        staff.ensure(INSPECTOR, "执法检查员", null, Classification.NONE, List.of("INSPECTION"));
        unitName = "被检查单位" + ThreadLocalRandom.current().nextInt(1_000_000);
        unit = "U" + staff.unitWithFonds(unitName);
        today = inspections.today();
    }

    @Test
    void anInspectionGoesFromPlanThroughRectificationToFollowUpReviewAndANewNoticeForWhatIsNotFixed()
            throws Exception {
        LocalDate onSite = today.minusMonths(10);
        long id = inspected(onSite.minusMonths(2), onSite, List.of("档案室无温湿度记录", "归档文件未按年度整理"));
        String number = as(() -> inspections.rectify(id, onSite.plusDays(1), onSite.plusMonths(1),
                List.of("建立温湿度记录", "按年度整理归档文件"), VIEWER));
        assertThat(number).matches("区档执改〔" + onSite.plusDays(1).getYear() + "〕\\d+号");
        assertThat(pdfText(as(() -> inspections.noticePdf(id, 1)))).contains(number, unitName, "建立温湿度记录");

        as(() -> inspections.reportFixes(id, onSite.plusDays(20), List.of(new ItemFix("已建立记录", onSite.plusDays(10)),
                new ItemFix("已重新整理", onSite.plusDays(15))), "照片与记录表\n共 12 页", VIEWER));
        assertRefused(() -> inspections.review(id, onSite.plusDays(30), List.of(ItemOutcome.FIXED,
                ItemOutcome.FIXED), VIEWER), 409, "supervision.inspection.not-now.review");
        as(() -> inspections.acceptFixes(id, onSite.plusDays(25), VIEWER));
        as(() -> inspections.publish(id, onSite.plusDays(26), "该单位整改到位。", VIEWER));
        as(() -> inspections.review(id, onSite.plusDays(60), List.of(ItemOutcome.FIXED, ItemOutcome.NOT_FIXED),
                VIEWER));

        Inspection reviewed = as(() -> inspections.inspection(id));
        assertThat(reviewed.state()).isEqualTo(InspectionState.REVIEWED);
        assertThat(reviewed.unfixedItems()).containsExactly("按年度整理归档文件");
        assertThat(reviewed.steps()).extracting(InspectionStep::step).containsExactly(InspectionState.PLANNED,
                InspectionState.NOTIFIED, InspectionState.TEAM_SET, InspectionState.INSPECTED,
                InspectionState.RECTIFYING, InspectionState.FIXES_REPORTED, InspectionState.RECTIFIED,
                InspectionState.PUBLISHED, InspectionState.REVIEWED);
        assertThat(reviewed.steps()).allMatch(s -> s.recordedBy().equals(INSPECTOR) && s.on() != null);
        assertThat(reviewed.currentRectification().orElseThrow().evidence()).isEqualTo("照片与记录表\n共 12 页");

        String second = as(() -> inspections.rectify(id, onSite.plusDays(61), onSite.plusDays(90),
                reviewed.unfixedItems(), VIEWER));
        assertThat(second).isNotEqualTo(number);
        assertThat(as(() -> inspections.ofUnit(unit))).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("RECTIFYING");
            assertThat(s.deadline()).isEqualTo(onSite.plusDays(90));
            assertThat(s.closed()).isFalse();
        });
    }

    @Test
    void aCleanInspectionGoesStraightToItsPublishedResult() {
        LocalDate onSite = today.minusMonths(3);
        long id = inspected(onSite.minusMonths(1), onSite, List.of());
        assertRefused(() -> inspections.rectify(id, onSite, onSite.plusDays(30), List.of("x"), VIEWER), 409,
                "supervision.inspection.not-now.rectify");
        as(() -> inspections.publish(id, onSite.plusDays(3), "未发现问题。", VIEWER));
        assertThat(as(() -> inspections.inspection(id)).state()).isEqualTo(InspectionState.PUBLISHED);
        assertThat(as(() -> inspections.published())).anyMatch(p -> p.inspectionId() == id);
        assertRefused(() -> inspections.review(id, onSite.plusDays(9), List.of(), VIEWER), 409,
                "supervision.inspection.not-now.review");
    }

    @Test
    void aNoticeMustComeAtLeastOneCalendarMonthBeforeTheInspection() {
        LocalDate planned = today.minusDays(10);
        long id = as(() -> inspections.plan(unit, planned, "档案法执行情况", VIEWER));
        assertRefused(() -> inspections.recordNotice(id, planned.plusDays(1), VIEWER), 422,
                "supervision.inspection.notice-after-inspection");
        assertRefused(() -> inspections.recordNotice(id, planned.minusMonths(1).plusDays(1), VIEWER), 422,
                "supervision.inspection.notice-too-late");
        assertRefused(() -> inspections.recordNotice(id, today.plusDays(1), VIEWER), 422,
                "supervision.inspection.date-in-future");
        as(() -> inspections.recordNotice(id, planned.minusMonths(1), VIEWER));
        assertRefused(() -> inspections.recordNotice(id, planned.minusMonths(2), VIEWER), 409,
                "supervision.inspection.not-now.notify");
    }

    @Test
    void aTeamNeedsThreeInspectorsWithDistinctCardsAndARefusedTeamLeavesNothingBehind() {
        LocalDate planned = today.minusDays(5);
        long id = as(() -> inspections.plan(unit, planned, "档案法执行情况", VIEWER));
        assertRefused(() -> inspections.setTeam(id, planned, team("甲", "乙", "丙"), VIEWER), 409,
                "supervision.inspection.not-now.team");
        as(() -> inspections.recordNotice(id, planned.minusMonths(2), VIEWER));
        LocalDate on = planned.minusMonths(1);
        assertRefused(() -> inspections.setTeam(id, on, List.of(new Inspector("甲", "A1"), new Inspector("乙", "A2")),
                VIEWER), 422, "supervision.inspection.team-too-small");
        assertRefused(() -> inspections.setTeam(id, on, List.of(new Inspector("甲", "A1"), new Inspector("乙", "A2"),
                new Inspector("丙", "a1")), VIEWER), 422, "supervision.inspection.team-duplicate");
        assertRefused(() -> inspections.setTeam(id, on, List.of(new Inspector("甲", "A1"), new Inspector("乙", "A2"),
                new Inspector("丙", " ")), VIEWER), 422, "supervision.inspection.bad-card");
        assertRefused(() -> inspections.setTeam(id, on, List.of(new Inspector("甲", "A1"), new Inspector("乙", "A2"),
                new Inspector("丙\u0000", "A3")), VIEWER), 422, "supervision.inspection.bad-inspector-name");
        Inspection unchanged = as(() -> inspections.inspection(id));
        assertThat(unchanged.state()).isEqualTo(InspectionState.NOTIFIED);
        assertThat(unchanged.team()).isEmpty();
        assertRefused(() -> inspections.inspect(id, planned, List.of(), VIEWER), 409,
                "supervision.inspection.not-now.inspect");
    }

    @Test
    void stepsOutOfOrderBadDatesAndBadTextAreRefused() {
        LocalDate onSite = today.minusMonths(4);
        assertRefused(() -> inspections.plan("NO-SUCH-UNIT-" + unit, onSite, "检查", VIEWER), 404,
                "supervision.inspection.no-such-unit");
        assertRefused(() -> inspections.plan(unit, onSite, "检".repeat(Inspections.MAX_SUBJECT + 1), VIEWER), 422,
                "supervision.inspection.bad-subject");
        assertRefused(() -> inspections.plan(unit, onSite, "检查\u0007", VIEWER), 422,
                "supervision.inspection.bad-subject");
        assertRefused(() -> inspections.plan(unit, null, "检查", VIEWER), 422,
                "supervision.inspection.bad-planned-date");
        assertRefused(() -> inspections.acceptFixes(Long.MAX_VALUE, today, VIEWER), 404,
                "supervision.inspection.not-found");
        long ancient = as(() -> inspections.plan(unit, onSite, "检查", VIEWER));
        assertRefused(() -> inspections.recordNotice(ancient, LocalDate.of(5, 1, 1), VIEWER), 422,
                "supervision.inspection.date-too-early");
        assertRefused(() -> inspections.recordNotice(ancient, LocalDate.of(-5000, 1, 1), VIEWER), 422,
                "supervision.inspection.date-too-early");
        assertRefused(() -> inspections.recordNotice(ancient, LocalDate.of(1979, 12, 31), VIEWER), 422,
                "supervision.inspection.date-too-early");

        long early = as(() -> inspections.plan(unit, onSite, "检查", VIEWER));
        as(() -> inspections.recordNotice(early, onSite.minusMonths(1), VIEWER));
        as(() -> inspections.setTeam(early, onSite.minusMonths(1), team("甲", "乙", "丙"), VIEWER));
        assertRefused(() -> inspections.inspect(early, onSite.minusMonths(1).plusDays(5), List.of(), VIEWER), 422,
                "supervision.inspection.inspected-within-month");
        assertRefused(() -> inspections.inspect(early, onSite, List.of("问".repeat(Inspections.MAX_ITEM + 1)),
                VIEWER), 422, "supervision.inspection.bad-finding");

        long id = inspected(onSite.minusMonths(1), onSite, List.of("未建立档案工作制度"));
        assertRefused(() -> inspections.publish(id, onSite, "结果", VIEWER), 409,
                "supervision.inspection.not-now.publish");
        assertRefused(() -> inspections.reportFixes(id, onSite, List.of(new ItemFix("做了", onSite)), null, VIEWER),
                409, "supervision.inspection.not-now.fixes");
        assertRefused(() -> inspections.acceptFixes(id, onSite, VIEWER), 409,
                "supervision.inspection.not-now.accept");
        assertRefused(() -> inspections.rectify(id, onSite.plusDays(5), onSite.plusDays(4), List.of("建立制度"),
                VIEWER), 422, "supervision.inspection.deadline-before-notice");
        assertRefused(() -> inspections.rectify(id, onSite.minusDays(1), onSite.plusDays(30), List.of("建立制度"),
                VIEWER), 422, "supervision.inspection.rectify-before-inspection");
        assertRefused(() -> inspections.rectify(id, onSite, onSite.plusDays(30), List.of("建立\u001b制度"), VIEWER),
                422, "supervision.inspection.bad-item");
        assertRefused(() -> inspections.rectify(id, onSite, onSite.plusYears(Inspections.MAX_DEADLINE_YEARS)
                .plusDays(1), List.of("建立制度"), VIEWER), 422, "supervision.inspection.deadline-too-far");
        assertRefused(() -> inspections.rectify(id, onSite, LocalDate.of(999_999, 1, 1), List.of("建立制度"), VIEWER),
                422, "supervision.inspection.deadline-too-far");
        assertThat(as(() -> inspections.inspection(id)).rectifications()).isEmpty();

        as(() -> inspections.rectify(id, onSite, onSite.plusDays(30), List.of("建立制度"), VIEWER));
        assertRefused(() -> inspections.reportFixes(id, onSite.plusDays(3), List.of(), null, VIEWER), 422,
                "supervision.inspection.fixes-incomplete");
        assertRefused(() -> inspections.reportFixes(id, onSite.plusDays(3), List.of(new ItemFix("做了",
                onSite.minusDays(1))), null, VIEWER), 422, "supervision.inspection.fix-date");
        assertRefused(() -> inspections.reportFixes(id, onSite.plusDays(3), List.of(new ItemFix("做了", onSite)),
                "证".repeat(Inspections.MAX_TEXT + 1), VIEWER), 422, "supervision.inspection.bad-evidence");
        assertThat(as(() -> inspections.inspection(id)).state()).isEqualTo(InspectionState.RECTIFYING);

        assertThatThrownBy(() -> staff.asAuditor(() -> inspections.plan(unit, onSite, "检查", VIEWER)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theApiAnswersRefusalsAsProblemsWithTheirKey() throws Exception {
        MockHttpServletResponse unknown = mvc.perform(post("/api/v1/supervision/inspections").with(Staff.as(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"NO-SUCH\",\"planned\":\"" + today + "\",\"subject\":\"检查\"}"))
                .andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains("supervision.inspection.no-such-unit");

        MockHttpServletResponse planned = mvc.perform(post("/api/v1/supervision/inspections").with(Staff.as(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"unit\":\"" + unit + "\",\"planned\":\"" + today + "\",\"subject\":\"档案法执行情况\"}"))
                .andReturn().getResponse();
        assertThat(planned.getStatus()).isEqualTo(201);
        String location = planned.getHeader("Location");
        MockHttpServletResponse late = mvc.perform(post(location + "/notice").with(Staff.as(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"" + today + "\"}"))
                .andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentType()).contains("problem+json");
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("supervision.inspection.notice-too-late");
        assertThat(mvc.perform(get(location).with(Staff.as(INSPECTOR))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"state\":\"PLANNED\"");
    }

    @Test
    void theFormsAnswerMalformedAndHostileInputWithAMessageAndTheApiWith400() throws Exception {
        MvcResult badDate = mvc.perform(post("/supervision/inspections").with(Staff.page(INSPECTOR)).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)
                .param("unit", unit).param("planned", "2026-13-45").param("subject", "检查")).andReturn();
        assertThat(badDate.getResponse().getRedirectedUrl()).isEqualTo("/supervision/inspections");
        assertThat(badDate.getFlashMap().get("problem")).isEqualTo("日期格式不对，请按“年-月-日”填写。");
        assertThat(badDate.getFlashMap().get("subject")).isEqualTo("检查");

        long id = as(() -> inspections.plan(unit, today.minusDays(1), "<script>alert(1)</script>", VIEWER));
        as(() -> inspections.recordNotice(id, today.minusMonths(2), VIEWER));
        MvcResult two = mvc.perform(post("/supervision/inspections/{id}/team", id).with(Staff.page(INSPECTOR))
                .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("on", today.toString())
                .param("name", "甲", "乙", "", "").param("card", "A1", "A2", "", "")).andReturn();
        assertThat(two.getResponse().getRedirectedUrl()).isEqualTo("/supervision/inspections/" + id);
        assertThat(two.getFlashMap().get("problem")).isEqualTo("检查组至少需要 3 名执法人员。");

        String shown = mvc.perform(get("/supervision/inspections/{id}", id).with(Staff.page(INSPECTOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(mvc.perform(get("/supervision/inspections/{id}", Long.MAX_VALUE).with(Staff.page(INSPECTOR)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/api/v1/supervision/inspections/{id}/team", id).with(Staff.as(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"not a date\",")).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
        assertThat(as(() -> inspections.inspection(id)).state()).isEqualTo(InspectionState.NOTIFIED);

        long ancient = as(() -> inspections.plan(unit, today.minusDays(1), "检查", VIEWER));
        MvcResult year5 = mvc.perform(post("/supervision/inspections/{id}/notice", ancient).with(Staff.page(INSPECTOR))
                .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("on", "0005-01-01")).andReturn();
        assertThat(year5.getFlashMap().get("problem")).isEqualTo("日期 0005-01-01 太早：不能早于 1980-01-01。");
        MockHttpServletResponse apiYear5 = mvc.perform(post("/api/v1/supervision/inspections/{id}/notice", ancient)
                .with(Staff.as(INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("{\"on\":\"0005-01-01\"}"))
                .andReturn().getResponse();
        assertThat(apiYear5.getStatus()).isEqualTo(422);
        assertThat(apiYear5.getContentAsString(StandardCharsets.UTF_8)).contains("supervision.inspection.date-too-early");
        assertThat(as(() -> inspections.inspection(ancient)).state()).isEqualTo(InspectionState.PLANNED);
    }

    @Test
    void aFarDeadlineIsRefusedOnThePageWithItsMessage() throws Exception {
        LocalDate onSite = today.minusMonths(2);
        long id = inspected(onSite.minusMonths(1), onSite, List.of("库房漏水"));
        MvcResult far = mvc.perform(post("/supervision/inspections/{id}/rectification", id).with(Staff.page(INSPECTOR))
                .with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("on", onSite.toString())
                .param("deadline", "+999999-01-01").param("items", "修缮屋顶")).andReturn();
        assertThat(far.getFlashMap().get("problem")).isEqualTo("整改期限 +999999-01-01 太远：不能晚于通知书日期 "
                + onSite + " 之后 5 年。");
        assertThat(as(() -> inspections.inspection(id)).rectifications()).isEmpty();
    }

    @Test
    void thePublishedResultsGiveTheirConnectionBackEveryTime() {
        for (int i = 0; i < poolSize * 2 + 1; i++) {
            assertThat(as(() -> inspections.published())).hasSizeLessThanOrEqualTo(Inspections.MAX_PUBLISHED_SHOWN);
        }
    }

    @Test
    void aRectificationPastItsDeadlineIsOverdueUntilItsFixesAreAccepted() {
        LocalDate onSite = today.minusMonths(5);
        long id = inspected(onSite.minusMonths(1), onSite, List.of("库房无防盗设施"));
        LocalDate deadline = onSite.plusDays(30);
        String number = as(() -> inspections.rectify(id, onSite.plusDays(1), deadline, List.of("安装防盗门"), VIEWER));

        assertThat(as(() -> inspections.overdueOn(deadline))).noneMatch(o -> o.number().equals(number));
        assertThat(as(() -> inspections.overdueOn(deadline.plusDays(1)))).filteredOn(o -> o.number().equals(number))
                .singleElement().satisfies(o -> {
                    assertThat(o.daysOverdue()).isEqualTo(1);
                    assertThat(o.unitCode()).isEqualTo(unit);
                });
        assertThat(as(() -> inspections.overdue())).anyMatch(o -> o.number().equals(number));

        as(() -> inspections.reportFixes(id, deadline.plusDays(3), List.of(new ItemFix("已安装", deadline.plusDays(2))),
                null, VIEWER));
        assertThat(as(() -> inspections.overdue())).anyMatch(o -> o.number().equals(number));
        as(() -> inspections.acceptFixes(id, deadline.plusDays(4), VIEWER));
        assertThat(as(() -> inspections.overdue())).noneMatch(o -> o.number().equals(number));
        assertThat(as(() -> inspections.ofUnit(unit))).singleElement().satisfies(s -> assertThat(s.closed()).isTrue());
    }

    @Test
    void aYearsFiguresAreTheInspectionsNoticesItemsAndReviewsRecordedInIt() {
        int y = 2001 + ThreadLocalRandom.current().nextInt(14);
        InspectionYear before = inspections.year(y);
        InspectionYear beforeNext = inspections.year(y + 1);

        long clean = inspected(LocalDate.of(y, 1, 5), LocalDate.of(y, 3, 1), List.of());
        as(() -> inspections.publish(clean, LocalDate.of(y, 3, 10), "未发现问题。", VIEWER));

        long lateOne = inspected(LocalDate.of(y, 8, 1), LocalDate.of(y, 10, 1), List.of("甲", "乙"));
        as(() -> inspections.rectify(lateOne, LocalDate.of(y, 11, 1), LocalDate.of(y, 12, 1), List.of("甲", "乙"),
                VIEWER));

        long closed = inspected(LocalDate.of(y, 2, 1), LocalDate.of(y, 4, 1), List.of("丙"));
        as(() -> inspections.rectify(closed, LocalDate.of(y, 6, 1), LocalDate.of(y, 7, 1), List.of("丙"), VIEWER));
        as(() -> inspections.reportFixes(closed, LocalDate.of(y, 6, 20), List.of(new ItemFix("改了",
                LocalDate.of(y, 6, 15))), null, VIEWER));
        as(() -> inspections.acceptFixes(closed, LocalDate.of(y, 6, 25), VIEWER));
        as(() -> inspections.publish(closed, LocalDate.of(y, 7, 1), "整改到位。", VIEWER));
        as(() -> inspections.review(closed, LocalDate.of(y, 8, 1), List.of(ItemOutcome.FIXED), VIEWER));

        long acrossYears = inspected(LocalDate.of(y, 9, 1), LocalDate.of(y, 11, 1), List.of("丁"));
        as(() -> inspections.rectify(acrossYears, LocalDate.of(y, 12, 10), LocalDate.of(y + 1, 1, 20), List.of("丁"),
                VIEWER));
        as(() -> inspections.reportFixes(acrossYears, LocalDate.of(y + 1, 1, 5), List.of(new ItemFix("改了",
                LocalDate.of(y + 1, 1, 5))), null, VIEWER));
        as(() -> inspections.acceptFixes(acrossYears, LocalDate.of(y + 1, 1, 10), VIEWER));

        InspectionYear after = inspections.year(y);
        assertThat(after.inspections() - before.inspections()).isEqualTo(4);
        assertThat(after.rectificationNotices() - before.rectificationNotices()).isEqualTo(3);
        assertThat(after.rectificationItems() - before.rectificationItems()).isEqualTo(4);
        assertThat(after.rectificationsClosed() - before.rectificationsClosed()).isEqualTo(1);
        assertThat(after.rectificationsOverdue() - before.rectificationsOverdue()).isEqualTo(1);
        assertThat(after.resultsPublished() - before.resultsPublished()).isEqualTo(2);
        assertThat(after.followUps() - before.followUps()).isEqualTo(1);

        InspectionYear next = inspections.year(y + 1);
        assertThat(next.inspections() - beforeNext.inspections()).isZero();
        assertThat(next.rectificationNotices() - beforeNext.rectificationNotices()).isZero();
        assertThat(next.rectificationsOverdue() - beforeNext.rectificationsOverdue()).isEqualTo(1);
    }

    @Test
    void aNoticeDueLaterInTheYearIsNotCountedOverdueYet() {
        int y = 2001 + ThreadLocalRandom.current().nextInt(14);
        LocalDate may = LocalDate.of(y, 5, 1);
        LocalDate deadline = LocalDate.of(y, 6, 1);
        long beforeMay = inspections.year(y, may).rectificationsOverdue();
        long onDeadline = inspections.year(y, deadline).rectificationsOverdue();
        long dayAfter = inspections.year(y, deadline.plusDays(1)).rectificationsOverdue();
        long beforeEnd = inspections.year(y, LocalDate.of(y + 1, 3, 1)).rectificationsOverdue();

        long id = inspected(LocalDate.of(y, 1, 5), LocalDate.of(y, 3, 1), List.of("未建立档案工作制度"));
        as(() -> inspections.rectify(id, LocalDate.of(y, 3, 2), deadline, List.of("建立制度"), VIEWER));

        assertThat(inspections.year(y, may).rectificationsOverdue() - beforeMay).isZero();
        assertThat(inspections.year(y, deadline).rectificationsOverdue() - onDeadline)
                .as("on its deadline day a notice is not overdue yet, as the overdue list counts it").isZero();
        assertThat(inspections.year(y, deadline.plusDays(1)).rectificationsOverdue() - dayAfter).isEqualTo(1);
        assertThat(inspections.year(y, LocalDate.of(y + 1, 3, 1)).rectificationsOverdue() - beforeEnd).isEqualTo(1);
    }

    /** An inspection planned on {@code onSite}, notified, its team set the day after the notice, and inspected. */
    private long inspected(LocalDate notice, LocalDate onSite, List<String> findings) {
        long id = as(() -> inspections.plan(unit, onSite, "档案法执行情况", VIEWER));
        as(() -> inspections.recordNotice(id, notice, VIEWER));
        as(() -> inspections.setTeam(id, notice.plusDays(1), team("张检", "李检", "王检"), VIEWER));
        as(() -> inspections.inspect(id, onSite, findings, VIEWER));
        return id;
    }

    private static List<Inspector> team(String... names) {
        return Arrays.stream(names).map(n -> new Inspector(n, "330100" + Math.abs(n.hashCode()))).toList();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private <T> T as(Supplier<T> work) {
        return staff.as(INSPECTOR, work);
    }

    private void as(Runnable work) {
        staff.as(INSPECTOR, () -> {
            work.run();
            return null;
        });
    }

    private void assertRefused(Runnable work, int status, String key) {
        assertThatThrownBy(() -> as(work)).isInstanceOfSatisfying(SupervisionProblem.class, p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.status()).isEqualTo(status);
        });
    }
}
