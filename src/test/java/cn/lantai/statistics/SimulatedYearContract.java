package cn.lantai.statistics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.lantai.access.Purpose;
import cn.lantai.access.UseKind;
import cn.lantai.access.internal.UseLedger;
import cn.lantai.accession.PaperTransfer;
import cn.lantai.accession.Transfers;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.exhibition.Compilation;
import cn.lantai.exhibition.CompilationKind;
import cn.lantai.exhibition.CompilationPlan;
import cn.lantai.exhibition.Compilations;
import cn.lantai.exhibition.ExhibitionDraft;
import cn.lantai.exhibition.Exhibitions;
import cn.lantai.exhibition.PublicExhibitions;
import cn.lantai.stacks.Boxes;
import cn.lantai.stacks.Climate;
import cn.lantai.stacks.Kept;
import cn.lantai.stacks.MoveReason;
import cn.lantai.stacks.Moves;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.RoomKind;
import cn.lantai.stacks.Rooms;
import cn.lantai.stacks.internal.climate.Sensors;
import cn.lantai.stacks.internal.locations.MoveLog;
import cn.lantai.stacks.internal.safety.Answer;
import cn.lantai.stacks.internal.safety.ChecklistPoint;
import cn.lantai.stacks.internal.safety.NewCheck;
import cn.lantai.stacks.internal.safety.NewIncident;
import cn.lantai.stacks.internal.safety.Protection;
import cn.lantai.stacks.internal.safety.SafetyChecks;
import cn.lantai.stacks.internal.safety.SafetyLog;
import cn.lantai.supervision.Attendee;
import cn.lantai.supervision.Grade;
import cn.lantai.supervision.GuidanceKind;
import cn.lantai.supervision.GuidanceVisit;
import cn.lantai.supervision.Inspections;
import cn.lantai.supervision.Inspector;
import cn.lantai.supervision.ItemFix;
import cn.lantai.supervision.ItemOutcome;
import cn.lantai.supervision.Outreach;
import cn.lantai.supervision.PublicityEvent;
import cn.lantai.supervision.PublicityKind;
import cn.lantai.supervision.Training;
import cn.lantai.supervision.UnitSupervision;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The "done when": a simulated current year (the archive's calendar, days counted back from today, the
 * services refusing days to come) of catalogue entries, pages, transfers, use, climate readings (by hand and by a
 * sensor over HTTP), out/in moves, safety checks, repellent changes and incidents, inspections from notice to
 * follow-up review, guidance, training, publicity and grading, exhibitions with visits and compilations, made
 * through the modules' services; then every figure of every section of the yearly report read from the API with a
 * director's token, this year's and the previous year's, recounted here from the raw tables as each figure's javadoc
 * defines it. The shared database holds other tests' rows of the same years: the recounts take every row as the
 * figure does, and a lower bound shows the simulation's own rows are inside each figure. Figures whose day depends on
 * the archive's zone (late returns, the climate's days) are recounted in Java over rows read by SQL. The same on H2
 * ({@link SimulatedYearTest}) and PostgreSQL ({@link PostgresSimulatedYearTest}).
 */
abstract class SimulatedYearContract {

    static final String CLERK = "clerk-simyear";
    static final String DIRECTOR = "director-simyear";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);
    static final Viewer CLERK_VIEWER = Viewer.staff(CLERK, Classification.TOP_SECRET, true);
    /** What the simulation added to each figure of the current year, by "section/key", per kind of test class. */
    private static final Map<Class<?>, Map<String, Long>> ADDED = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Staff staff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogManagement catalog;
    @Autowired
    Transfers transfers;
    @Autowired
    UseLedger ledger;
    @Autowired
    Rooms rooms;
    @Autowired
    Climate climate;
    @Autowired
    Sensors sensors;
    @Autowired
    Boxes boxes;
    @Autowired
    Moves moves;
    @Autowired
    MoveLog moveLog;
    @Autowired
    SafetyChecks checks;
    @Autowired
    SafetyLog safetyLog;
    @Autowired
    Inspections inspections;
    @Autowired
    UnitSupervision units;
    @Autowired
    Outreach outreach;
    @Autowired
    Exhibitions exhibitions;
    @Autowired
    PublicExhibitions portal;
    @Autowired
    Compilations compilations;

    LocalDate today;
    int year;
    Map<String, Long> added;

    @BeforeEach
    void simulateTheYear() throws Exception {
        staff.ensure(CLERK, "全能模拟员", null, Classification.TOP_SECRET,
                List.of("STACKS", "INSPECTION", "CURATION", "RECEIVING"));
        staff.ensure(DIRECTOR, "馆长", null, Classification.NONE, List.of("DIRECTOR"));
        today = LocalDate.now(ZONE);
        year = today.getYear();
        added = ADDED.get(getClass());
        if (added == null) {
            added = new HashMap<>();
            simulate();
            ADDED.put(getClass(), added);
        }
    }

    // ---- the simulation, through the services

    private void simulate() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String fonds = staff.unitWithFonds("模拟年度单位" + suffix);
        String unit = "U" + fonds;
        catalogueAndUse(fonds);
        String room = "SY-" + suffix;
        as(() -> rooms.add(new Room(room, "模拟年度库房 " + suffix, RoomKind.PAPER, 2, 2, 2), CLERK_VIEWER));
        readings(room);
        moves(suffix);
        safety(room);
        inspections(unit);
        outreach(unit);
        exhibitionsAndCompilations(fonds, suffix);
    }

    private void catalogueAndUse(String fonds) {
        Item open = catalog.create(Entries.item(fonds, year - 1, "模拟年度工作总结").input(), ADMIN);
        add("holdings/items", 1);
        add("opening/recordsOpened", 1);
        jdbc.sql("INSERT INTO scan_page (item_id, page, master, master_index, sha256, width, height, dpi_x, dpi_y,"
                        + " colour_mode, attached_at) VALUES (?, 1, 'master.tif', 0, ?, 100, 100, 300, 300, 'GRAY', ?)")
                .params(open.id().value(), "0".repeat(64), Timestamp.from(Instant.now())).update();
        add("digitization/pagesDigitized", 1);
        as(() -> transfers.recordPaper(new PaperTransfer("U" + fonds, 9, 2, 1, null, today), CLERK_VIEWER));
        add("accession/transfers", 1);
        add("accession/transferredItems", 9);
        add("accession/transferredVolumes", 2);
        for (int k : new int[] {40, 3}) {
            Instant at = day(k).atTime(9, 30).atZone(ZONE).toInstant();
            ledger.record(UseKind.VISIT, null, null, null, null, Purpose.RESEARCH, 1, "simulated", at);
            ledger.record(UseKind.ITEM_USED, null, 1L, "VOLUME", "WS", Purpose.RESEARCH, 1, "simulated", at);
            ledger.record(UseKind.ITEM_USED, null, 1L, "ITEM", "WS", Purpose.RESEARCH, 2, "simulated", at);
            ledger.record(UseKind.PAGES_COPIED, null, 1L, "ITEM", "WS", Purpose.RESEARCH, 5, "simulated", at);
            ledger.record(UseKind.DOWNLOAD, null, 1L, "ITEM", "WS", Purpose.RESEARCH, 1, "simulated", at);
            ledger.record(UseKind.PRINT, null, 1L, "ITEM", "WS", Purpose.RESEARCH, 3, "simulated", at);
            ledger.record(UseKind.CERTIFICATE, null, 1L, "ITEM", "WS", Purpose.RESEARCH, 1, "simulated", at);
            add("use/personsServed", inYear(k) ? 1 : 0);
            add("use/volumesUsed", inYear(k) ? 1 : 0);
            add("use/itemsUsed", inYear(k) ? 2 : 0);
            add("use/pagesCopied", inYear(k) ? 5 : 0);
            add("use/downloads", inYear(k) ? 1 : 0);
            add("use/prints", inYear(k) ? 3 : 0);
            add("use/certificates", inYear(k) ? 1 : 0);
        }
    }

    /**
     * Readings by hand on five days (a watched day, a thin day, a day out of norm that swung, a day watched only by
     * its first and last hour, which are other UTC days, and today) and one by a sensor over HTTP with its token.
     */
    private void readings(String room) throws Exception {
        LocalDateTime now = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES);
        Map<Integer, String[][]> design = new LinkedHashMap<>();
        design.put(30, new String[][] {{"8", "20.0", "50.0"}, {"15", "21.0", "52.0"}});
        design.put(20, new String[][] {{"10", "19.5", "50.0"}});
        design.put(10, new String[][] {{"8", "19.0", "50.0"}, {"16", "25.5", "58.0"}});
        design.put(5, new String[][] {{"0", "20.0", "50.0"}, {"23", "20.5", "51.0"}});
        design.put(0, new String[][] {{"0", "20.0", "50.0"}});
        for (Map.Entry<Integer, String[][]> d : design.entrySet()) {
            for (String[] r : d.getValue()) {
                LocalDateTime at = today.minusDays(d.getKey()).atTime(Integer.parseInt(r[0]), 0);
                LocalDateTime kept = at.isAfter(now) ? now : at;
                int stored = as(() -> climate.enter(room, kept, new BigDecimal(r[1]), new BigDecimal(r[2]),
                        CLERK_VIEWER)).stored();
                add("stacks/readings", kept.getYear() == year ? stored : 0);
            }
        }
        add("stacks/outOfRange", inYear(10) ? 1 : 0);
        add("stacks/swings", inYear(10) ? 1 : 0);
        add("stacks/thinDays", inYear(20) ? 1 : 0);
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
        String token = as(() -> sensors.register(room, code, CLERK_VIEWER)).token();
        Instant at = today.minusDays(25).atTime(11, 0).atZone(ZONE).toInstant();
        String body = "{\"room\":\"" + room + "\",\"sensor\":\"" + code + "\",\"at\":\"" + at
                + "\",\"temperature\":20.5,\"humidity\":51.0}";
        MockHttpServletResponse posted = mvc.perform(post("/api/v1/stacks/readings").with(Staff.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(posted.getStatus()).as(posted.getContentAsString()).isEqualTo(200);
        add("stacks/readings", inYear(25) ? 1 : 0);
    }

    /** Four boxes: one back late, one back in time (both logged with their days), one still out, one out and in today. */
    private void moves(String suffix) {
        List<Long> ids = new ArrayList<>();
        for (int b = 1; b <= 4; b++) {
            String number = "SY" + suffix + "-" + b;
            ids.add(as(() -> boxes.add(new Boxes.NewBox(number, null, null, null, "模拟年度盒"), null, CLERK_VIEWER))
                    .id());
        }
        moveLog.takeOut(Kept.BOX, ids.get(0), "SY" + suffix + "-1", MoveReason.USE, null, CLERK, instant(40, 10),
                day(35));
        moveLog.giveBack(Kept.BOX, ids.get(0), CLERK, instant(30, 10));
        moveLog.takeOut(Kept.BOX, ids.get(1), "SY" + suffix + "-2", MoveReason.DIGITIZATION, null, CLERK,
                instant(20, 9), day(10));
        moveLog.giveBack(Kept.BOX, ids.get(1), CLERK, instant(10, 23));
        as(() -> moves.takeOut(Moves.Target.box("SY" + suffix + "-3"), MoveReason.EXHIBITION, null,
                today.plusDays(5), CLERK_VIEWER));
        as(() -> moves.takeOut(Moves.Target.box("SY" + suffix + "-4"), MoveReason.USE, null, today, CLERK_VIEWER));
        as(() -> moves.giveBack(Moves.Target.box("SY" + suffix + "-4"), CLERK_VIEWER));
        // the year's first half hour in the archive's zone, still the old year in UTC, and the old year's last one
        Instant newYear = LocalDate.of(year, 1, 1).atTime(0, 30).atZone(ZONE).toInstant();
        moveLog.takeOut(Kept.BOX, ids.get(0), "SY" + suffix + "-1", MoveReason.USE, null, CLERK, newYear,
                LocalDate.of(year, 1, 1));
        moveLog.giveBack(Kept.BOX, ids.get(0), CLERK, newYear.plusSeconds(1800));
        moveLog.takeOut(Kept.BOX, ids.get(1), "SY" + suffix + "-2", MoveReason.USE, null, CLERK,
                newYear.minusSeconds(3600), LocalDate.of(year, 1, 1));
        moveLog.giveBack(Kept.BOX, ids.get(1), CLERK, newYear.minusSeconds(1800));
        add("stacks/takenOut", (inYear(40) ? 1 : 0) + (inYear(20) ? 1 : 0) + 3);
        add("stacks/returned", (inYear(30) ? 1 : 0) + (inYear(10) ? 1 : 0) + 2);
        add("stacks/returnedLate", inYear(30) ? 1 : 0);
        add("stacks/stillOut", 1);
    }

    /** A check of a free quarter of the year with two findings (one closed), two repellent changes, an incident. */
    private void safety(String room) {
        List<Long> fire = as(checks::checklist).get(Protection.FIRE).stream().map(ChecklistPoint::id).toList();
        Integer free = null;
        for (int q = 1; q <= 4 && free == null; q++) {
            LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
            int quarter = q;
            boolean taken = jdbc.sql("SELECT COUNT(*) FROM stacks_safety_check WHERE check_year = ? AND quarter = ?")
                    .params(year, quarter).query(Long.class).single() > 0;
            if (!start.isAfter(today) && !taken) {
                free = quarter;
            }
        }
        if (free != null) {
            int quarter = free;
            LocalDate done = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
            List<Answer> answers = new ArrayList<>();
            as(checks::checklist).values().stream().flatMap(List::stream).forEach(p -> answers.add(
                    fire.subList(0, 2).contains(p.id()) ? new Answer(p.id(), true, "模拟发现：" + p.text(), room)
                            : new Answer(p.id(), false, null, null)));
            long check = as(() -> checks.record(new NewCheck(year, quarter, done, "张三、李四", List.of(room), answers),
                    CLERK_VIEWER));
            long finding = jdbc.sql("SELECT MIN(id) FROM stacks_safety_answer WHERE check_id = ? AND finding = TRUE")
                    .param(check).query(Long.class).single();
            as(() -> {
                checks.fix(finding, "王五", "更换灭火器", today, CLERK_VIEWER);
                checks.close(finding, today, "赵六", null, CLERK_VIEWER);
                return null;
            });
            add("stacks/safetyChecks", 1);
            add("stacks/findings", 2);
            add("stacks/findingsClosed", 1);
        }
        for (int k : new int[] {50, 5}) {
            as(() -> safetyLog.change(room, day(k), "樟脑精块", "张三", CLERK_VIEWER));
            add("stacks/repellentChanges", inYear(k) ? 1 : 0);
        }
        as(() -> safetyLog.log(new NewIncident(day(15), room, Protection.WATER, "模拟渗漏", null, "已修补"),
                CLERK_VIEWER));
        add("stacks/incidents", inYear(15) ? 1 : 0);
    }

    /**
     * Three inspections of the unit, each noticed a calendar month ahead: one through rectification, accepted fixes,
     * the published result and the follow-up review; one whose notice is past its deadline without fixes; one whose
     * deadline is still ahead (not overdue so far, though the year's end may find it so).
     */
    private void inspections(String unit) {
        LocalDate onSite = day(170);
        long done = inspected(unit, onSite, List.of("档案室无温湿度记录", "归档文件未按年度整理"));
        as(() -> inspections.rectify(done, onSite.plusDays(1), onSite.plusDays(30), List.of("建立温湿度记录",
                "按年度整理归档文件"), CLERK_VIEWER));
        as(() -> inspections.reportFixes(done, onSite.plusDays(20), List.of(new ItemFix("已建立", onSite.plusDays(10)),
                new ItemFix("已整理", onSite.plusDays(15))), null, CLERK_VIEWER));
        as(() -> inspections.acceptFixes(done, onSite.plusDays(25), CLERK_VIEWER));
        as(() -> inspections.publish(done, onSite.plusDays(26), "整改到位。", CLERK_VIEWER));
        as(() -> inspections.review(done, onSite.plusDays(70), List.of(ItemOutcome.FIXED, ItemOutcome.FIXED),
                CLERK_VIEWER));
        LocalDate late = day(90);
        long overdue = inspected(unit, late, List.of("库房无防盗设施"));
        as(() -> inspections.rectify(overdue, late.plusDays(1), late.plusDays(30), List.of("安装防盗门"), CLERK_VIEWER));
        LocalDate recent = day(60);
        long pending = inspected(unit, recent, List.of("未建立借阅登记"));
        as(() -> inspections.rectify(pending, recent.plusDays(1), today.plusDays(10), List.of("建立借阅登记"),
                CLERK_VIEWER));
        add("inspections/inspections", (inYear(170) ? 1 : 0) + (inYear(90) ? 1 : 0) + (inYear(60) ? 1 : 0));
        add("inspections/rectificationNotices", (inYear(169) ? 1 : 0) + (inYear(89) ? 1 : 0) + (inYear(59) ? 1 : 0));
        add("inspections/rectificationItems", (inYear(169) ? 2 : 0) + (inYear(89) ? 1 : 0) + (inYear(59) ? 1 : 0));
        add("inspections/rectificationsClosed", inYear(169) ? 1 : 0);
        add("inspections/rectificationsOverdue", 1);
        add("inspections/resultsPublished", inYear(144) ? 1 : 0);
        add("inspections/followUps", inYear(100) ? 1 : 0);
    }

    private long inspected(String unit, LocalDate onSite, List<String> findings) {
        long id = as(() -> inspections.plan(unit, onSite, "档案法执行情况", CLERK_VIEWER));
        LocalDate notice = onSite.minusMonths(1);
        as(() -> inspections.recordNotice(id, notice, CLERK_VIEWER));
        as(() -> inspections.setTeam(id, notice.plusDays(1), List.of(new Inspector("张检", "33010001"),
                new Inspector("李检", "33010002"), new Inspector("王检", "33010003")), CLERK_VIEWER));
        as(() -> inspections.inspect(id, onSite, findings, CLERK_VIEWER));
        return id;
    }

    private void outreach(String unit) {
        as(() -> outreach.addGuidance(new GuidanceVisit(0, day(3), GuidanceKind.UNIT, unit, null, "归档范围指导",
                "赵指导", null), CLERK_VIEWER));
        as(() -> outreach.addGuidance(new GuidanceVisit(0, day(33), GuidanceKind.VILLAGE, null, "模拟村", "村级建档",
                "赵指导", null), CLERK_VIEWER));
        as(() -> outreach.addTraining(new Training(0, day(4), "文书档案整理培训", new BigDecimal("3.5"), "钱老师",
                List.of(new Attendee("张档案", unit), new Attendee("李档案", unit), new Attendee("外单位人", null))),
                CLERK_VIEWER));
        as(() -> outreach.addPublicity(new PublicityEvent(0, day(6), PublicityKind.OTHER, "档案开放日", "区档案馆", 80,
                null), CLERK_VIEWER));
        as(() -> units.recordGrade(unit, Grade.PROVINCIAL_THIRD, day(100), CLERK_VIEWER));
        as(() -> units.recordGrade(unit, Grade.PROVINCIAL_SECOND, day(2), CLERK_VIEWER));
        add("outreach/guidanceVisits", (inYear(3) ? 1 : 0) + (inYear(33) ? 1 : 0));
        add("outreach/trainings", inYear(4) ? 1 : 0);
        add("outreach/trainees", inYear(4) ? 3 : 0);
        add("outreach/publicityEvents", inYear(6) ? 1 : 0);
        add("outreach/unitsAtGrade.PROVINCIAL_SECOND", 1);
    }

    private void exhibitionsAndCompilations(String fonds, String suffix) {
        Item record = catalog.create(Entries.item(fonds, 1950, "模拟展品 " + suffix).input(), ADMIN);
        add("holdings/items", 1);
        add("opening/recordsOpened", 1);
        long id = as(() -> exhibitions.create(new ExhibitionDraft(null, "模拟年度展览 " + suffix, null, null, null, null),
                CLERK_VIEWER)).id();
        long section = as(() -> exhibitions.addSection(id, "第一单元", null, CLERK_VIEWER));
        as(() -> exhibitions.addExhibit(id, section, record.id().toString(), "模拟展品", null, CLERK_VIEWER));
        as(() -> exhibitions.publish(id, CLERK_VIEWER));
        add("exhibitions/exhibitionsPublished", 1);
        Instant now = Instant.now();
        int visits = 0;
        for (String address : List.of("198.51.100.1", "198.51.100.2")) {
            visits += portal.countVisit(id, address, "Mozilla/5.0 模拟", false, now) ? 1 : 0;
        }
        visits += portal.countVisit(id, "198.51.100.1", "Mozilla/5.0 模拟", false, now) ? 1 : 0;
        assertThat(visits).as("two visitors, the second view of the first one not counted").isEqualTo(2);
        add("exhibitions/visitors", 2);
        Compilation c = as(() -> compilations.plan(new CompilationPlan("模拟大事记 " + suffix, CompilationKind.CHRONICLE,
                "张三", null, null, null), CLERK_VIEWER));
        as(() -> compilations.start(c.id(), CLERK_VIEWER));
        as(() -> compilations.finish(c.id(), 2, new BigDecimal("12.50"), today, CLERK_VIEWER));
        add("exhibitions/compilationsFinished", 1);
        add("exhibitions/compilationTitles", 2);
    }

    private LocalDate day(int daysAgo) {
        return today.minusDays(daysAgo);
    }

    private Instant instant(int daysAgo, int hour) {
        return day(daysAgo).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private boolean inYear(int daysAgo) {
        return day(daysAgo).getYear() == year;
    }

    private void add(String key, long n) {
        added.merge(key, n, Long::sum);
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return staff.as(CLERK, work);
    }

    private void as(Runnable work) {
        staff.as(CLERK, () -> {
            work.run();
            return null;
        });
    }

    // ---- the report, from the API

    /** Every figure of the report as "section/key" → [value, previous, change]. */
    private Map<String, BigDecimal[]> reported() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/statistics/yearly/" + year).with(Staff.as(DIRECTOR)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode body = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("year").asInt()).isEqualTo(year);
        assertThat(body.get("noData").asBoolean()).isFalse();
        Map<String, BigDecimal[]> figures = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> section : body.get("sections").properties()) {
            for (Map.Entry<String, JsonNode> f : section.getValue().get("figures").properties()) {
                figures.put(section.getKey() + "/" + f.getKey(), new BigDecimal[] {
                    f.getValue().get("value").decimalValue(), f.getValue().get("previous").decimalValue(),
                    f.getValue().get("change").decimalValue()});
            }
        }
        return figures;
    }

    @Test
    void everyFigureOfTheSimulatedYearIsRecountedFromTheRawTables() throws Exception {
        Map<String, BigDecimal[]> figures = reported();
        Map<String, BigDecimal> now = recount(year);
        Map<String, BigDecimal> before = recount(year - 1);
        assertThat(figures.keySet()).as("every figure of the report is recounted").isEqualTo(now.keySet());
        for (Map.Entry<String, BigDecimal> e : now.entrySet()) {
            BigDecimal[] f = figures.get(e.getKey());
            assertThat(f[0]).as(year + " " + e.getKey()).isEqualByComparingTo(e.getValue());
            assertThat(f[1]).as((year - 1) + " " + e.getKey()).isEqualByComparingTo(before.get(e.getKey()));
            assertThat(f[2]).as("change " + e.getKey()).isEqualByComparingTo(e.getValue()
                    .subtract(before.get(e.getKey())));
        }
        for (Map.Entry<String, Long> a : added.entrySet()) {
            assertThat(now.get(a.getKey())).as("the simulation's rows are in " + a.getKey()).isNotNull()
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(a.getValue()));
        }
        assertThat(now.get("exhibitions/compilationWanChars")).isGreaterThanOrEqualTo(new BigDecimal("12.50"));
        for (String section : List.of("holdings", "digitization", "opening", "use", "accession", "exhibitions",
                "inspections", "outreach", "stacks")) {
            assertThat(added.keySet()).as("the simulation reaches " + section).anyMatch(k -> k.startsWith(section));
        }
    }

    // ---- the recounts

    private static Timestamp start(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant());
    }

    private BigDecimal count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(BigDecimal.class).single();
    }

    /** Every figure of a year, by "section/key", from the raw tables. */
    private Map<String, BigDecimal> recount(int y) {
        Map<String, BigDecimal> e = new LinkedHashMap<>();
        catalogue(y, e);
        exhibitions(y, e);
        inspections(y, e);
        outreach(y, e);
        stacks(y, e);
        return e;
    }

    /** Holdings at the year's end, pages, openings, use and transfers (ARCHITECTURE.md, "Statistics"). */
    private void catalogue(int y, Map<String, BigDecimal> e) {
        Timestamp from = start(y);
        Timestamp to = start(y + 1);
        e.put("holdings/volumes", count("SELECT COUNT(*) FROM volume WHERE created_at < ?", to));
        e.put("holdings/items", count("SELECT COUNT(*) FROM item WHERE volume_no IS NULL AND created_at < ?", to));
        for (String category : jdbc.sql("SELECT code FROM category UNION SELECT category_code FROM volume"
                + " WHERE created_at < ? UNION SELECT category_code FROM item WHERE volume_no IS NULL AND created_at < ?")
                .params(to, to).query(String.class).list()) {
            e.put("holdingsByCategory/volumes." + category, count(
                    "SELECT COUNT(*) FROM volume WHERE category_code = ? AND created_at < ?", category, to));
            e.put("holdingsByCategory/items." + category, count("SELECT COUNT(*) FROM item WHERE category_code = ?"
                    + " AND volume_no IS NULL AND created_at < ?", category, to));
        }
        for (String retention : List.of("Y", "D30", "D10")) {
            e.put("holdingsByRetention/volumes." + retention, count(
                    "SELECT COUNT(*) FROM volume WHERE retention = ? AND created_at < ?", retention, to));
            e.put("holdingsByRetention/items." + retention, count("SELECT COUNT(*) FROM item WHERE retention = ?"
                    + " AND volume_no IS NULL AND created_at < ?", retention, to));
        }
        e.put("digitization/pagesDigitized", count(
                "SELECT COUNT(*) FROM scan_page WHERE attached_at >= ? AND attached_at < ?", from, to));
        e.put("opening/recordsOpened", BigDecimal.valueOf(opened(from, to).size()));
        e.put("use/personsServed", used(from, to, "kind = 'VISIT'"));
        e.put("use/volumesUsed", used(from, to, "kind = 'ITEM_USED' AND item_level = 'VOLUME'"));
        e.put("use/itemsUsed", used(from, to, "kind = 'ITEM_USED' AND (item_level IS NULL OR item_level <> 'VOLUME')"));
        e.put("use/pagesCopied", used(from, to, "kind = 'PAGES_COPIED'"));
        e.put("use/downloads", used(from, to, "kind = 'DOWNLOAD'"));
        e.put("use/prints", used(from, to, "kind = 'PRINT'"));
        e.put("use/certificates", used(from, to, "kind = 'CERTIFICATE'"));
        String accepted = " FROM transfer WHERE decision = 'ACCEPTED' AND decided_at >= ? AND decided_at < ?";
        e.put("accession/transfers", count("SELECT COUNT(*)" + accepted, from, to));
        e.put("accession/transferredVolumes", count("SELECT COALESCE(SUM(volume_count), 0)" + accepted, from, to));
        e.put("accession/transferredItems", count("SELECT COALESCE(SUM(item_count), 0)" + accepted, from, to));
    }

    private BigDecimal used(Timestamp from, Timestamp to, String which) {
        return count("SELECT COALESCE(SUM(quantity), 0) FROM access_use WHERE at >= ? AND at < ? AND " + which,
                from, to);
    }

    /** Items opened in the range, row by row: a change to OPEN then, or entered then as open. */
    private Set<Long> opened(Timestamp from, Timestamp to) {
        Set<Long> ids = new HashSet<>(jdbc.sql("SELECT c.item_id FROM item_change c JOIN catalog_operation o"
                + " ON o.id = c.operation_id WHERE c.field = 'openStatus' AND c.new_value = 'OPEN' AND o.at >= ?"
                + " AND o.at < ?").params(from, to).query(Long.class).list());
        Map<Long, String> firstOld = new HashMap<>();
        jdbc.sql("SELECT item_id, old_value FROM item_change WHERE field = 'openStatus' ORDER BY id")
                .query(rs -> {
                    firstOld.putIfAbsent(rs.getLong(1), rs.getString(2));
                });
        jdbc.sql("SELECT id, open_status FROM item WHERE created_at >= ? AND created_at < ?").params(from, to)
                .query(rs -> {
                    if ("OPEN".equals(firstOld.getOrDefault(rs.getLong(1), rs.getString(2)))) {
                        ids.add(rs.getLong(1));
                    }
                });
        return ids;
    }

    /** {@code ExhibitionYear}: first published, visits, compilations finished with their titles and 万字. */
    private void exhibitions(int y, Map<String, BigDecimal> e) {
        e.put("exhibitions/exhibitionsPublished", count("SELECT COUNT(*) FROM exhibition_exhibition"
                + " WHERE EXTRACT(YEAR FROM first_published_on) = ?", y));
        e.put("exhibitions/visitors", count("SELECT COUNT(*) FROM exhibition_visit"
                + " WHERE EXTRACT(YEAR FROM visit_day) = ?", y));
        String finished = " FROM exhibition_compilation WHERE state = 'FINISHED' AND EXTRACT(YEAR FROM finished_on) = ?";
        e.put("exhibitions/compilationsFinished", count("SELECT COUNT(*)" + finished, y));
        e.put("exhibitions/compilationTitles", count("SELECT COALESCE(SUM(titles), 0)" + finished, y));
        e.put("exhibitions/compilationWanChars", count("SELECT COALESCE(SUM(wan_chars), 0)" + finished, y));
    }

    /**
     * {@code InspectionYear}: steps done, notices issued with items and acceptance, overdue at the year's end or, for
     * the current year (reported so far), at the end of yesterday: a deadline still ahead is not overdue yet.
     */
    private void inspections(int y, Map<String, BigDecimal> e) {
        LocalDate last = LocalDate.of(y, 12, 31);
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        LocalDate soFar = yesterday.isBefore(last) ? yesterday : last;
        String step = "SELECT COUNT(*) FROM supervision_inspection_step WHERE step = ? AND EXTRACT(YEAR FROM done_on) = ?";
        e.put("inspections/inspections", count(step, "INSPECTED", y));
        e.put("inspections/rectificationNotices", count("SELECT COUNT(*) FROM supervision_rectification"
                + " WHERE EXTRACT(YEAR FROM issued_on) = ?", y));
        e.put("inspections/rectificationItems", count("SELECT COUNT(*) FROM supervision_rectification_item t"
                + " JOIN supervision_rectification r ON r.id = t.rectification_id"
                + " WHERE EXTRACT(YEAR FROM r.issued_on) = ?", y));
        e.put("inspections/rectificationsClosed", count("SELECT COUNT(*) FROM supervision_rectification"
                + " WHERE EXTRACT(YEAR FROM issued_on) = ? AND accepted_on <= ?", y, last));
        e.put("inspections/rectificationsOverdue", count("SELECT COUNT(*) FROM supervision_rectification"
                + " WHERE deadline <= ? AND (accepted_on IS NULL OR accepted_on > ?)", soFar, soFar));
        e.put("inspections/resultsPublished", count(step, "PUBLISHED", y));
        e.put("inspections/followUps", count(step, "REVIEWED", y));
    }

    /** {@code OutreachYear}: guidance, training, trainees, publicity in the year; each unit's latest grade by its end. */
    private void outreach(int y, Map<String, BigDecimal> e) {
        e.put("outreach/guidanceVisits", count("SELECT COUNT(*) FROM supervision_guidance"
                + " WHERE EXTRACT(YEAR FROM visited_on) = ?", y));
        e.put("outreach/trainings", count("SELECT COUNT(*) FROM supervision_training"
                + " WHERE EXTRACT(YEAR FROM held_on) = ?", y));
        e.put("outreach/trainees", count("SELECT COUNT(*) FROM supervision_trainee a JOIN supervision_training t"
                + " ON t.id = a.training_id WHERE EXTRACT(YEAR FROM t.held_on) = ?", y));
        e.put("outreach/publicityEvents", count("SELECT COUNT(*) FROM supervision_publicity"
                + " WHERE EXTRACT(YEAR FROM held_on) = ?", y));
        for (Grade g : Grade.values()) {
            e.put("outreach/unitsAtGrade." + g.name(), BigDecimal.ZERO);
        }
        jdbc.sql("SELECT grade, COUNT(*) FROM (SELECT grade, ROW_NUMBER() OVER (PARTITION BY unit_code"
                        + " ORDER BY reached_on DESC, id DESC) AS latest FROM supervision_grade WHERE reached_on <= ?) g"
                        + " WHERE latest = 1 GROUP BY grade")
                .param(LocalDate.of(y, 12, 31))
                .query((rs, n) -> e.put("outreach/unitsAtGrade." + rs.getString(1), rs.getBigDecimal(2))).list();
    }

    /** {@code LocationsYear}, {@code ClimateYear}, {@code ProtectionYear}. */
    private void stacks(int y, Map<String, BigDecimal> e) {
        locations(y, e);
        climate(y, e);
        LocalDate last = LocalDate.of(y, 12, 31);
        e.put("stacks/safetyChecks", count("SELECT COUNT(*) FROM stacks_safety_check WHERE check_year = ?", y));
        String findings = " FROM stacks_safety_answer a JOIN stacks_safety_check c ON c.id = a.check_id"
                + " WHERE a.finding = TRUE AND c.check_year = ?";
        e.put("stacks/findings", count("SELECT COUNT(*)" + findings, y));
        e.put("stacks/findingsClosed", count("SELECT COUNT(*)" + findings + " AND a.closed_on <= ?", y, last));
        e.put("stacks/repellentChanges", count("SELECT COUNT(*) FROM stacks_safety_repellent"
                + " WHERE EXTRACT(YEAR FROM changed_on) = ?", y));
        e.put("stacks/incidents", count("SELECT COUNT(*) FROM stacks_safety_incident"
                + " WHERE EXTRACT(YEAR FROM occurred_on) = ?", y));
    }

    /**
     * The out/in log, in Java over its rows (a return's day in the archive's zone against its due day is not
     * portable SQL): taken out in the year, returned in it, of those returned after the due day, and taken out in
     * it and not back by its end.
     */
    private void locations(int y, Map<String, BigDecimal> e) {
        Instant from = start(y).toInstant();
        Instant to = start(y + 1).toInstant();
        long[] n = new long[4];
        jdbc.sql("SELECT taken_at, due_on, returned_at FROM stacks_move").query(rs -> {
            Instant taken = rs.getTimestamp(1).toInstant();
            LocalDate due = rs.getDate(2).toLocalDate();
            Instant returned = rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant();
            if (!taken.isBefore(from) && taken.isBefore(to)) {
                n[0]++;
                if (returned == null || !returned.isBefore(to)) {
                    n[3]++;
                }
            }
            if (returned != null && !returned.isBefore(from) && returned.isBefore(to)) {
                n[1]++;
                if (returned.atZone(ZONE).toLocalDate().isAfter(due)) {
                    n[2]++;
                }
            }
        });
        e.put("stacks/takenOut", BigDecimal.valueOf(n[0]));
        e.put("stacks/returned", BigDecimal.valueOf(n[1]));
        e.put("stacks/returnedLate", BigDecimal.valueOf(n[2]));
        e.put("stacks/stillOut", BigDecimal.valueOf(n[3]));
    }

    /**
     * The climate, in Java over the raw readings (never the daily rollup), each reading's archive day worked out
     * from its moment (kept in UTC): readings of the year's days; room-days with a reading outside the room kind's
     * norm; room-days whose readings spread beyond 4 ℃ or 10 % RH end to end (±2 ℃ / ±5 %); finished room-days of the
     * year, from the room's first reading or the first whole day after its earliest enabled sensor was registered,
     * whichever comes first, with fewer than two readings.
     */
    private void climate(int y, Map<String, BigDecimal> e) {
        Map<String, RoomKind> kinds = new HashMap<>();
        jdbc.sql("SELECT code, kind FROM stacks_room").query((rs, n) -> kinds.put(rs.getString(1),
                RoomKind.valueOf(rs.getString(2)))).list();
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, List<BigDecimal[]>> days = new HashMap<>();
        jdbc.sql("SELECT room_code, at, temperature, humidity FROM stacks_reading").query(rs -> {
            String room = rs.getString(1);
            LocalDate day = rs.getObject(2, LocalDateTime.class).atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE)
                    .toLocalDate();
            first.merge(room, day, (a, b) -> a.isBefore(b) ? a : b);
            if (day.getYear() == y) {
                days.computeIfAbsent(room + "|" + day, k -> new ArrayList<>()).add(new BigDecimal[] {
                    rs.getBigDecimal(3), rs.getBigDecimal(4)});
            }
        });
        // a sensor registered but silent is watched from the first whole day after its registration
        jdbc.sql("SELECT room_code, created_at FROM stacks_sensor WHERE enabled").query(rs -> {
            LocalDate day = rs.getObject(2, LocalDateTime.class).atOffset(ZoneOffset.UTC).atZoneSameInstant(ZONE)
                    .toLocalDate().plusDays(1);
            first.merge(rs.getString(1), day, (a, b) -> a.isBefore(b) ? a : b);
        });
        long readings = 0;
        long out = 0;
        long swings = 0;
        Map<String, Long> watched = new HashMap<>();
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        for (Map.Entry<String, List<BigDecimal[]>> d : days.entrySet()) {
            String room = d.getKey().substring(0, d.getKey().indexOf('|'));
            LocalDate day = LocalDate.parse(d.getKey().substring(d.getKey().indexOf('|') + 1));
            RoomKind kind = kinds.get(room);
            List<BigDecimal[]> r = d.getValue();
            readings += r.size();
            if (r.stream().anyMatch(x -> !kind.temperatureWithin(x[0]) || !kind.humidityWithin(x[1]))) {
                out++;
            }
            BigDecimal minT = r.stream().map(x -> x[0]).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal maxT = r.stream().map(x -> x[0]).max(BigDecimal::compareTo).orElseThrow();
            BigDecimal minH = r.stream().map(x -> x[1]).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal maxH = r.stream().map(x -> x[1]).max(BigDecimal::compareTo).orElseThrow();
            if (maxT.subtract(minT).compareTo(BigDecimal.valueOf(4)) > 0
                    || maxH.subtract(minH).compareTo(BigDecimal.valueOf(10)) > 0) {
                swings++;
            }
            if (r.size() >= 2 && !day.isAfter(yesterday)) {
                watched.merge(room, 1L, Long::sum);
            }
        }
        long thin = 0;
        LocalDate jan1 = LocalDate.of(y, 1, 1);
        LocalDate dec31 = LocalDate.of(y, 12, 31);
        for (Map.Entry<String, LocalDate> f : first.entrySet()) {
            LocalDate from = f.getValue().isAfter(jan1) ? f.getValue() : jan1;
            LocalDate to = yesterday.isBefore(dec31) ? yesterday : dec31;
            if (!from.isAfter(to)) {
                thin += ChronoUnit.DAYS.between(from, to) + 1 - watched.getOrDefault(f.getKey(), 0L);
            }
        }
        e.put("stacks/readings", BigDecimal.valueOf(readings));
        e.put("stacks/outOfRange", BigDecimal.valueOf(out));
        e.put("stacks/swings", BigDecimal.valueOf(swings));
        e.put("stacks/thinDays", BigDecimal.valueOf(thin));
    }
}
