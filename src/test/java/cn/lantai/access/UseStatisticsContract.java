package cn.lantai.access;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.access.internal.UseLedger;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Staff;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The use statistics recomputed from uses seeded in the ledger in 1995 (a year no other test writes): persons
 * served, 卷次 and 件次, pages copied, downloads, prints and certificates, by day, month, year, purpose and category,
 * the same in the API, the workbook and the page; bad ranges and readers without the right refused; the same on H2
 * ({@link UseStatisticsTest}) and PostgreSQL ({@link PostgresUseStatisticsTest}).
 */
abstract class UseStatisticsContract {

    private static final String APPROVER = "us-approver";
    private static final String CATALOGUER = "us-cataloguer";
    /** The databases seeded: one per kind of test class, each with its own database. */
    private static final Set<Class<?>> SEEDED = ConcurrentHashMap.newKeySet();

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Staff staff;

    @Autowired
    UseLedger ledger;

    @Autowired
    UseStatistics statistics;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ArchiveClock archiveClock;

    @BeforeEach
    void seed() {
        staff.token(Staff.ARCHIVIST);
        staff.ensure(APPROVER, "审批人", null, Classification.SECRET, List.of("USE_APPROVAL"));
        staff.ensure(CATALOGUER, "著录员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
        if (!SEEDED.add(getClass())) {
            return;
        }
        use(UseKind.VISIT, null, null, Purpose.RESEARCH, 1, "1995-03-01T10:00");
        use(UseKind.ITEM_USED, "VOLUME", "WS", Purpose.RESEARCH, 1, "1995-03-01T10:05");
        use(UseKind.ITEM_USED, "ITEM", "WS", Purpose.RESEARCH, 1, "1995-03-01T10:06");
        use(UseKind.PAGES_COPIED, null, null, Purpose.RESEARCH, 7, "1995-03-01T10:30");
        use(UseKind.VISIT, null, null, Purpose.WORK, 1, "1995-03-01T15:00");
        use(UseKind.ITEM_USED, "ITEM", "KJ", Purpose.WORK, 1, "1995-03-01T15:10");
        use(UseKind.DOWNLOAD, "ITEM", "WS", Purpose.PERSONAL_EVIDENCE, 1, "1995-03-02T09:00");
        use(UseKind.PRINT, null, null, Purpose.PERSONAL_EVIDENCE, 1, "1995-03-02T09:01");
        use(UseKind.CERTIFICATE, "ITEM", "WS", Purpose.PERSONAL_EVIDENCE, 1, "1995-03-02T09:30");
        use(UseKind.VISIT, null, null, Purpose.CHRONICLES, 1, "1995-04-15T11:00");
        use(UseKind.PAGES_COPIED, null, null, Purpose.CHRONICLES, 3, "1995-04-15T11:20");
        use(UseKind.VISIT, null, null, Purpose.OTHER, 1, "1996-01-01T00:00");
        // outside the range the tests ask for, on either side
        use(UseKind.VISIT, null, null, Purpose.WORK, 1, "1995-02-28T23:59:59");
        use(UseKind.VISIT, null, null, Purpose.WORK, 1, "1996-01-02T00:00");
    }

    private void use(UseKind kind, String level, String category, Purpose purpose, int quantity, String at) {
        ledger.record(kind, null, kind == UseKind.VISIT ? null : 1L, level, category, purpose, quantity, "tests",
                LocalDateTime.parse(at).atZone(archiveClock.zone()).toInstant());
    }

    private UseFigures figures(UseGrouping by) {
        Viewer archivist = Viewer.staff(Staff.ARCHIVIST, Classification.TOP_SECRET, true);
        return staff.as(Staff.ARCHIVIST, () -> statistics.figures(LocalDate.of(1995, 3, 1), LocalDate.of(1996, 1, 1),
                by, archivist));
    }

    private static Map<String, List<Long>> byKey(UseFigures f) {
        return f.rows().stream().collect(Collectors.toMap(UseFigures.Row::key, UseFigures.Row::figures, (a, b) -> a,
                LinkedHashMap::new));
    }

    @Test
    void byDayEveryDayOfTheRangeIsARowAndTheFiguresAreTheLedgers() {
        UseFigures f = figures(UseGrouping.DAY);
        assertThat(f.rows()).hasSize(307);
        assertThat(f.rows().get(0).key()).isEqualTo("1995-03-01");
        assertThat(f.rows().get(306).key()).isEqualTo("1996-01-01");
        Map<String, List<Long>> rows = byKey(f);
        // visits, files (卷次), items (件次), pages, downloads, prints, certificates
        assertThat(rows.get("1995-03-01")).containsExactly(2L, 1L, 2L, 7L, 0L, 0L, 0L);
        assertThat(rows.get("1995-03-02")).containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L);
        assertThat(rows.get("1995-03-03")).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(rows.get("1995-04-15")).containsExactly(1L, 0L, 0L, 3L, 0L, 0L, 0L);
        assertThat(rows.get("1996-01-01")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(f.total().figures()).containsExactly(4L, 1L, 2L, 10L, 1L, 1L, 1L);
    }

    @Test
    void aUseIsCountedOnTheArchivesDayWhateverTheServersZone() {
        // 20:00 UTC on 30 November is 04:00 on 1 December in Beijing: the archive's day (lantai.archive-zone)
        assertThat(archiveClock.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        Viewer archivist = Viewer.staff(Staff.ARCHIVIST, Classification.TOP_SECRET, true);
        java.util.function.Supplier<Map<String, List<Long>>> days = () -> byKey(staff.as(Staff.ARCHIVIST,
                () -> statistics.figures(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1), UseGrouping.DAY,
                        archivist)));
        Map<String, List<Long>> before = days.get();
        ledger.record(UseKind.PAGES_COPIED, null, null, null, null, Purpose.WORK, 5, "tests",
                Instant.parse("2026-11-30T20:00:00Z"));
        Map<String, List<Long>> after = days.get();
        assertThat(after.get("2026-12-01").get(3) - before.get("2026-12-01").get(3)).isEqualTo(5);
        assertThat(after.get("2026-11-30").get(3)).isEqualTo(before.get("2026-11-30").get(3));
        // 15:59:59 UTC is still the 30th there, 16:00 the 1st
        ledger.record(UseKind.PAGES_COPIED, null, null, null, null, Purpose.WORK, 2, "tests",
                Instant.parse("2026-11-30T15:59:59Z"));
        assertThat(days.get().get("2026-11-30").get(3) - after.get("2026-11-30").get(3)).isEqualTo(2);
    }

    @Test
    void byMonthYearPurposeAndCategory() {
        Map<String, List<Long>> months = byKey(figures(UseGrouping.MONTH));
        assertThat(months).hasSize(11);
        assertThat(months.get("1995-03")).containsExactly(2L, 1L, 2L, 7L, 1L, 1L, 1L);
        assertThat(months.get("1995-04")).containsExactly(1L, 0L, 0L, 3L, 0L, 0L, 0L);
        assertThat(months.get("1995-05")).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(months.get("1996-01")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L);

        Map<String, List<Long>> years = byKey(figures(UseGrouping.YEAR));
        assertThat(years.keySet()).containsExactly("1995", "1996");
        assertThat(years.get("1995")).containsExactly(3L, 1L, 2L, 10L, 1L, 1L, 1L);
        assertThat(years.get("1996")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L);

        Map<String, List<Long>> purposes = byKey(figures(UseGrouping.PURPOSE));
        assertThat(purposes.get("RESEARCH")).containsExactly(1L, 1L, 1L, 7L, 0L, 0L, 0L);
        assertThat(purposes.get("WORK")).containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L);
        assertThat(purposes.get("PERSONAL_EVIDENCE")).containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L);
        assertThat(purposes.get("CHRONICLES")).containsExactly(1L, 0L, 0L, 3L, 0L, 0L, 0L);
        assertThat(purposes.get("OTHER")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L);

        Map<String, List<Long>> categories = byKey(figures(UseGrouping.CATEGORY));
        assertThat(categories.keySet()).containsExactlyInAnyOrder("", "KJ", "WS");
        assertThat(categories.get("")).containsExactly(4L, 0L, 0L, 10L, 0L, 1L, 0L);
        assertThat(categories.get("KJ")).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 0L);
        assertThat(categories.get("WS")).containsExactly(0L, 1L, 1L, 0L, 1L, 0L, 1L);
    }

    @Test
    void theApiAnswersTheSameFiguresWithLabelsForTheReadingRoomAndTheApprovers() throws Exception {
        for (String who : List.of(Staff.ARCHIVIST, APPROVER)) {
            MockHttpServletResponse r = mvc.perform(get("/api/v1/use-statistics").param("from", "1995-03-01")
                    .param("to", "1996-01-01").param("by", "purpose").with(Staff.as(who))).andReturn().getResponse();
            assertThat(r.getStatus()).as(who).isEqualTo(200);
            JsonNode body = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
            assertThat(body.get("by").asString()).isEqualTo("purpose");
            Map<String, JsonNode> rows = rows(body);
            assertThat(rows.get("RESEARCH").get("label").asString()).isEqualTo("学术研究");
            assertThat(rows.get("RESEARCH").get("pagesCopied").asLong()).isEqualTo(7);
            assertThat(rows.get("RESEARCH").get("volumesUsed").asLong()).isEqualTo(1);
            assertThat(body.get("total").get("visits").asLong()).isEqualTo(4);
            assertThat(body.get("total").get("certificates").asLong()).isEqualTo(1);
        }
        JsonNode categories = json.readTree(mvc.perform(get("/api/v1/use-statistics").param("from", "1995-03-01")
                .param("to", "1996-01-01").param("by", "category").with(Staff.archivist())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(rows(categories).get("WS").get("label").asString()).isEqualTo("WS 文书");
        assertThat(rows(categories).get("").get("label").asString()).isEqualTo("未注明");
    }

    private static Map<String, JsonNode> rows(JsonNode body) {
        Map<String, JsonNode> rows = new HashMap<>();
        body.get("rows").forEach(r -> rows.put(r.get("key").asString(), r));
        return rows;
    }

    @Test
    void theWorkbookOpensAndHoldsTheFigures() throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/use-statistics.xlsx").param("from", "1995-03-01")
                .param("to", "1996-01-01").param("by", "month").with(Staff.archivist())).andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeader("Content-Disposition")).contains("use-statistics-month-1995-03-01-1996-01-01.xlsx");
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("1995-03-01 至 1996-01-01");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("按月");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("利用人次");
            assertThat(rows.get(1).getCellText(3)).isEqualTo("利用件次");
            Map<String, Row> byLabel = rows.stream().skip(2).collect(Collectors.toMap(x -> x.getCellText(0),
                    Function.identity()));
            Row march = byLabel.get("1995-03");
            assertThat(march.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(2);
            assertThat(march.getCellAsNumber(4).orElseThrow().intValue()).isEqualTo(7);
            assertThat(march.getCellAsNumber(7).orElseThrow().intValue()).isEqualTo(1);
            Row total = byLabel.get("合计");
            assertThat(total.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(4);
            assertThat(total.getCellAsNumber(4).orElseThrow().intValue()).isEqualTo(10);
        }
    }

    @Test
    void thePageShowsTheFiguresInATableAndLoadsTheChartFromTheArchivesOwnCopyOfECharts() throws Exception {
        String page = mvc.perform(get("/use-statistics").param("from", "1995-03-01").param("to", "1996-01-01")
                .param("by", "year").with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"use-figures\"").contains("<th scope=\"row\">1995</th>")
                .contains("/vendor/echarts/echarts.min.js").contains("/js/use-statistics.js")
                .contains("/use-statistics.xlsx?from=1995-03-01&amp;to=1996-01-01&amp;by=year")
                .doesNotContain("cdn");
        assertThat(mvc.perform(get("/vendor/echarts/echarts.min.js")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/vendor/echarts/LICENSE")).andReturn().getResponse().getContentAsString())
                .contains("Apache License");
        MockHttpServletResponse xlsx = mvc.perform(get("/use-statistics.xlsx").param("from", "1995-03-01")
                .param("to", "1996-01-01").param("by", "year").with(Staff.page(Staff.ARCHIVIST))).andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
    }

    @Test
    void badRangesAreRefusedWithAClearReason() throws Exception {
        assertThat(problem("1996-01-01", "1995-01-01", "day")).contains("晚于截止日期");
        assertThat(problem("1800-01-01", "1801-01-01", "year")).contains("1949");
        assertThat(problem("1995-01-01", "9999-12-31", "year")).contains("1949");
        assertThat(problem("1980-01-01", "1995-01-01", "day")).contains("3660");
        assertThat(problem("1995-01-01", "1995-02-01", "week")).contains("day");
        MockHttpServletResponse notADate = mvc.perform(get("/api/v1/use-statistics").param("from", "1995-13-45")
                .with(Staff.archivist())).andReturn().getResponse();
        assertThat(notADate.getStatus()).isEqualTo(400);

        // fifteen years by month is fine
        assertThat(mvc.perform(get("/api/v1/use-statistics").param("from", "1980-01-01").param("to", "1995-01-01")
                .param("by", "month").with(Staff.archivist())).andReturn().getResponse().getStatus()).isEqualTo(200);

        String page = mvc.perform(get("/use-statistics").param("from", "1996-01-01").param("to", "1995-01-01")
                .with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("晚于截止日期").contains("value=\"1996-01-01\"");
    }

    private String problem(String from, String to, String by) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/use-statistics").param("from", from).param("to", to)
                .param("by", by).with(Staff.archivist())).andReturn().getResponse();
        assertThat(r.getStatus()).as(from + ".." + to + " " + by).isEqualTo(400);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString();
    }

    @Test
    void withoutTheRightTheStatisticsAreRefusedAndTheRefusalAudited() throws Exception {
        assertThat(mvc.perform(get("/api/v1/use-statistics").with(Staff.as(CATALOGUER))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/use-statistics.xlsx").with(Staff.as(CATALOGUER))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/use-statistics").with(Staff.page(CATALOGUER))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery(CATALOGUER, "access.refused",
                "access.statistics", null, null), 0, 10)).entries()).hasSizeGreaterThanOrEqualTo(3);
    }
}
