package cn.lantai.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import cn.lantai.catalog.internal.ItemGroups;
import cn.lantai.catalog.internal.Items;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.Staff;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Writes confirm nothing that reads hide (issue 8, finding 2), and change no record their writer may not read
 * (finding 3). A 秘密-cleared archivist makes each write twice, in two catalogues she cannot tell apart by reading
 * (the same records she may read, different 机密 records beside them, or none where a group she sees nothing of does
 * not exist), and must be told the same both times: where the group holds what she may not read, one neutral
 * refusal. Runs on H2 and PostgreSQL.
 */
abstract class WritesBeyondSightContract {

    static final String WRITER = "alice";
    /** The one answer to a write in a group that holds a record the writer may not read. */
    static final Answer REFUSED = new Answer(403, "无权在此组中著录或调整");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> VOLATILE = Set.of("id", "operationId", "version", "updatedAt", "instance");

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Staff staff;

    @Autowired
    ItemGroups groups;

    /** For seeding ids from the catalogue's own blocks: a seeded group is renumbered like any other. */
    @Autowired
    Items items;

    @TempDir
    Path tmp;

    @BeforeEach
    void writer() {
        staff.ensure(WRITER, "秘密级著录员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
    }

    // ---- the two catalogues and what she is told ----------------------------------------------------------

    /** One catalogue of the pair: its fonds, and the records of it the writer may read, by name. */
    record World(String fonds, Map<String, Item> mine) {

        long id(String name) {
            return mine.get(name).id().value();
        }
    }

    /**
     * What the writer is told: the status, and the problem's detail and violations or the body written back, without
     * ids, versions and times, and with the fonds code as {@code F} (the two catalogues differ in it only).
     */
    record Answer(int status, String text) {
    }

    Answer answer(String fonds, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(Staff.as(WRITER))).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String text = "";
        if (!body.isBlank()) {
            JsonNode json = JSON.readTree(body);
            text = response.getStatus() >= 400
                    ? json.path("detail").asText() + (json.has("violations") ? " " + json.get("violations") : "")
                    : withoutVolatile(json).toString();
        }
        return new Answer(response.getStatus(), text.replace(fonds, "F"));
    }

    private static JsonNode withoutVolatile(JsonNode json) {
        if (json instanceof ObjectNode object) {
            VOLATILE.forEach(object::remove);
        }
        json.forEach(WritesBeyondSightContract::withoutVolatile);
        return json;
    }

    /** Makes the same write in both catalogues and answers what the writer is told, the same both times. */
    Answer same(World a, World b, Function<World, MockHttpServletRequestBuilder> write) throws Exception {
        Answer inA = answer(a.fonds(), write.apply(a));
        Answer inB = answer(b.fonds(), write.apply(b));
        assertThat(inA).as("the same write in two catalogues that read alike").isEqualTo(inB);
        return inA;
    }

    String fonds() {
        String code = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(code, "测试全宗" + code), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        return code;
    }

    /** A record of fonds-WS·year-Y-BGS, catalogued by the system: "无" is one she may read, "机密" one she may not. */
    Item record(String fonds, int year, String title, String classification) {
        return catalog.create(Entries.item(fonds, year, title).with(DescriptionField.CLASSIFICATION, classification)
                .input(), Viewer.system());
    }

    Item recordInFile(String fonds, int year, int volume, String title, String classification) {
        return catalog.create(Entries.item(fonds, year, title).with(DescriptionField.CLASSIFICATION, classification)
                .with(DescriptionField.VOLUME, Integer.toString(volume)).input(), Viewer.system());
    }

    Volume file(String fonds, int year, String title, String classification) {
        return volumes.create(new NewVolume(fonds, "WS", year, "永久", "BGS", title, classification, "开放", null),
                Viewer.system());
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockHttpServletRequestBuilder createItem(String fonds, int year, String title, String archivalCode,
            Integer volume) {
        return json(post("/api/v1/items"), "{" + (archivalCode.isEmpty() ? "" : "\"archivalCode\":\"" + archivalCode
                + "\",") + "\"fonds\":\"" + fonds + "\",\"category\":\"WS\",\"year\":" + year
                + ",\"retention\":\"Y\",\"org\":\"BGS\"" + (volume == null ? "" : ",\"volume\":" + volume)
                + ",\"title\":\"" + title + "\",\"date\":\"" + year + "-03-12\",\"creator\":\"区人民政府办公室\","
                + "\"openStatus\":\"开放\"}");
    }

    List<Integer> numbers(String fonds, int year) {
        return jdbc.queryForList("SELECT item_no FROM item WHERE fonds_code = ? AND filing_year = ? ORDER BY item_no",
                Integer.class, fonds, year);
    }

    // ---- finding 2: writes answer only from what the writer may read -------------------------------------

    /** 2019: her four records 1–4, then 机密 ones: "机密甲" 5 and "机密乙" 6 in a, "机密丙" 5 alone in b. */
    World numberedGroup(boolean a) {
        String fonds = fonds();
        for (int i = 1; i <= 4; i++) {
            record(fonds, 2019, "第" + i + "件", "无");
        }
        record(fonds, 2019, a ? "机密甲" : "机密丙", "机密");
        if (a) {
            record(fonds, 2019, "机密乙", "机密");
        }
        return new World(fonds, Map.of());
    }

    @Test
    void creatingAnItemTellsNothingOfWhatItsGroupHides() throws Exception {
        World a = numberedGroup(true);
        World b = numberedGroup(false);
        // a 档号 a hidden record holds, a number past the last she sees, the next free number, none at all
        for (String number : List.of("0005", "0006", "0007", "")) {
            String code = number.isEmpty() ? "" : "-WS·2019-Y-BGS-" + number;
            assertThat(same(a, b, w -> createItem(w.fonds(), 2019, "新的一件",
                    code.isEmpty() ? "" : w.fonds() + code, null))).isEqualTo(REFUSED);
        }
        // the same record (title, date, document number) as a hidden one of a
        assertThat(same(a, b, w -> createItem(w.fonds(), 2019, "机密甲", "", null))).isEqualTo(REFUSED);
        assertThat(numbers(a.fonds(), 2019)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(numbers(b.fonds(), 2019)).containsExactly(1, 2, 3, 4, 5);
    }

    /** An import's rows, as the report gives them: row, column, reason, and the value with the fonds code as F. */
    List<String> importAs(World w, Map<String, String> options) throws Exception {
        Catalogues sheet = Catalogues.withHeader("档号", "全宗号", "门类代码", "年度", "保管期限", "机构(问题)代码", "题名",
                "责任者", "日期", "开放标识");
        for (String number : List.of("0005", "0006", "0007")) {
            sheet.row(w.fonds() + "-WS·2019-Y-BGS-" + number, w.fonds(), "WS", "2019", "Y", "BGS",
                    "导入的第" + number + "件", "区人民政府办公室", "2019-03-12", "开放");
        }
        sheet.row("", w.fonds(), "WS", "2019", "Y", "BGS", "导入的无号一件", "区人民政府办公室", "2019-03-12", "开放");
        sheet.row("", w.fonds(), "WS", "2019", "Y", "BGS", "机密甲", "区人民政府办公室", "2019-03-12", "开放");
        ImportDriver imports = new ImportDriver(mvc, Staff.as(WRITER));
        String id = imports.start(sheet.csv(tmp, StandardCharsets.UTF_8, false), "rows.csv", options);
        JsonNode job = imports.await(id);
        List<String> told = new ArrayList<>();
        told.add(job.get("state").asText() + " accepted " + job.get("accepted").asLong() + " rejected "
                + job.get("rejected").asLong());
        for (CSVRecord r : imports.report(id)) {
            told.add(r.get(0) + " " + r.get(1) + " " + r.get(2).replace(w.fonds(), "F") + " " + r.get(3));
        }
        return told;
    }

    @Test
    void anImportTellsNothingOfWhatItsRowsGroupsHide() throws Exception {
        for (Map<String, String> options : List.of(Map.<String, String>of(), Map.of("onExisting", "REJECT"))) {
            World a = numberedGroup(true);
            World b = numberedGroup(false);
            List<String> inA = importAs(a, options);
            assertThat(inA).as("the same import in two catalogues that read alike").isEqualTo(importAs(b, options));
            assertThat(inA.get(0)).isEqualTo("SUCCEEDED accepted 0 rejected 5");
            assertThat(inA.subList(1, inA.size())).hasSize(5).allSatisfy(line -> assertThat(line).endsWith(
                    REFUSED.text()));
            assertThat(numbers(a.fonds(), 2019)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(numbers(b.fonds(), 2019)).containsExactly(1, 2, 3, 4, 5);
        }
    }

    /**
     * 1988, in files: file 1 holds her record; a adds a 机密 record to file 1, b a 机密 file 2. 1987: a holds a 机密
     * loose item, b a 机密 file: arranged one way or the other, which she may not learn.
     */
    World filedGroups(boolean a) {
        String fonds = fonds();
        Volume first = file(fonds, 1988, "第一卷", null);
        Item mine = recordInFile(fonds, 1988, 1, "卷一第一件", "无");
        if (a) {
            recordInFile(fonds, 1988, 1, "卷一机密件", "机密");
            record(fonds, 1987, "机密散件", "机密");
        } else {
            file(fonds, 1988, "机密卷", "机密");
            file(fonds, 1987, "机密卷", "机密");
        }
        return new World(fonds, Map.of("mine", mine));
    }

    @Test
    void filesTellNothingOfWhatTheirGroupHides() throws Exception {
        World a = filedGroups(true);
        World b = filedGroups(false);
        long fileA = volumes.volumes(a.fonds(), "WS", 1988, Retention.PERMANENT, "BGS", Viewer.system()).get(0).id();
        long fileB = volumes.volumes(b.fonds(), "WS", 1988, Retention.PERMANENT, "BGS", Viewer.system()).get(0).id();
        // reading: her file counts the items she may read
        Answer read = same(a, b, w -> get("/api/v1/volumes/" + (w == a ? fileA : fileB)));
        assertThat(read.text()).contains("\"itemCount\":1");
        same(a, b, w -> get("/api/v1/volumes").param("fonds", w.fonds()).param("category", "WS").param("year", "1988")
                .param("retention", "Y").param("org", "BGS"));
        String newFile = "{\"fonds\":\"%s\",\"category\":\"WS\",\"year\":%d,\"retention\":\"永久\",\"org\":\"BGS\","
                + "\"title\":\"新卷\",\"openStatus\":\"开放\"}";
        for (int year : List.of(1988, 1987)) {
            assertThat(same(a, b, w -> json(post("/api/v1/volumes"), newFile.formatted(w.fonds(), year))))
                    .isEqualTo(REFUSED);
            assertThat(same(a, b, w -> createItem(w.fonds(), year, "散件", "", null))).isEqualTo(REFUSED);
        }
        for (int volume : List.of(1, 2, 3)) {
            assertThat(same(a, b, w -> createItem(w.fonds(), 1988, "卷内一件", "", volume))).isEqualTo(REFUSED);
        }
        assertThat(same(a, b, w -> json(patch("/api/v1/items/" + w.id("mine")),
                "{\"version\":" + w.mine().get("mine").version() + ",\"volume\":2}"))).isEqualTo(REFUSED);
        assertThat(same(a, b, w -> get("/api/v1/items/" + w.id("mine"))).text()).contains("-0001-0001");
    }

    /** 2018: her record alone in D30; in Y her records 1–2, then 机密 3 (a) or 机密 3 and 4 (b). */
    World moveTarget(boolean a) {
        String fonds = fonds();
        Item mine = catalog.create(Entries.item(fonds, 2018, "待移的一件").with(DescriptionField.RETENTION, "D30")
                .input(), Viewer.system());
        record(fonds, 2018, "第一件", "无");
        record(fonds, 2018, "第二件", "无");
        record(fonds, 2018, "机密件", "机密");
        if (!a) {
            record(fonds, 2018, "又一机密件", "机密");
        }
        return new World(fonds, Map.of("mine", mine));
    }

    @Test
    void movingAnItemTellsNothingOfWhatItsNewGroupHides() throws Exception {
        World a = moveTarget(true);
        World b = moveTarget(false);
        assertThat(same(a, b, w -> json(post("/api/v1/items/bulk-edit"),
                "{\"ids\":[" + w.id("mine") + "],\"set\":{\"retention\":\"Y\"}}"))).isEqualTo(REFUSED);
        assertThat(same(a, b, w -> json(patch("/api/v1/items/" + w.id("mine")),
                "{\"version\":" + w.mine().get("mine").version() + ",\"retention\":\"永久\"}"))).isEqualTo(REFUSED);
        assertThat(same(a, b, w -> get("/api/v1/items/" + w.id("mine"))).text()).contains("F-WS·2018-D30-BGS-0001");
        // a change in place speaks of no other record: allowed alike
        assertThat(same(a, b, w -> json(post("/api/v1/items/bulk-edit"),
                "{\"ids\":[" + w.id("mine") + "],\"set\":{\"notes\":\"已核对\"}}")))
                .isEqualTo(new Answer(200, "{\"selected\":1,\"changed\":1}"));
    }

    @Test
    void renumberingAGroupThatHidesEverythingAnswersAsOneThatHoldsNothing() throws Exception {
        String hiding = fonds();
        record(hiding, 2016, "机密件", "机密");
        file(hiding, 1988, "机密卷", "机密");
        recordInFile(hiding, 1988, 1, "机密卷内件", "机密");
        World a = new World(hiding, Map.of());
        World b = new World(fonds(), Map.of());
        String group = "{\"fonds\":\"%s\",\"category\":\"WS\",\"year\":%d,\"retention\":\"Y\",\"org\":\"BGS\","
                + "\"volume\":%s,\"order\":[]}";
        assertThat(same(a, b, w -> json(post("/api/v1/items/renumber"), group.formatted(w.fonds(), 2016, "null"))))
                .isEqualTo(REFUSED);
        assertThat(same(a, b, w -> json(post("/api/v1/items/renumber"), group.formatted(w.fonds(), 1988, "1"))))
                .isEqualTo(REFUSED);
    }

    // ---- finding 3: no write changes a record its writer may not read ---------------------------------------

    @Test
    void deletingOrMovingOnesOwnItemRenumbersNoRecordOneMayNotRead() throws Exception {
        String fonds = fonds();
        Item mine = record(fonds, 2017, "她的一件", "无");
        Item hidden = record(fonds, 2017, "机密的一件", "机密");
        World a = new World(fonds, Map.of("mine", mine));
        String other = fonds();
        World b = new World(other, Map.of("mine", record(other, 2017, "她的一件", "无")));
        record(other, 2017, "机密的一件", "机密");
        record(other, 2017, "又一机密件", "机密");
        assertThat(same(a, b, w -> delete("/api/v1/items/" + w.id("mine")))).isEqualTo(REFUSED);
        assertThat(same(a, b, w -> json(post("/api/v1/items/bulk-edit"),
                "{\"ids\":[" + w.id("mine") + "],\"set\":{\"retention\":\"D30\"}}"))).isEqualTo(REFUSED);
        assertThat(same(a, b, w -> json(patch("/api/v1/items/" + w.id("mine")),
                "{\"version\":" + w.mine().get("mine").version() + ",\"retention\":\"D10\"}"))).isEqualTo(REFUSED);
        assertThat(same(a, b, w -> json(post("/api/v1/items/renumber"), "{\"fonds\":\"" + w.fonds()
                + "\",\"category\":\"WS\",\"year\":2017,\"retention\":\"Y\",\"org\":\"BGS\",\"order\":[]}")))
                .isEqualTo(REFUSED);
        Item after = catalog.item(hidden.id(), Viewer.system());
        assertThat(after.archivalCode()).endsWith("-0002");
        assertThat(after.version()).isEqualTo(hidden.version());
        assertThat(catalog.history(hidden.id(), Viewer.system())).extracting(Change::operation)
                .containsExactly("CREATE");
        assertThat(numbers(fonds, 2017)).containsExactly(1, 2);
    }

    // ---- the gate itself ------------------------------------------------------------------------------------

    /** How a record is marked: its 密级 and its open status. */
    record Marks(Classification classification, OpenStatus openStatus) {
    }

    /** Seeds a record straight into the table (a file when {@code table} is volume): the gate's fixtures, many. */
    void seed(String table, String fonds, int year, Integer volume, int number, Marks marks) {
        String group = ArchivalCode.groupKey(fonds, "WS", year, Retention.PERMANENT, "BGS", volume);
        String code = new ArchivalCode(fonds, "WS", year, Retention.PERMANENT, "BGS", volume, number).toString();
        long id = items.nextId();
        Timestamp now = Timestamp.from(Instant.now());
        if (table.equals("volume")) {
            jdbc.update("INSERT INTO volume (id, archival_code, group_key, fonds_code, category_code, filing_year, "
                    + "retention, org_code, volume_no, title, classification, open_status, created_at) "
                    + "VALUES (?, ?, ?, ?, 'WS', ?, 'Y', 'BGS', ?, '卷', ?, ?, ?)", id, code, group, fonds, year,
                    number, marks.classification().name(), marks.openStatus().name(), now);
        } else {
            jdbc.update("INSERT INTO item (id, archival_code, group_key, fonds_code, category_code, filing_year, "
                    + "retention, org_code, volume_no, item_no, title, doc_date, creator, classification, open_status, "
                    + "version, created_at, updated_at) VALUES (?, ?, ?, ?, 'WS', ?, 'Y', 'BGS', ?, ?, '件', "
                    + "DATE '1990-01-01', '区委办公室', ?, ?, 0, ?, ?)", id, code, group, fonds, year, volume, number,
                    marks.classification().name(), marks.openStatus().name(), now, now);
        }
    }

    @Test
    void theWriteGateSeesExactlyWhatReadsSee() {
        String fonds = fonds();
        Marks plain = new Marks(Classification.NONE, OpenStatus.OPEN);
        // a group per marking: with a loose item so marked, with a file so marked, with an item so marked in a file
        Map<String, Marks> groupsOf = new LinkedHashMap<>();
        int year = 1900;
        for (Classification c : Classification.values()) {
            for (OpenStatus s : OpenStatus.values()) {
                Marks marks = new Marks(c, s);
                seed("item", fonds, year, null, 1, plain);
                seed("item", fonds, year, null, 2, marks);
                seed("volume", fonds, year + 20, null, 1, marks);
                seed("volume", fonds, year + 40, null, 1, plain);
                seed("item", fonds, year + 40, 1, 1, plain);
                seed("item", fonds, year + 40, 1, 2, marks);
                for (int y : List.of(year, year + 20, year + 40)) {
                    groupsOf.put(ArchivalCode.groupKey(fonds, "WS", y, Retention.PERMANENT, "BGS"), marks);
                }
                year++;
            }
        }
        List<Scope> scopes = List.of(Scope.ALL, new Scope(List.of(new Scope.Area(Set.of(fonds), Set.of("WS")))),
                new Scope(List.of(new Scope.Area(Set.of("ZZZZ"), null))), new Scope(List.of()));
        for (Classification clearance : Classification.values()) {
            for (boolean unopened : List.of(true, false)) {
                for (Scope scope : scopes) {
                    Viewer viewer = new Viewer("v", null, clearance, unopened, scope,
                            EnumSet.noneOf(CatalogRight.class));
                    groupsOf.forEach((group, record) -> assertThat(groups.holdsHiddenFrom(group, viewer))
                            .as(group + " " + record + " for " + clearance + "/" + unopened + "/" + scope)
                            .isEqualTo(!viewer.maySee(record.classification(), record.openStatus(), fonds, "WS")));
                }
            }
        }
        assertThat(groups.holdsHiddenFrom(fonds + "|WS|1999|Y|BGS", Viewer.publicUser("p"))).isFalse();
    }

    @Test
    void aNineThousandNineHundredNinetyNineItemGroupWithOneHiddenRecordIsClosedToHerAndKeepsEveryNumber()
            throws Exception {
        String fonds = fonds();
        String group = ArchivalCode.groupKey(fonds, "WS", 2005, Retention.PERMANENT, "BGS");
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> ids = IntStream.rangeClosed(0, 9999).mapToObj(i -> items.nextId()).toList();
        jdbc.batchUpdate("INSERT INTO item (id, archival_code, group_key, fonds_code, category_code, filing_year, "
                        + "retention, org_code, item_no, title, doc_date, creator, classification, open_status, "
                        + "version, created_at, updated_at) VALUES (?, ?, ?, ?, 'WS', 2005, 'Y', 'BGS', ?, ?, "
                        + "DATE '2005-03-12', '区委办公室', ?, 'OPEN', 0, ?, ?)", IntStream.rangeClosed(1, 9999).boxed().toList(), 1000,
                (ps, i) -> {
                    ps.setLong(1, ids.get(i));
                    ps.setString(2, String.format("%s-WS·2005-Y-BGS-%04d", fonds, i));
                    ps.setString(3, group);
                    ps.setString(4, fonds);
                    ps.setInt(5, i);
                    ps.setString(6, "2005年第" + i + "号文件");
                    ps.setString(7, i == 9999 ? "SECRET" : "NONE");
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                });
        assertThat(answer(fonds, delete("/api/v1/items/" + ids.get(1)))).isEqualTo(REFUSED);
        assertThat(numbers(fonds, 2005)).containsExactlyElementsOf(IntStream.rangeClosed(1, 9999).boxed().toList());
        assertThat(groups.holdsHiddenFrom(group, Viewer.staff("chief", Classification.SECRET, true))).isFalse();
    }
}
