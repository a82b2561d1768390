package cn.lantai.stacks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.safety.Answer;
import cn.lantai.stacks.internal.safety.ChecklistPoint;
import cn.lantai.stacks.internal.safety.Finding;
import cn.lantai.stacks.internal.safety.NewCheck;
import cn.lantai.stacks.internal.safety.NewIncident;
import cn.lantai.stacks.internal.safety.Protection;
import cn.lantai.stacks.internal.safety.QuarterState;
import cn.lantai.stacks.internal.safety.SafetyCalendar;
import cn.lantai.stacks.internal.safety.SafetyChecks;
import cn.lantai.stacks.internal.safety.SafetyLog;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.Staff;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The eight protections kept by the stacks staff: quarterly checks answering the whole checklist with each finding
 * fixed and closed, the quarters due and overdue, the repellent schedule's reminders, the incident log, every refusal
 * with its key and nothing written, the ledger page and its workbook read back, and the year's figures recomputed from
 * a simulated year. Past years no other test writes (1961, 1971–1973, 1980), days given explicitly: nothing depends on
 * today but the refusals of days to come, which read today in the archive's zone.
 */
@LantaiTest
class SafetyLedgerTest {

    private static final String KEEPER = "safety-keeper";
    @Test
    void aCheckIsRecordedFromTheFormAndShownWithItsAnswers() throws Exception {
        String room = room();
        String form = mvc.perform(get("/stacks/safety/checks/new").param("year", "1973").param("quarter", "2")
                .with(Staff.page(KEEPER))).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("1973年第2季度", "灭火器在有效期内，压力正常", room);
        long fire = firstPoint(Protection.FIRE);
        var post = post("/stacks/safety/checks").with(Staff.page(KEEPER)).with(csrf()).param("year", "1973")
                .param("quarter", "2").param("doneOn", "1973-05-02").param("inspectors", "张三").param("rooms", room);
        for (Answer a : answers(Map.of())) {
            post.param("answer-" + a.pointId(), a.pointId() == fire ? "FINDING" : "OK");
        }
        var blank = mvc.perform(post).andReturn().getResponse();
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString()).contains("请写明问题", "张三");
        assertThat(as(() -> checks.checks(1973))).isEmpty();

        var done = mvc.perform(post.param("note-" + fire, "灭火器过期").param("room-" + fire, room)).andReturn()
                .getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        long id = as(() -> checks.checks(1973)).get(0).id();
        String shown = mvc.perform(get("/stacks/safety/checks/{id}", id).with(Staff.page(KEEPER))).andReturn()
                .getResponse().getContentAsString();
        assertThat(shown).contains("灭火器过期", room, "1973-05-02");
        String ledger = mvc.perform(get("/stacks/safety").param("year", "1973").with(Staff.page(KEEPER))).andReturn()
                .getResponse().getContentAsString();
        assertThat(ledger).contains("灭火器过期", "逾期未检查");

        long finding = as(() -> checks.findings(1973)).get(0).id();
        var early = mvc.perform(post("/stacks/safety/findings/{id}/close", finding).with(Staff.page(KEEPER))
                .with(csrf()).param("on", "1973-05-10").param("by", "赵六").param("year", "1973")).andReturn()
                .getResponse();
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString()).contains("请先登记整改措施");
        assertThat(mvc.perform(post("/stacks/safety/findings/{id}/fix", finding).with(Staff.page(KEEPER)).with(csrf())
                .param("by", "王五").param("action", "更换").param("due", "1973-06-01").param("year", "1973"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        var before = mvc.perform(post("/stacks/safety/findings/{id}/close", finding).with(Staff.page(KEEPER))
                .with(csrf()).param("on", "1973-05-01").param("by", "赵六").param("year", "1973")).andReturn()
                .getResponse();
        assertThat(before.getStatus()).isEqualTo(422);
        assertThat(before.getContentAsString()).contains("销号日期不能早于发现问题的日期（1973-05-02）");
        assertThat(mvc.perform(post("/stacks/safety/findings/{id}/close", finding).with(Staff.page(KEEPER))
                .with(csrf()).param("on", "1973-05-20").param("by", "赵六").param("year", "1973")).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(as(checks::openFindings)).extracting(Finding::id).doesNotContain(finding);
        String english = mvc.perform(get("/stacks/safety").param("year", "1973").param("lang", "en")
                .header("Accept-Language", "en").with(Staff.page(KEEPER))).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("Ledger of the eight protections", "Q2 1973");
    }

    /** The simulated year: its rows are made once per run. */
    private static final int YEAR = 1961;
    private static Simulated simulated;

    @Autowired
    MockMvc mvc;

    @Autowired
    Staff staff;

    @Autowired
    Rooms rooms;

    @Autowired
    SafetyChecks checks;

    @Autowired
    SafetyLog log;

    @Autowired
    Protections protections;

    @Autowired
    SafetyCalendar calendar;

    @Autowired
    AuditTrail trail;

    private final Viewer keeper = Viewer.staff(KEEPER, Classification.NONE, false);

    @BeforeEach
    void people() {
        staff.ensure(KEEPER, "库房管理员", null, Classification.NONE, List.of("STACKS"));
        staff.token(Staff.ARCHIVIST);
    }

    @Test
    void aQuarterlyCheckAnswersTheChecklistAndItsFindingIsFixedAndClosed() throws Exception {
        String room = room();
        long firePoint = firstPoint(Protection.FIRE);
        long check = as(() -> checks.record(new NewCheck(1971, 2, LocalDate.of(1971, 5, 20), "张三、李四", List.of(room),
                answers(Map.of(firePoint, room))), keeper));

        Finding finding = as(() -> checks.findings(1971)).stream().filter(f -> f.checkId() == check)
                .findFirst().orElseThrow();
        assertThat(finding.protection()).isEqualTo(Protection.FIRE);
        assertThat(finding.room()).isEqualTo(room);
        assertThat(finding.foundOn()).isEqualTo(LocalDate.of(1971, 5, 20));
        assertThat(as(checks::openFindings)).extracting(Finding::id).contains(finding.id());

        refused(() -> checks.close(finding.id(), LocalDate.of(1971, 6, 1), "王五", null, keeper),
                "stacks.safety.close.no-fix");
        refused(() -> checks.fix(finding.id(), "王五", "更换灭火器", LocalDate.of(1971, 5, 19), keeper),
                "stacks.safety.fix.bad-due");
        LocalDate latest = calendar.today().plusYears(SafetyChecks.MAX_FIX_YEARS);
        refused(() -> checks.fix(finding.id(), "王五", "更换灭火器", latest.plusDays(1), keeper),
                "stacks.safety.fix.due-too-far");
        // a day no database holds, typed into the form: refused with its reason, never sent to the database
        var far = mvc.perform(post("/stacks/safety/findings/{id}/fix", finding.id()).with(Staff.page(KEEPER))
                .with(csrf()).param("by", "王五").param("action", "更换灭火器").param("due", "+50000000-01-01"))
                .andReturn().getResponse();
        assertThat(far.getStatus()).isEqualTo(422);
        assertThat(far.getContentAsString()).contains("整改期限不能晚于 " + latest);
        as(() -> {
            checks.fix(finding.id(), "王五", "更换灭火器", LocalDate.of(1971, 6, 30), keeper);
            return null;
        });
        refused(() -> checks.close(finding.id(), LocalDate.of(1971, 5, 19), "王五", null, keeper),
                "stacks.safety.close.before-finding");
        refused(() -> checks.close(finding.id(), calendar.today().plusDays(1), "王五", null, keeper),
                "stacks.safety.close.future");
        as(() -> {
            checks.close(finding.id(), LocalDate.of(1971, 6, 10), "赵六", "已更换", keeper);
            return null;
        });
        refused(() -> checks.close(finding.id(), LocalDate.of(1971, 6, 11), "赵六", null, keeper),
                "stacks.safety.finding.closed");
        assertThat(as(checks::openFindings)).extracting(Finding::id).doesNotContain(finding.id());
        Finding closed = as(() -> checks.findings(1971)).stream().filter(f -> f.id() == finding.id()).findFirst()
                .orElseThrow();
        assertThat(closed.closedOn()).isEqualTo(LocalDate.of(1971, 6, 10));
        assertThat(closed.closedBy()).isEqualTo("赵六");
        assertThat(closed.fixAction()).isEqualTo("更换灭火器");

        assertThat(audited("stacks.safety.check.record", "check:" + check)).hasSize(1);
        assertThat(audited("stacks.safety.finding.fix", "finding:" + finding.id())).hasSize(1);
        assertThat(audited("stacks.safety.finding.close", "finding:" + finding.id())).hasSize(1);
    }

    @Test
    void aCheckIsRefusedForAQuarterToComeASecondTimeABlankFindingOrAnUnknownRoom() {
        String room = room();
        long point = firstPoint(Protection.DAMP);
        LocalDate today = calendar.today();
        int nextQuarter = today.getMonthValue() > 9 ? 1 : (today.getMonthValue() - 1) / 3 + 2;
        int itsYear = nextQuarter == 1 ? today.getYear() + 1 : today.getYear();
        refused(() -> checks.record(new NewCheck(itsYear, nextQuarter, today, "张三", List.of(room), answers(Map.of())),
                keeper), "stacks.safety.check.future");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张三", List.of(room, "NO-SUCH-ROOM"),
                answers(Map.of())), keeper), "stacks.safety.room.unknown");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张三", List.of(room),
                answers(Map.of(), a -> a.set(0, new Answer(a.get(0).pointId(), true, "   ", null)))), keeper),
                "stacks.safety.finding.blank");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张三", List.of(room),
                answers(Map.of(), a -> a.remove(0))), keeper), "stacks.safety.check.unanswered");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 6, 30), "张三", List.of(room),
                answers(Map.of())), keeper), "stacks.safety.check.bad-date");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "", List.of(room),
                answers(Map.of())), keeper), "stacks.safety.check.bad-inspectors");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张".repeat(201), List.of(room),
                answers(Map.of())), keeper), "stacks.safety.check.bad-inspectors");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张三", List.of(room),
                answers(Map.of(point, room), a -> a.add(new Answer(-1, false, null, null)))), keeper),
                "stacks.safety.check.bad-point");
        refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张三", List.of(room),
                answers(Map.of(point, "OTHER"))), keeper), "stacks.safety.finding.room-not-covered");
        refused(() -> checks.record(new NewCheck(1971, 5, LocalDate.of(1971, 8, 1), "张三", List.of(room),
                answers(Map.of())), keeper), "stacks.safety.check.bad-quarter");
        assertThat(as(() -> checks.checks(1971))).noneMatch(c -> c.quarter() == 3);

        as(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 8, 1), "张三", List.of(room),
                answers(Map.of())), keeper));
        StacksProblem twice = refused(() -> checks.record(new NewCheck(1971, 3, LocalDate.of(1971, 9, 1), "李四",
                List.of(room), answers(Map.of())), keeper), "stacks.safety.check.exists");
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void aQuarterWithoutACheckIsDueUntilItsLastDayAndOverdueAfter() {
        String room = room();
        as(() -> checks.record(new NewCheck(1972, 1, LocalDate.of(1972, 3, 28), "张三", List.of(room),
                answers(Map.of())), keeper));
        List<QuarterState> inMay = as(() -> checks.quarters(1972, LocalDate.of(1972, 5, 10)));
        assertThat(inMay).extracting(QuarterState::state).containsExactly(QuarterState.State.DONE,
                QuarterState.State.DUE, QuarterState.State.FUTURE, QuarterState.State.FUTURE);
        assertThat(inMay.get(1).lastDay()).isEqualTo(LocalDate.of(1972, 6, 30));
        assertThat(as(() -> checks.quarters(1972, LocalDate.of(1972, 6, 30))).get(1).state())
                .isEqualTo(QuarterState.State.DUE);
        assertThat(as(() -> checks.quarters(1972, LocalDate.of(1973, 1, 2)))).extracting(QuarterState::state)
                .containsExactly(QuarterState.State.DONE, QuarterState.State.OVERDUE, QuarterState.State.OVERDUE,
                        QuarterState.State.OVERDUE);
    }

    @Test
    void aRoomsRepellentIsDueSixMonthsAfterItsLastChangeWithAFortnightsNotice() {
        String changed = room();
        String never = room();
        as(() -> log.change(changed, LocalDate.of(1980, 1, 10), "樟脑精块", "张三", keeper));
        Map<String, RepellentDue> june20 = byRoom(as(() -> log.schedule(LocalDate.of(1980, 6, 20))));
        assertThat(june20.get(changed).due()).isEqualTo(LocalDate.of(1980, 7, 10));
        assertThat(june20.get(never).lastChanged()).isNull();
        assertThat(rooms(protections.repellentsDue(LocalDate.of(1980, 6, 20)))).doesNotContain(changed)
                .contains(never);
        RepellentDue dueSoon = byRoom(protections.repellentsDue(LocalDate.of(1980, 6, 26))).get(changed);
        assertThat(dueSoon.overdue()).isFalse();
        RepellentDue overdue = byRoom(protections.repellentsDue(LocalDate.of(1980, 7, 11))).get(changed);
        assertThat(overdue.overdue()).isTrue();
        RepellentDue neverChanged = byRoom(protections.repellentsDue(LocalDate.of(1980, 7, 11))).get(never);
        assertThat(neverChanged.due()).isEqualTo(LocalDate.of(1980, 7, 11));
        assertThat(rooms(protections.repellentsDueNow())).contains(never, changed);

        as(() -> log.change(changed, LocalDate.of(1980, 7, 1), "防霉剂", "李四", keeper));
        assertThat(rooms(protections.repellentsDue(LocalDate.of(1980, 7, 11)))).doesNotContain(changed);
        assertThat(byRoom(as(() -> log.schedule(LocalDate.of(1980, 7, 11)))).get(changed).due())
                .isEqualTo(LocalDate.of(1981, 1, 1));

        refused(() -> log.change("NO-SUCH-ROOM", LocalDate.of(1980, 7, 1), "药", "张三", keeper),
                "stacks.safety.room.unknown");
        refused(() -> log.change(changed, calendar.today().plusDays(1), "药", "张三", keeper),
                "stacks.safety.repellent.bad-date");
        refused(() -> log.change(changed, LocalDate.of(1980, 7, 2), " ", "张三", keeper),
                "stacks.safety.repellent.bad-agent");
        refused(() -> log.change(changed, LocalDate.of(1980, 7, 2), "药\u0000", "张三", keeper),
                "stacks.safety.repellent.bad-agent");
        assertThat(as(() -> log.changes(1980))).filteredOn(c -> c.room().equals(changed)).hasSize(2);
        assertThat(audited("stacks.safety.repellent.change", "room:" + changed)).hasSize(2);
    }

    @Test
    void anIncidentIsLoggedAndClosedAndBadOnesAreRefused() {
        String room = room();
        long id = as(() -> log.log(new NewIncident(LocalDate.of(1973, 4, 2), room, Protection.WATER, "屋顶渗漏",
                "无损失", "已修补"), keeper));
        refused(() -> log.close(id, LocalDate.of(1973, 4, 1), keeper), "stacks.safety.incident.bad-close");
        as(() -> {
            log.close(id, LocalDate.of(1973, 4, 5), keeper);
            return null;
        });
        refused(() -> log.close(id, LocalDate.of(1973, 4, 6), keeper), "stacks.safety.incident.closed");
        assertThat(as(() -> log.incidents(1973))).filteredOn(i -> i.id() == id).singleElement()
                .satisfies(i -> assertThat(i.closedOn()).isEqualTo(LocalDate.of(1973, 4, 5)));
        refused(() -> log.log(new NewIncident(LocalDate.of(1973, 4, 2), "<script>", Protection.WATER, "渗漏", null,
                null), keeper), "stacks.safety.room.unknown");
        refused(() -> log.log(new NewIncident(LocalDate.of(1973, 4, 2), room, Protection.WATER, "", null, null),
                keeper), "stacks.safety.incident.bad-description");
        refused(() -> log.log(new NewIncident(LocalDate.of(1973, 4, 2), room, Protection.WATER, "渗".repeat(1001),
                null, null), keeper), "stacks.safety.incident.bad-description");
        refused(() -> log.log(new NewIncident(LocalDate.of(1973, 4, 2), room, null, "渗漏", null, null), keeper),
                "stacks.safety.protection.unknown");
        refused(() -> log.log(new NewIncident(calendar.today().plusDays(1), room, Protection.WATER, "渗漏", null,
                null), keeper), "stacks.safety.incident.bad-date");
        assertThat(as(() -> log.incidents(1973))).filteredOn(i -> i.room().equals(room)).hasSize(1);
        assertThat(audited("stacks.safety.incident.log", "incident:" + id)).hasSize(1);
    }

    @Test
    void theChecklistIsSeededAndStaffAddAndRetirePoints() {
        Map<Protection, List<ChecklistPoint>> seeded = as(checks::checklist);
        assertThat(seeded.keySet()).containsExactly(Protection.values());
        seeded.values().forEach(points -> assertThat(points).hasSizeGreaterThanOrEqualTo(2));
        assertThat(seeded.get(Protection.FIRE)).extracting(ChecklistPoint::text).contains("灭火器在有效期内，压力正常");

        String text = "空调滤网清洁 " + UUID.randomUUID();
        as(() -> {
            checks.addPoint(Protection.DUST, text, keeper);
            return null;
        });
        ChecklistPoint added = as(checks::checklist).get(Protection.DUST).stream()
                .filter(p -> p.text().equals(text)).findFirst().orElseThrow();
        as(() -> {
            checks.retirePoint(added.id(), keeper);
            return null;
        });
        assertThat(as(checks::checklist).get(Protection.DUST)).extracting(ChecklistPoint::id)
                .doesNotContain(added.id());
        refused(() -> checks.retirePoint(added.id(), keeper), "stacks.safety.point.retired");
        refused(() -> checks.retirePoint(-5, keeper), "stacks.safety.point.not-found");
        refused(() -> checks.addPoint(Protection.DUST, "  ", keeper), "stacks.safety.point.bad-text");
        refused(() -> checks.addPoint(null, "项目", keeper), "stacks.safety.protection.unknown");
        assertThat(audited("stacks.safety.point.add", "protection:DUST")).isNotEmpty();
    }

    @Test
    void onlyTheStacksStaffKeepTheLedger() throws Exception {
        Viewer archivist = Viewer.staff(Staff.ARCHIVIST, Classification.TOP_SECRET, true);
        assertThatThrownBy(() -> staff.as(Staff.ARCHIVIST, () -> log.log(new NewIncident(LocalDate.of(1973, 1, 1),
                "K", Protection.FIRE, "x", null, null), archivist))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.as(Staff.ARCHIVIST, checks::openFindings))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mvc.perform(get("/stacks/safety").with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void theYearsFiguresAreRecomputedFromItsChecksChangesAndIncidents() {
        Simulated s = simulated();
        ProtectionYear year = protections.year(YEAR);
        assertThat(year.year()).isEqualTo(YEAR);
        assertThat(year.safetyChecks()).isEqualTo(s.checks);
        assertThat(year.findings()).isEqualTo(s.findings);
        assertThat(year.findingsClosed()).isEqualTo(s.closedByYearEnd);
        assertThat(year.repellentChanges()).isEqualTo(s.changes);
        assertThat(year.incidents()).isEqualTo(s.incidents);
        assertThat(s.checks).isEqualTo(4);
        assertThat(s.findings).isEqualTo(6);
        assertThat(s.closedByYearEnd).isEqualTo(2);
    }

    @Test
    void theLedgerPageShowsTheYearAndItsWorkbookHasASheetPerPart() throws Exception {
        Simulated s = simulated();
        String page = mvc.perform(get("/stacks/safety").param("year", String.valueOf(YEAR)).with(Staff.page(KEEPER)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("八防台账", "1961年第4季度", s.rooms.get(0), "虫蛀");

        byte[] xlsx = mvc.perform(get("/stacks/safety/ledger.xlsx").param("year", String.valueOf(YEAR))
                .with(Staff.page(KEEPER))).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("安全检查", "检查发现问题", "防虫防霉药更换",
                    "事故险情");
            List<Row> checkRows = rows(sheets.get(0));
            assertThat(checkRows.get(0).getCellText(0)).isEqualTo("季度");
            assertThat(checkRows).hasSize(1 + (int) s.checks);
            assertThat(checkRows.get(4).getCellText(0)).isEqualTo("1961年第4季度");
            assertThat(checkRows.get(4).getCellText(1)).isEqualTo("1962-01-05");
            assertThat(rows(sheets.get(1))).hasSize(1 + (int) s.findings);
            assertThat(rows(sheets.get(1)).get(0).getCellText(2)).isEqualTo("防护类别");
            assertThat(rows(sheets.get(2))).hasSize(1 + (int) s.changes);
            List<Row> incidents = rows(sheets.get(3));
            assertThat(incidents).hasSize(1 + (int) s.incidents);
            assertThat(incidents).extracting(r -> r.getCellText(3)).contains("虫蛀");
        }
    }

    @Test
    void aRefusedFormIsSaidOnThePageAndABadYearIsRefused() throws Exception {
        var refused = mvc.perform(post("/stacks/safety/incidents").with(Staff.page(KEEPER)).with(csrf())
                .param("on", "1973-02-01").param("room", "NO-SUCH-ROOM").param("protection", "FIRE")
                .param("description", "冒烟")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("没有编号为 NO-SUCH-ROOM 的库房");
        var badDay = mvc.perform(post("/stacks/safety/repellents").with(Staff.page(KEEPER)).with(csrf())
                .param("room", room()).param("on", "1980-13-45").param("agent", "药").param("by", "张三"))
                .andReturn().getResponse();
        assertThat(badDay.getStatus()).isEqualTo(422);
        assertThat(badDay.getContentAsString()).contains("日期格式应为");
        var badYear = mvc.perform(get("/stacks/safety").param("year", "99999999999").with(Staff.page(KEEPER)))
                .andReturn().getResponse();
        assertThat(badYear.getStatus()).isEqualTo(422);
        assertThat(badYear.getContentAsString()).contains("请填写整数");
        var recorded = mvc.perform(post("/stacks/safety/repellents").with(Staff.page(KEEPER)).with(csrf())
                .param("room", room()).param("on", "1980-03-01").param("agent", "樟脑").param("by", "张三")
                .param("year", "1980")).andReturn().getResponse();
        assertThat(recorded.getStatus()).isEqualTo(302);
        assertThat(recorded.getRedirectedUrl()).isEqualTo("/stacks/safety?year=1980");
    }

    /** The simulated year: 4 checks with 6 findings (2 closed by its end, 1 after), 2 changes per room, 3 incidents. */
    private synchronized Simulated simulated() {
        if (simulated != null) {
            return simulated;
        }
        Simulated s = new Simulated();
        s.rooms = List.of(room(), room());
        String a = s.rooms.get(0);
        String b = s.rooms.get(1);
        List<Long> fire = points(Protection.FIRE);
        List<Long> pests = points(Protection.PESTS);
        long[] quarterFindings = {2, 1, 0, 3};
        LocalDate[] done = {LocalDate.of(YEAR, 3, 20), LocalDate.of(YEAR, 6, 5), LocalDate.of(YEAR, 9, 1),
                LocalDate.of(YEAR + 1, 1, 5)};
        List<Long> checkIds = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            Map<Long, String> findings = new HashMap<>();
            for (int i = 0; i < quarterFindings[q - 1]; i++) {
                findings.put(i == 0 ? fire.get(0) : i == 1 ? pests.get(0) : fire.get(1), a);
            }
            NewCheck check = new NewCheck(YEAR, q, done[q - 1], "张三、李四", List.of(a, b), answers(findings));
            checkIds.add(as(() -> checks.record(check, keeper)));
            s.checks++;
            s.findings += quarterFindings[q - 1];
        }
        // the year after: a check with a finding, not the simulated year's
        as(() -> checks.record(new NewCheck(YEAR + 1, 1, LocalDate.of(YEAR + 1, 2, 1), "王五", List.of(a),
                answers(Map.of(fire.get(0), a))), keeper));
        List<Finding> found = as(() -> checks.findings(YEAR));
        assertThat(found).hasSize((int) s.findings);
        close(found.get(0), LocalDate.of(YEAR, 4, 1));
        close(found.get(2), LocalDate.of(YEAR, 12, 31));
        close(found.get(3), LocalDate.of(YEAR + 1, 1, 15));
        s.closedByYearEnd = 2;
        for (String room : s.rooms) {
            as(() -> log.change(room, LocalDate.of(YEAR, 1, 10), "樟脑精块", "张三", keeper));
            as(() -> log.change(room, LocalDate.of(YEAR, 7, 8), "防霉剂", "张三", keeper));
            s.changes += 2;
        }
        as(() -> log.change(a, LocalDate.of(YEAR - 1, 12, 31), "樟脑精块", "张三", keeper));
        as(() -> log.change(a, LocalDate.of(YEAR + 1, 1, 1), "樟脑精块", "张三", keeper));
        for (LocalDate day : List.of(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 5, 3), LocalDate.of(YEAR, 12, 31))) {
            as(() -> log.log(new NewIncident(day, b, Protection.PESTS, "虫蛀", "3卷受损", "熏蒸"), keeper));
            s.incidents++;
        }
        as(() -> log.log(new NewIncident(LocalDate.of(YEAR - 1, 12, 31), b, Protection.FIRE, "冒烟", null, null),
                keeper));
        as(() -> log.log(new NewIncident(LocalDate.of(YEAR + 1, 1, 1), b, Protection.FIRE, "冒烟", null, null),
                keeper));
        simulated = s;
        return s;
    }

    private void close(Finding f, LocalDate on) {
        as(() -> {
            checks.fix(f.id(), "王五", "整改", f.foundOn().plusDays(30), keeper);
            checks.close(f.id(), on, "赵六", null, keeper);
            return null;
        });
    }

    private static final class Simulated {
        List<String> rooms;
        long checks;
        long findings;
        long closedByYearEnd;
        long changes;
        long incidents;
    }

    /** Every point in use answered: in order, but the findings given (point → room) with a note. */
    private List<Answer> answers(Map<Long, String> findings) {
        return answers(findings, a -> { });
    }

    private List<Answer> answers(Map<Long, String> findings, Consumer<List<Answer>> change) {
        List<Answer> answers = new ArrayList<>();
        as(checks::checklist).values().stream().flatMap(List::stream).forEach(p -> answers.add(
                findings.containsKey(p.id()) ? new Answer(p.id(), true, "问题：" + p.text(), findings.get(p.id()))
                        : new Answer(p.id(), false, null, null)));
        change.accept(answers);
        return answers;
    }

    private long firstPoint(Protection protection) {
        return points(protection).get(0);
    }

    private List<Long> points(Protection protection) {
        return as(checks::checklist).get(protection).stream().map(ChecklistPoint::id).toList();
    }

    private String room() {
        String code = "SF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as(() -> rooms.add(new Room(code, "测试库房 " + code, RoomKind.PAPER, 2, 3, 4), keeper));
        return code;
    }

    private <T> T as(Supplier<T> work) {
        return staff.as(KEEPER, work);
    }

    private StacksProblem refused(ThrowingCallable call, String key) {
        StacksProblem[] caught = new StacksProblem[1];
        assertThatThrownBy(() -> as(() -> {
            try {
                call.call();
            } catch (Throwable t) {
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(t);
            }
            return null;
        })).isInstanceOfSatisfying(StacksProblem.class, p -> {
            assertThat(p.key()).isEqualTo(key);
            caught[0] = p;
        });
        return caught[0];
    }

    private List<AuditEntry> audited(String action, String target) {
        return staff.asAuditor(() -> trail.entries(new AuditQuery(null, action, target, null, null), 0, 100))
                .entries();
    }

    private static Map<String, RepellentDue> byRoom(List<RepellentDue> due) {
        Map<String, RepellentDue> map = new HashMap<>();
        due.forEach(d -> map.put(d.room(), d));
        return map;
    }

    private static List<String> rooms(List<RepellentDue> due) {
        return due.stream().map(RepellentDue::room).toList();
    }

    private static List<Row> rows(Sheet sheet) throws IOException {
        try (Stream<Row> rows = sheet.openStream()) {
            return rows.toList();
        }
    }
}
