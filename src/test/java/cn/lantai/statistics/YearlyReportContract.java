package cn.lantai.statistics;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.lantai.access.Purpose;
import cn.lantai.access.UseKind;
import cn.lantai.access.internal.UseLedger;
import cn.lantai.accession.PaperTransfer;
import cn.lantai.accession.Transfer;
import cn.lantai.accession.Transfers;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Volume;
import cn.lantai.exhibition.ExhibitionYear;
import cn.lantai.exhibition.Exhibitions;
import cn.lantai.stacks.Climate;
import cn.lantai.stacks.ClimateYear;
import cn.lantai.stacks.Locations;
import cn.lantai.stacks.LocationsYear;
import cn.lantai.stacks.ProtectionYear;
import cn.lantai.stacks.Protections;
import cn.lantai.supervision.Grade;
import cn.lantai.supervision.InspectionYear;
import cn.lantai.supervision.Inspector;
import cn.lantai.supervision.Inspections;
import cn.lantai.supervision.OutreachYear;
import cn.lantai.supervision.OverdueRectification;
import cn.lantai.supervision.UnitSupervision;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A simulated 2011 and 2012 (years no other test writes) through the catalogue, digitization's page ledger, the
 * receiving desk and the use ledger, backdated where the services stamp "now": every figure of the 2012 report and
 * of its 2011 column recomputed here from the raw tables, its change and percent; the new modules' figures exactly
 * what their {@code year(int)} answers; the API's JSON, workbook and PDF; bad years; a year without data; the right.
 * The same on H2 ({@link YearlyReportTest}) and PostgreSQL ({@link PostgresYearlyReportTest}).
 */
abstract class YearlyReportContract {

    static final String DIRECTOR = "director-yr";
    static final String RECEIVER = "receiver-yr";
    static final String INSPECTOR = "inspector-yr";
    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2012;
    /** The databases seeded: one per kind of test class, each with its own database. */
    private static final Set<Class<?>> SEEDED = ConcurrentHashMap.newKeySet();

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
    CatalogVolumes volumes;
    @Autowired
    Transfers transfers;
    @Autowired
    UseLedger ledger;
    @Autowired
    YearlyStatistics statistics;
    @Autowired
    Exhibitions exhibitions;
    @Autowired
    Inspections inspections;
    @Autowired
    UnitSupervision units;
    @Autowired
    Locations locations;
    @Autowired
    Climate climate;
    @Autowired
    Protections protections;

    @BeforeEach
    void simulateTwoYears() {
        staff.ensure(DIRECTOR, "馆长", null, Classification.NONE, List.of("DIRECTOR"));
        staff.ensure(RECEIVER, "接收员", null, Classification.TOP_SECRET, List.of("RECEIVING"));
        staff.ensure(INSPECTOR, "执法检查员", null, Classification.NONE, List.of("INSPECTION"));
        if (!SEEDED.add(getClass())) {
            return;
        }
        String fonds = staff.unitWithFonds("区统计局");
        // 2011: a permanent 文书 item entered open, a 30-year one entered controlled (opened in 2012)
        Item open2011 = catalog.create(Entries.item(fonds, 2010, "年度工作总结").input(), ADMIN);
        entered(open2011, "2011-06-01T09:00");
        Item controlled = catalog.create(Entries.item(fonds, 2010, "人事任免通知")
                .with(DescriptionField.RETENTION, "D30").with(DescriptionField.OPEN_STATUS, "控制使用").input(), ADMIN);
        entered(controlled, "2011-07-01T09:00");
        Item opened = catalog.update(controlled.id(), controlled.version(),
                new EntryInput(null, Map.of(DescriptionField.OPEN_STATUS, "开放"), Map.of()), ADMIN);
        assertThat(opened.description().openStatus().name()).isEqualTo("OPEN");
        jdbc.sql("UPDATE catalog_operation SET at = ? WHERE id = (SELECT MAX(operation_id) FROM item_change"
                        + " WHERE item_id = ? AND field = 'openStatus')")
                .params(at("2012-05-01T10:00"), controlled.id().value()).update();
        // 2012: a 10-year 会计 item, a permanent file with one item in it
        Item accounting = catalog.create(Entries.item(fonds, 2011, "会计凭证").with(DescriptionField.CATEGORY, "KJ")
                .with(DescriptionField.RETENTION, "D10").input(), ADMIN);
        entered(accounting, "2012-03-01T09:00");
        Volume file = volumes.create(new NewVolume(fonds, "WS", 2011, "永久", "BGS", "基建档案", null, "开放", null),
                ADMIN);
        jdbc.sql("UPDATE volume SET created_at = ? WHERE id = ?").params(at("2012-04-01T09:00"), file.id()).update();
        Item inFile = catalog.create(Entries.item(fonds, 2011, "施工许可").with(DescriptionField.VOLUME,
                Integer.toString(file.number())).input(), ADMIN);
        entered(inFile, "2012-04-01T09:05");
        // the unit's archive room reached 省一级 in 2011 (held at the end of 2012 too)
        staff.as(INSPECTOR, () -> units.recordGrade("U" + fonds, Grade.PROVINCIAL_FIRST, LocalDate.of(2011, 5, 1),
                Viewer.staff(INSPECTOR, Classification.NONE, false)));
        // pages attached (画幅): one in 2011, three in 2012
        page(open2011, 1, "2011-09-01T10:00");
        for (int p = 1; p <= 3; p++) {
            page(accounting, p, "2012-08-01T10:00");
        }
        // transfers received: paper ones, recorded by the receiving desk
        received(fonds, 5, 0, "2011-11-11T10:00");
        received(fonds, 20, 3, "2012-03-02T10:00");
        // the reading room's ledger
        use(UseKind.VISIT, null, 1, "2011-04-01T09:00");
        use(UseKind.PAGES_COPIED, null, 4, "2011-04-01T09:30");
        for (int v = 0; v < 3; v++) {
            use(UseKind.VISIT, null, 1, "2012-0" + (v + 1) + "-10T09:00");
        }
        use(UseKind.ITEM_USED, "VOLUME", 1, "2012-01-10T09:10");
        use(UseKind.ITEM_USED, "VOLUME", 1, "2012-02-10T09:10");
        use(UseKind.ITEM_USED, "ITEM", 1, "2012-02-10T09:20");
        use(UseKind.PAGES_COPIED, null, 12, "2012-02-10T09:40");
        use(UseKind.CERTIFICATE, "ITEM", 1, "2012-03-10T10:00");
        // the last moment of 2012 in Beijing (16:00 UTC on the 31st is already 2013 there)
        use(UseKind.VISIT, null, 1, "2012-12-31T23:59:59");
        use(UseKind.VISIT, null, 1, "2013-01-01T00:00");
    }

    private static Timestamp at(String local) {
        return Timestamp.from(LocalDateTime.parse(local).atZone(ZONE).toInstant());
    }

    private void entered(Item item, String local) {
        jdbc.sql("UPDATE item SET created_at = ? WHERE id = ?").params(at(local), item.id().value()).update();
    }

    private void page(Item item, int page, String local) {
        jdbc.sql("INSERT INTO scan_page (item_id, page, master, master_index, sha256, width, height, dpi_x, dpi_y,"
                        + " colour_mode, attached_at) VALUES (?, ?, 'master.tif', 0, ?, 100, 100, 300, 300, 'GRAY', ?)")
                .params(item.id().value(), page, "0".repeat(64), at(local)).update();
    }

    private void received(String fonds, int items, int files, String local) {
        Viewer receiver = Viewer.staff(RECEIVER, Classification.TOP_SECRET, true);
        Transfer t = staff.as(RECEIVER, () -> transfers.recordPaper(new PaperTransfer("U" + fonds, items, files, 1,
                null, LocalDate.parse(local.substring(0, 10))), receiver));
        jdbc.sql("UPDATE transfer SET submitted_at = ?, decided_at = ? WHERE id = ?")
                .params(at(local), at(local), t.id()).update();
    }

    private void use(UseKind kind, String level, int quantity, String local) {
        ledger.record(kind, null, kind == UseKind.VISIT ? null : 1L, level, kind == UseKind.VISIT ? null : "WS",
                Purpose.RESEARCH, quantity, "tests", LocalDateTime.parse(local).atZone(ZONE).toInstant());
    }

    // ---- the figures recomputed from the raw tables

    private static Timestamp start(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Every figure of the catalogue, digitization, use and accession sections of a year, as "section/key". */
    private Map<String, Long> expected(int year) {
        Timestamp from = start(year);
        Timestamp to = start(year + 1);
        Map<String, Long> e = new HashMap<>();
        e.put("holdings/volumes", count("SELECT COUNT(*) FROM volume WHERE created_at < ?", to));
        e.put("holdings/items", count("SELECT COUNT(*) FROM item WHERE volume_no IS NULL AND created_at < ?", to));
        for (String category : jdbc.sql("SELECT code FROM category").query(String.class).list()) {
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
        e.put("opening/recordsOpened", (long) opened(from, to).size());
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
        return e;
    }

    private long used(Timestamp from, Timestamp to, String which) {
        return count("SELECT COALESCE(SUM(quantity), 0) FROM access_use WHERE at >= ? AND at < ? AND " + which,
                from, to);
    }

    /** Items opened in the range, worked out row by row: a change to OPEN then, or entered then as open. */
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
                    String atEntry = firstOld.getOrDefault(rs.getLong(1), rs.getString(2));
                    if ("OPEN".equals(atEntry)) {
                        ids.add(rs.getLong(1));
                    }
                });
        return ids;
    }

    private YearlyReport report(int year) {
        return staff.as(DIRECTOR, () -> statistics.report(Integer.toString(year)));
    }

    private static Map<String, Figure> byKey(YearlyReport report) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        report.sections().forEach(s -> s.figures().forEach(f -> figures.put(s.key() + "/" + f.key(), f)));
        return figures;
    }

    @Test
    void everyFigureOfTheCatalogueUseAndAccessionIsTheRawDatasWithItsChange() {
        YearlyReport report = report(YEAR);
        Map<String, Figure> figures = byKey(report);
        Map<String, Long> now = expected(YEAR);
        Map<String, Long> before = expected(YEAR - 1);
        assertThat(report.year()).isEqualTo(YEAR);
        assertThat(report.noData()).isFalse();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            Figure f = figures.get(e.getKey());
            assertThat(f).as(e.getKey()).isNotNull();
            long previous = before.getOrDefault(e.getKey(), 0L);
            assertThat(f.value()).as(e.getKey()).isEqualByComparingTo(BigDecimal.valueOf(e.getValue()));
            assertThat(f.previous()).as(e.getKey()).isEqualByComparingTo(BigDecimal.valueOf(previous));
            assertThat(f.change()).as(e.getKey()).isEqualByComparingTo(BigDecimal.valueOf(e.getValue() - previous));
            if (previous == 0) {
                assertThat(f.changePercent()).as(e.getKey()).isNull();
            } else {
                assertThat(f.changePercent()).as(e.getKey()).isEqualByComparingTo(BigDecimal.valueOf(
                        (e.getValue() - previous) * 100.0 / previous).setScale(1, RoundingMode.HALF_UP));
            }
        }
        // the simulation is in those sums: not a report of zeros that agrees with zeros
        assertThat(now.get("holdings/volumes")).isGreaterThanOrEqualTo(1);
        assertThat(now.get("holdings/items") - before.get("holdings/items")).isGreaterThanOrEqualTo(1);
        assertThat(now.get("holdingsByCategory/items.KJ")).isGreaterThanOrEqualTo(1);
        assertThat(now.get("holdingsByRetention/items.D30")).isGreaterThanOrEqualTo(1);
        assertThat(now.get("opening/recordsOpened")).isGreaterThanOrEqualTo(2);
        assertThat(before.get("opening/recordsOpened")).isGreaterThanOrEqualTo(1);
        assertThat(now.get("digitization/pagesDigitized")).isGreaterThanOrEqualTo(3);
        assertThat(now.get("use/personsServed")).isGreaterThanOrEqualTo(4);
        assertThat(now.get("use/certificates")).isGreaterThanOrEqualTo(1);
        assertThat(now.get("accession/transferredItems")).isGreaterThanOrEqualTo(20);
        assertThat(figures.get("accession/transferredVolumes").previous()).isNotNull();
    }

    @Test
    void theNewModulesFiguresAreExactlyWhatTheirYearsAnswer() {
        Map<String, Figure> figures = byKey(report(YEAR));
        for (int year : List.of(YEAR, YEAR - 1)) {
            Map<String, BigDecimal> module = new LinkedHashMap<>();
            ExhibitionYear e = exhibitions.year(year);
            module.put("exhibitions/exhibitionsPublished", BigDecimal.valueOf(e.exhibitionsPublished()));
            module.put("exhibitions/visitors", BigDecimal.valueOf(e.visitors()));
            module.put("exhibitions/compilationsFinished", BigDecimal.valueOf(e.compilationsFinished()));
            module.put("exhibitions/compilationTitles", BigDecimal.valueOf(e.compilationTitles()));
            module.put("exhibitions/compilationWanChars", e.compilationWanChars());
            InspectionYear i = inspections.year(year);
            module.put("inspections/inspections", BigDecimal.valueOf(i.inspections()));
            module.put("inspections/rectificationNotices", BigDecimal.valueOf(i.rectificationNotices()));
            module.put("inspections/rectificationItems", BigDecimal.valueOf(i.rectificationItems()));
            module.put("inspections/rectificationsClosed", BigDecimal.valueOf(i.rectificationsClosed()));
            module.put("inspections/rectificationsOverdue", BigDecimal.valueOf(i.rectificationsOverdue()));
            module.put("inspections/resultsPublished", BigDecimal.valueOf(i.resultsPublished()));
            module.put("inspections/followUps", BigDecimal.valueOf(i.followUps()));
            OutreachYear o = units.year(year);
            module.put("outreach/guidanceVisits", BigDecimal.valueOf(o.guidanceVisits()));
            module.put("outreach/trainings", BigDecimal.valueOf(o.trainings()));
            module.put("outreach/trainees", BigDecimal.valueOf(o.trainees()));
            module.put("outreach/publicityEvents", BigDecimal.valueOf(o.publicityEvents()));
            o.unitsByGrade().forEach((grade, n) -> module.put("outreach/unitsAtGrade." + grade, BigDecimal.valueOf(n)));
            LocationsYear l = locations.year(year);
            module.put("stacks/takenOut", BigDecimal.valueOf(l.takenOut()));
            module.put("stacks/returned", BigDecimal.valueOf(l.returned()));
            module.put("stacks/returnedLate", BigDecimal.valueOf(l.returnedLate()));
            module.put("stacks/stillOut", BigDecimal.valueOf(l.stillOut()));
            ClimateYear c = climate.year(year);
            module.put("stacks/readings", BigDecimal.valueOf(c.readings()));
            module.put("stacks/outOfRange", BigDecimal.valueOf(c.outOfRange()));
            module.put("stacks/swings", BigDecimal.valueOf(c.swings()));
            module.put("stacks/thinDays", BigDecimal.valueOf(c.thinDays()));
            ProtectionYear p = protections.year(year);
            module.put("stacks/safetyChecks", BigDecimal.valueOf(p.safetyChecks()));
            module.put("stacks/findings", BigDecimal.valueOf(p.findings()));
            module.put("stacks/findingsClosed", BigDecimal.valueOf(p.findingsClosed()));
            module.put("stacks/repellentChanges", BigDecimal.valueOf(p.repellentChanges()));
            module.put("stacks/incidents", BigDecimal.valueOf(p.incidents()));
            for (Map.Entry<String, BigDecimal> m : module.entrySet()) {
                Figure f = figures.get(m.getKey());
                assertThat(f).as(m.getKey()).isNotNull();
                assertThat(year == YEAR ? f.value() : f.previous()).as(year + " " + m.getKey())
                        .isEqualByComparingTo(m.getValue());
            }
        }
    }

    @Test
    void theApiAnswersJsonWorkbookAndPdfWithTheSameFigures() throws Exception {
        Map<String, Long> now = expected(YEAR);
        MockHttpServletResponse r = mvc.perform(get("/api/v1/statistics/yearly/" + YEAR).with(Staff.as(DIRECTOR)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode body = json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.get("year").asInt()).isEqualTo(YEAR);
        assertThat(body.get("previousYear").asInt()).isEqualTo(YEAR - 1);
        assertThat(body.get("noData").asBoolean()).isFalse();
        JsonNode served = body.get("sections").get("use").get("figures").get("personsServed");
        assertThat(served.get("value").isNumber()).isTrue();
        assertThat(served.get("value").asLong()).isEqualTo(now.get("use/personsServed"));
        assertThat(served.get("previous").asLong()).isEqualTo(expected(YEAR - 1).get("use/personsServed"));
        assertThat(served.get("change").isNumber()).isTrue();
        assertThat(served.has("changePercent")).isTrue();
        assertThat(body.get("sections").get("holdingsByRetention").get("figures").get("items.D10").get("value")
                .asLong()).isEqualTo(now.get("holdingsByRetention/items.D10"));
        for (String section : List.of("holdings", "holdingsByCategory", "holdingsByRetention", "digitization",
                "opening", "use", "accession", "exhibitions", "inspections", "outreach", "stacks")) {
            assertThat(body.get("sections").has(section)).as(section).isTrue();
        }

        JsonNode retention = body.get("sections").get("holdingsByRetention").get("figures");
        JsonNode grades = body.get("sections").get("outreach").get("figures");
        assertThat(retention.get("items.D10").get("label").asString()).isEqualTo("定期10年（件）");
        assertThat(grades.get("unitsAtGrade.PROVINCIAL_FIRST").get("label").asString())
                .isEqualTo("档案室等级 省一级（家）");
        JsonNode en = json.readTree(mvc.perform(get("/api/v1/statistics/yearly/" + YEAR).with(Staff.as(DIRECTOR))
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(en.get("sections").get("holdingsByRetention").get("figures").get("items.D10").get("label")
                .asString()).isEqualTo("10 years (items)");
        assertThat(en.get("sections").get("holdingsByRetention").get("figures").get("volumes.Y").get("label")
                .asString()).isEqualTo("Permanent (files)");
        assertThat(en.get("sections").get("outreach").get("figures").get("unitsAtGrade.PROVINCIAL_FIRST")
                .get("label").asString()).isEqualTo("Units: Provincial grade 1");

        for (String url : List.of("/api/v1/statistics/yearly/" + YEAR + "?format=xlsx",
                "/api/v1/statistics/yearly/" + YEAR + ".xlsx")) {
            byte[] xlsx = mvc.perform(get(url).with(Staff.as(DIRECTOR))).andReturn().getResponse()
                    .getContentAsByteArray();
            try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                List<Row> rows = book.getFirstSheet().read();
                assertThat(List.of(0, 1, 2, 3, 4).stream().map(c -> rows.get(1).getCellText(c)).toList())
                        .containsExactly("项目", "本年", "上年", "增减", "增减%");
                Row visits = rows.stream().filter(row -> "利用人次".equals(row.getCellText(0))).findFirst()
                        .orElseThrow();
                assertThat(new BigDecimal(visits.getCellText(1)).longValue()).isEqualTo(now.get("use/personsServed"));
                assertThat(rows.stream().map(row -> row.getCellText(0)).toList())
                        .contains("档案室等级 省一级（家）", "永久（卷）").doesNotContain("档案室等级 PROVINCIAL_FIRST（家）");
            }
        }

        MockHttpServletResponse pdf = mvc.perform(get("/api/v1/statistics/yearly/" + YEAR + ".pdf")
                .with(Staff.as(DIRECTOR))).andReturn().getResponse();
        if (pdf.getStatus() == 503 && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            // no CJK font on this machine (CI installs them): the report says so instead of a broken PDF
            assertThat(pdf.getContentAsString(StandardCharsets.UTF_8)).contains("请下载 Excel");
            assumeTrue(false, "no CJK font here");
        }
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(Integer.toString(YEAR)).contains("利用人次").contains("出证份数")
                    .contains("档案室等级 省一级（家）").contains(Long.toString(now.get("use/personsServed")));
        }
    }

    @Test
    void aYearToComeABadYearAndAYearWithoutDataAreAnsweredClearly() throws Exception {
        int next = LocalDate.now(ZONE).getYear() + 1;
        MockHttpServletResponse future = mvc.perform(get("/api/v1/statistics/yearly/" + next)
                .with(Staff.as(DIRECTOR))).andReturn().getResponse();
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(json.readTree(future.getContentAsString(StandardCharsets.UTF_8)).get("code").asString())
                .isEqualTo("statistics.year.future");
        for (String bad : List.of("1800", "abc", "20120", "1948", "２０１２", "20x2")) {
            MockHttpServletResponse r = mvc.perform(get("/api/v1/statistics/yearly/" + bad)
                    .with(Staff.as(DIRECTOR))).andReturn().getResponse();
            assertThat(r.getStatus()).as(bad).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(bad).contains("statistics.year.bad");
        }
        assertThat(mvc.perform(get("/api/v1/statistics/yearly/" + YEAR + "?format=docx").with(Staff.as(DIRECTOR)))
                .andReturn().getResponse().getStatus()).isEqualTo(400);

        JsonNode empty = json.readTree(mvc.perform(get("/api/v1/statistics/yearly/1950").with(Staff.as(DIRECTOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty.get("noData").asBoolean()).isTrue();
        assertThat(empty.get("note").asString()).isEqualTo("本年度没有记录任何数据。");
        JsonNode emptyEn = json.readTree(mvc.perform(get("/api/v1/statistics/yearly/1950").with(Staff.as(DIRECTOR))
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(emptyEn.get("note").asString()).isEqualTo("No data recorded for this year.");
        assertThat(empty.get("sections").get("use").get("figures").get("personsServed").get("value").asLong())
                .isZero();
        assertThat(empty.get("sections").get("use").get("figures").get("personsServed").get("changePercent")
                .isNull()).isTrue();
    }

    @Test
    void onlyTheBureausLeadersReadTheStatistics() throws Exception {
        assertThat(mvc.perform(get("/api/v1/statistics/yearly/" + YEAR).with(Staff.archivist())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/statistics").with(Staff.page(Staff.ARCHIVIST))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThatThrownBy(() -> staff.as(Staff.ARCHIVIST, () -> statistics.report(Integer.toString(YEAR))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDashboardShowsTheYearItsChartsAndItsDownloadsInChineseAndEnglish() throws Exception {
        String zh = mvc.perform(get("/statistics").param("year", Integer.toString(YEAR)).with(Staff.page(DIRECTOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("统计年报").contains("利用人次").contains("/statistics/yearly/2012.xlsx")
                .contains("/statistics/yearly/2012.pdf").contains("echarts.min.js").contains("chart-holdings")
                .contains("data-key=\"personsServed\"");
        String en = mvc.perform(get("/statistics").param("year", Integer.toString(YEAR)).with(Staff.page(DIRECTOR))
                .locale(Locale.ENGLISH)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Yearly statistics").contains("Persons served").contains("Compared with 2011")
                .contains("Units: Provincial grade 1").contains("Permanent (files)").doesNotContain("2,01");
        assertThat(zh).contains("档案室等级 省一级（家）").contains("永久（卷）");
        String empty = mvc.perform(get("/statistics").param("year", "1950").with(Staff.page(DIRECTOR))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("本年度没有记录任何数据。").contains("本页即按年度显示").doesNotContain("no data recorded");
        String bad = mvc.perform(get("/statistics").param("year", "1800").with(Staff.page(DIRECTOR))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("1949");
        MockHttpServletResponse xlsx = mvc.perform(get("/statistics/yearly/2012.xlsx").with(Staff.page(DIRECTOR)))
                .andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        assertThat(mvc.perform(get("/statistics").with(Staff.page(DIRECTOR))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void theDashboardsNeedsAttentionPanelListsAnOverdueRectificationWithItsLink() throws Exception {
        String unit = "U" + staff.unitWithFonds("区关注测试单位");
        Viewer inspector = Viewer.staff(INSPECTOR, Classification.NONE, false);
        LocalDate today = LocalDate.now(ZONE);
        LocalDate onSite = today.minusMonths(5);
        LocalDate deadline = onSite.plusDays(30);
        String number = staff.as(INSPECTOR, () -> {
            long id = inspections.plan(unit, onSite, "档案法执行情况", inspector);
            inspections.recordNotice(id, onSite.minusMonths(1), inspector);
            inspections.setTeam(id, onSite.minusMonths(1).plusDays(1), List.of(new Inspector("张检", "330101"),
                    new Inspector("李检", "330102"), new Inspector("王检", "330103")), inspector);
            inspections.inspect(id, onSite, List.of("库房无防盗设施"), inspector);
            return inspections.rectify(id, onSite.plusDays(1), deadline, List.of("安装防盗门"), inspector);
        });
        OverdueRectification overdue = staff.as(DIRECTOR, () -> statistics.attention()).overdueRectifications()
                .stream().filter(o -> o.number().equals(number)).findFirst().orElseThrow();
        long days = overdue.daysOverdue();
        assertThat(days).isPositive();

        String zh = mvc.perform(get("/statistics").param("year", Integer.toString(YEAR)).with(Staff.page(DIRECTOR)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("需要关注").contains("逾期未整改")
                .contains("整改通知书 " + number + "（单位 " + unit + "），整改期限 " + deadline + "，已逾期 " + days + " 天")
                .contains("href=\"/supervision/inspections/" + overdue.inspectionId() + "\"")
                .doesNotContain("目前一切正常");
        String en = mvc.perform(get("/statistics").with(Staff.page(DIRECTOR)).locale(Locale.ENGLISH)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Needs attention").contains("Rectification notice " + number + " (unit " + unit
                + "), deadline " + deadline + ", " + days + " days overdue");
        assertThatThrownBy(() -> staff.as(Staff.ARCHIVIST, () -> statistics.attention()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
