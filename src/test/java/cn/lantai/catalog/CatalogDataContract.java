package cn.lantai.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.SearchIndexed;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalogue's data rules, run against every database Lantai supports (H2 and PostgreSQL). */
abstract class CatalogDataContract {

    static final Viewer ADMIN = Viewer.staff("admin", Classification.TOP_SECRET, true);

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Staff staff;

    @Autowired
    SearchManagement search;

    @TempDir
    Path tmp;

    String fonds() {
        String code = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(code, "测试全宗" + code), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
        return code;
    }

    static EntryInput entry(String fonds, int year, String retention, String title) {
        Map<DescriptionField, String> f = new EnumMap<>(DescriptionField.class);
        f.put(DescriptionField.FONDS, fonds);
        f.put(DescriptionField.CATEGORY, "WS");
        f.put(DescriptionField.YEAR, Integer.toString(year));
        f.put(DescriptionField.RETENTION, retention);
        f.put(DescriptionField.ORG, "BGS");
        f.put(DescriptionField.TITLE, title);
        f.put(DescriptionField.DATE, year + "年3月12日");
        f.put(DescriptionField.CREATOR, "区委办公室");
        return new EntryInput(null, f, null);
    }

    List<Integer> numbers(String fonds, int year, String retention) {
        return jdbc.queryForList("SELECT item_no FROM item WHERE fonds_code = ? AND filing_year = ? AND retention = ? "
                + "ORDER BY item_no", Integer.class, fonds, year, retention);
    }

    @Test
    void newEntriesGetTheNextArchivalCodeOfTheirGroup() {
        String fonds = fonds();
        Item first = catalog.create(entry(fonds, 2019, "永久", "关于印发工作要点的通知"), ADMIN);
        Item second = catalog.create(entry(fonds, 2019, "Y", "关于召开会议的通知"), ADMIN);
        Item other = catalog.create(entry(fonds, 2019, "D30", "关于报送材料的函"), ADMIN);
        assertThat(first.archivalCode()).isEqualTo(fonds + "-WS·2019-Y-BGS-0001");
        assertThat(second.archivalCode()).isEqualTo(fonds + "-WS·2019-Y-BGS-0002");
        assertThat(other.archivalCode()).isEqualTo(fonds + "-WS·2019-D30-BGS-0001");
        assertThat(first.description().date()).hasToString("2019-03-12");
    }

    @Test
    void anEntryCannotTakeANumberThatLeavesAGapOrIsTaken() {
        String fonds = fonds();
        catalog.create(entry(fonds, 2020, "Y", "第一件"), ADMIN);
        assertThatThrownBy(() -> catalog.create(new EntryInput(fonds + "-WS·2020-Y-BGS-0003",
                entry(fonds, 2020, "Y", "第三件").fields(), null), ADMIN)).isInstanceOf(CatalogConflict.class);
        assertThatThrownBy(() -> catalog.create(new EntryInput(fonds + "-WS·2020-Y-BGS-0001",
                entry(fonds, 2020, "Y", "又一件").fields(), null), ADMIN)).isInstanceOf(CatalogConflict.class);
        assertThat(numbers(fonds, 2020, "Y")).containsExactly(1);
    }

    @Test
    void ofConcurrentCreatesOfTheSameArchivalCodeOneWinsAndTheOthersAreRefused() throws Exception {
        String fonds = fonds();
        EntryInput same = new EntryInput(fonds + "-WS·2011-Y-BGS-0001", entry(fonds, 2011, "Y", "抢号").fields(), null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tries.add(pool.submit(() -> {
                try {
                    catalog.create(same, ADMIN);
                    return true;
                } catch (CatalogConflict refused) {
                    return false;
                }
            }));
        }
        int created = 0;
        for (Future<Boolean> t : tries) {
            created += t.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(numbers(fonds, 2011, "Y")).containsExactly(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item_change c JOIN item i ON i.id = c.item_id "
                + "WHERE i.fonds_code = ? AND c.field <> '*'", Integer.class, fonds)).isZero();
    }

    @Test
    void itemNumbersStayGapFreeUnderConcurrentImports() throws Exception {
        String fonds = fonds();
        List<Callable<String>> jobs = new ArrayList<>();
        List<ImportDriver> importers = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            // three cataloguers at once: one person has at most two pieces of import work under way
            String cataloguer = "concurrent-" + j + "-" + fonds.toLowerCase(java.util.Locale.ROOT);
            staff.ensure(cataloguer, "著录员", null, Classification.TOP_SECRET, List.of("CATALOGUING"));
            ImportDriver imports = new ImportDriver(mvc, Staff.as(cataloguer));
            importers.add(imports);
            Catalogues sheet = Catalogues.withHeader("全宗号", "门类代码", "年度", "保管期限", "机构(问题)代码", "题名",
                    "日期", "责任者");
            for (int i = 0; i < 400; i++) {
                sheet.row(fonds, "WS", "2018", "永久", "BGS", "并发导入" + j + "-" + i, "2018-05-0" + (1 + i % 9), "区档案局");
            }
            Path file = sheet.csv(tmp, java.nio.charset.StandardCharsets.UTF_8, false);
            jobs.add(() -> imports.start(file, "c.csv", Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> ids = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(jobs)) {
            ids.add(f.get());
        }
        pool.shutdown();
        for (int j = 0; j < ids.size(); j++) {
            assertThat(importers.get(j).await(ids.get(j)).get("accepted").asLong()).isEqualTo(400);
        }
        assertThat(numbers(fonds, 2018, "Y")).containsExactlyElementsOf(IntStream.rangeClosed(1, 1200).boxed().toList());
    }

    @Test
    void everyChangeIsVersionedWithWhoWhenOldAndNew() {
        String fonds = fonds();
        Item item = catalog.create(entry(fonds, 2017, "Y", "原题名"), ADMIN);
        Map<DescriptionField, String> change = Map.of(DescriptionField.TITLE, "新题名", DescriptionField.PAGES, "12");
        Item changed = catalog.update(item.id(), item.version(), new EntryInput(null, change, null), ADMIN);
        assertThat(changed.title()).isEqualTo("新题名");
        assertThat(changed.version()).isEqualTo(item.version() + 1);
        List<Change> history = catalog.history(item.id(), ADMIN);
        assertThat(history).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("title");
            assertThat(c.oldValue()).isEqualTo("原题名");
            assertThat(c.newValue()).isEqualTo("新题名");
            assertThat(c.actor()).isEqualTo("admin");
            assertThat(c.operation()).isEqualTo("UPDATE");
        });
        assertThat(history).anySatisfy(c -> assertThat(c.operation()).isEqualTo("CREATE"));
    }

    @Test
    void anEditBasedOnAStaleVersionIsRefused() {
        String fonds = fonds();
        Item item = catalog.create(entry(fonds, 2017, "Y", "题名"), ADMIN);
        catalog.update(item.id(), item.version(), new EntryInput(null, Map.of(DescriptionField.PAGES, "2"), null), ADMIN);
        assertThatThrownBy(() -> catalog.update(item.id(), item.version(),
                new EntryInput(null, Map.of(DescriptionField.PAGES, "3"), null), ADMIN))
                .isInstanceOf(CatalogConflict.class);
    }

    @Test
    void bulkEditSetsRetentionOnFiveHundredItemsAsOneOperationAndKeepsNumbersGapFree() {
        String fonds = fonds();
        for (int i = 0; i < 500; i++) {
            catalog.create(entry(fonds, 2016, "D30", "批量" + i), ADMIN);
        }
        catalog.create(entry(fonds, 2016, "Y", "已有永久件"), ADMIN);
        List<Long> ids = jdbc.queryForList("SELECT id FROM item WHERE fonds_code = ? AND retention = 'D30' ORDER BY item_no",
                Long.class, fonds);
        var result = catalog.bulkEdit(ItemFilter.ofIds(ids), Map.of(DescriptionField.RETENTION, "永久"), ADMIN);
        assertThat(result.selected()).isEqualTo(500);
        assertThat(numbers(fonds, 2016, "D30")).isEmpty();
        assertThat(numbers(fonds, 2016, "Y")).containsExactlyElementsOf(IntStream.rangeClosed(1, 501).boxed().toList());
        Integer operations = jdbc.queryForObject("SELECT COUNT(DISTINCT operation_id) FROM item_change c "
                + "JOIN item i ON i.id = c.item_id WHERE i.fonds_code = ? AND c.field = 'retention'", Integer.class, fonds);
        assertThat(operations).isEqualTo(1);
    }

    @Test
    void aBulkEditWithOneBadValueChangesNothing() {
        String fonds = fonds();
        Item item = catalog.create(entry(fonds, 2015, "Y", "题名"), ADMIN);
        assertThatThrownBy(() -> catalog.bulkEdit(ItemFilter.ofIds(List.of(item.id().value())),
                Map.of(DescriptionField.DATE, "2015-02-30"), ADMIN)).isInstanceOf(InvalidEntry.class);
        assertThat(catalog.item(item.id(), ADMIN).description().date()).hasToString("2015-03-12");
    }

    @Test
    void renumberingPutsTheGroupInTheGivenOrder() {
        String fonds = fonds();
        Item a = catalog.create(entry(fonds, 2014, "Y", "甲"), ADMIN);
        Item b = catalog.create(entry(fonds, 2014, "Y", "乙"), ADMIN);
        Item c = catalog.create(entry(fonds, 2014, "Y", "丙"), ADMIN);
        catalog.renumber(fonds, "WS", 2014, Retention.PERMANENT, "BGS", null, List.of(c.id(), a.id()), ADMIN);
        assertThat(catalog.item(c.id(), ADMIN).archivalCode()).endsWith("-0001");
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).endsWith("-0002");
        assertThat(catalog.item(b.id(), ADMIN).archivalCode()).endsWith("-0003");
        assertThat(catalog.history(b.id(), ADMIN)).anySatisfy(ch -> {
            assertThat(ch.operation()).isEqualTo("RENUMBER");
            assertThat(ch.oldValue()).isEqualTo("2");
            assertThat(ch.newValue()).isEqualTo("3");
        });
    }

    @Test
    void deletingAnItemClosesUpItsGroup() {
        String fonds = fonds();
        Item a = catalog.create(entry(fonds, 2013, "Y", "甲"), ADMIN);
        Item b = catalog.create(entry(fonds, 2013, "Y", "乙"), ADMIN);
        Item c = catalog.create(entry(fonds, 2013, "Y", "丙"), ADMIN);
        catalog.delete(b.id(), ADMIN);
        assertThat(numbers(fonds, 2013, "Y")).containsExactly(1, 2);
        assertThat(catalog.item(c.id(), ADMIN).archivalCode()).endsWith("-0002");
        assertThatThrownBy(() -> catalog.item(b.id(), ADMIN)).isInstanceOf(ItemNotFound.class);
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).endsWith("-0001");
    }

    @Test
    void categoryFieldsAreValidatedStoredAndVersionedLikeBuiltInOnes() {
        String fonds = fonds();
        catalog.defineCategory(new Category("HY", "婚姻登记", List.of(
                new FieldDefinition("groomName", "男方姓名", FieldDefinition.Type.TEXT, 20, true, null),
                new FieldDefinition("brideName", "女方姓名", FieldDefinition.Type.TEXT, 20, true, null),
                new FieldDefinition("registeredOn", "登记日期", FieldDefinition.Type.DATE, 20, true, null),
                new FieldDefinition("certificateNo", "结婚证字号", FieldDefinition.Type.TEXT, 30, false, null),
                new FieldDefinition("kind", "登记类别", FieldDefinition.Type.CHOICE, 10, false, List.of("结婚", "离婚", "补发")))), cn.lantai.catalog.Viewer.system());
        EntryInput base = entry(fonds, 1995, "Y", "张三与李四结婚登记");
        Map<DescriptionField, String> fields = new EnumMap<>(base.fields());
        fields.put(DescriptionField.CATEGORY, "HY");
        Item item = catalog.create(new EntryInput(null, fields, Map.of("男方姓名", "张三", "女方姓名", "李四",
                "登记日期", "1995年6月1日", "结婚证字号", "婚字第001号", "登记类别", "结婚")), ADMIN);
        assertThat(item.extra()).containsEntry("groomName", "张三").containsEntry("registeredOn", "1995-06-01");
        assertThatThrownBy(() -> catalog.create(new EntryInput(null, fields, Map.of("男方姓名", "王五",
                "登记日期", "1995-13-01", "登记类别", "订婚")), ADMIN))
                .isInstanceOfSatisfying(InvalidEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).contains("女方姓名", "登记日期", "登记类别"));
        Item changed = catalog.update(item.id(), item.version(), new EntryInput(null, null, Map.of("brideName", "李四娘")),
                ADMIN);
        assertThat(changed.extra()).containsEntry("brideName", "李四娘");
        assertThat(catalog.history(item.id(), ADMIN)).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("extra.brideName");
            assertThat(c.oldValue()).isEqualTo("李四");
        });
    }

    @Test
    void aRecordAboveTheViewersClearanceIsNotFound() {
        String fonds = fonds();
        Map<DescriptionField, String> fields = new EnumMap<>(entry(fonds, 2012, "Y", "机密文件").fields());
        fields.put(DescriptionField.CLASSIFICATION, "机密");
        fields.put(DescriptionField.OPEN_STATUS, "开放");
        Item secret = catalog.create(new EntryInput(null, fields, null), ADMIN);
        Viewer secretCleared = Viewer.staff("clerk", Classification.CONFIDENTIAL, true);
        assertThatThrownBy(() -> catalog.item(secret.id(), secretCleared)).isInstanceOf(ItemNotFound.class);
        assertThat(catalog.list(new ItemFilter(fonds, null, null, null, null, null, null, null, null), secretCleared, 0, 10)
                .total()).isZero();
        assertThat(catalog.item(secret.id(), Viewer.staff("chief", Classification.SECRET, true)).title()).isEqualTo("机密文件");
    }

    static EntryInput inFile(String fonds, int volume, String title) {
        Map<DescriptionField, String> f = new EnumMap<>(entry(fonds, 1988, "Y", title).fields());
        f.put(DescriptionField.CATEGORY, "WS");
        f.put(DescriptionField.VOLUME, Integer.toString(volume));
        return new EntryInput(null, f, null);
    }

    Volume file(String fonds, String title) {
        return volumes.create(new NewVolume(fonds, "WS", 1988, "永久", "BGS", title, null, "开放", null), ADMIN);
    }

    @Test
    void filesAreNumberedInTheirGroupAndHoldItemsNumberedInsideThem() {
        String fonds = fonds();
        Volume first = file(fonds, "1988年区委常委会会议记录");
        Volume second = file(fonds, "1988年区委文件汇集");
        assertThat(first.archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001");
        assertThat(second.archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0002");
        Item a = catalog.create(inFile(fonds, 1, "第一次常委会记录"), ADMIN);
        Item b = catalog.create(inFile(fonds, 1, "第二次常委会记录"), ADMIN);
        Item c = catalog.create(inFile(fonds, 2, "关于机构改革的通知"), ADMIN);
        assertThat(a.archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0001");
        assertThat(b.archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0002");
        assertThat(c.archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0002-0001");
        assertThat(volumes.items(first.id(), ADMIN)).extracting(Item::title)
                .containsExactly("第一次常委会记录", "第二次常委会记录");
        assertThat(volumes.volume(first.id(), ADMIN).itemCount()).isEqualTo(2);
        assertThat(volumes.volumes(fonds, "WS", 1988, Retention.PERMANENT, "BGS", ADMIN)).extracting(Volume::number)
                .containsExactly(1, 2);
    }

    @Test
    void aGroupIsArrangedInFilesOrInLooseItemsNeverBoth() {
        String fonds = fonds();
        catalog.create(entry(fonds, 1988, "D30", "散件"), ADMIN);
        assertThatThrownBy(() -> volumes.create(new NewVolume(fonds, "WS", 1988, "D30", "BGS", "卷", null, null,
                null), ADMIN)).isInstanceOf(CatalogConflict.class);
        file(fonds, "1988年永久卷");
        assertThatThrownBy(() -> catalog.create(entry(fonds, 1988, "Y", "想作散件"), ADMIN))
                .isInstanceOfSatisfying(InvalidEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("catalog.group-in-files"));
        assertThatThrownBy(() -> catalog.create(inFile(fonds, 9, "没有这一卷"), ADMIN))
                .isInstanceOfSatisfying(InvalidEntry.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("catalog.unknown-file"));
    }

    @Test
    void movingAnItemToAnotherFileClosesUpTheFileItLeft() {
        String fonds = fonds();
        file(fonds, "甲卷");
        file(fonds, "乙卷");
        Item a = catalog.create(inFile(fonds, 1, "甲一"), ADMIN);
        Item b = catalog.create(inFile(fonds, 1, "甲二"), ADMIN);
        Item c = catalog.create(inFile(fonds, 1, "甲三"), ADMIN);
        catalog.create(inFile(fonds, 2, "乙一"), ADMIN);
        catalog.bulkEdit(ItemFilter.ofIds(List.of(a.id().value())), Map.of(DescriptionField.VOLUME, "2"), ADMIN);
        assertThat(catalog.item(a.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0002-0002");
        assertThat(catalog.item(b.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0001");
        assertThat(catalog.item(c.id(), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·1988-Y-BGS-0001-0002");
        assertThatThrownBy(() -> catalog.bulkEdit(ItemFilter.ofIds(List.of(b.id().value())),
                Map.of(DescriptionField.VOLUME, "7"), ADMIN)).isInstanceOf(InvalidEntry.class);
    }

    // ---- groups at the sizes archives reach ----------------------------------------------------------------

    /** Imports n items numbered 1..n into the group fonds-WS·year-Y-BGS, as an archive's catalogue arrives. */
    void fullGroup(String fonds, int year, int n) throws Exception {
        Path file = Catalogues.standard().items(fonds, year, n).csv(tmp, java.nio.charset.StandardCharsets.UTF_8, false);
        assertThat(new ImportDriver(mvc).run(file, "big.csv", Map.of()).get("accepted").asLong()).isEqualTo(n);
    }

    long idOf(String code) {
        return jdbc.queryForObject("SELECT id FROM item WHERE archival_code = ?", Long.class, code);
    }

    /** Waits until a search for the title finds exactly one hit, under the given 档号 (the index follows commits). */
    void awaitIndexed(String fonds, String title, String code) {
        SearchQuery query = new SearchQuery("\"" + title + "\"", fonds, null, null, null, null, null, null, null, null,
                0, 10, ADMIN);
        // generous: the one indexing thread may still be working through the 9,999 items the test imported
        org.awaitility.Awaitility.await().alias("the index shows " + title + " under " + code)
                .atMost(SearchIndexed.PATIENCE.multipliedBy(2)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> search.search(query).hits().stream()
                        .anyMatch(h -> h.title().equals(title) && h.archivalCode().equals(code)));
    }

    static List<Integer> oneTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void deletingTheFirstItemOfANineThousandNineHundredNinetyNineItemGroupClosesItUpAndTheIndexFollows()
            throws Exception {
        String fonds = fonds();
        fullGroup(fonds, 2001, 9999);
        long first = idOf(fonds + "-WS·2001-Y-BGS-0001");
        long last = idOf(fonds + "-WS·2001-Y-BGS-9999");
        mvc.perform(delete("/api/v1/items/" + first).with(Staff.archivist())).andExpect(status().isNoContent());
        assertThat(numbers(fonds, 2001, "Y")).containsExactlyElementsOf(oneTo(9998));
        assertThat(catalog.item(new ItemId(last), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2001-Y-BGS-9998");
        assertThat(catalog.history(new ItemId(last), ADMIN)).anySatisfy(c -> {
            assertThat(c.operation()).isEqualTo("DELETE");
            assertThat(c.oldValue()).isEqualTo("9999");
            assertThat(c.newValue()).isEqualTo("9998");
        });
        awaitIndexed(fonds, "关于第9999号文件的通知", fonds + "-WS·2001-Y-BGS-9998");
    }

    @Test
    void renumberingANineThousandNineHundredNinetyNineItemGroupPutsTheLastFirstAndKeepsItGapFree() throws Exception {
        String fonds = fonds();
        fullGroup(fonds, 2002, 9999);
        long last = idOf(fonds + "-WS·2002-Y-BGS-9999");
        long first = idOf(fonds + "-WS·2002-Y-BGS-0001");
        mvc.perform(post("/api/v1/items/renumber").with(Staff.archivist())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"fonds\":\"" + fonds + "\",\"category\":\"WS\",\"year\":2002,\"retention\":\"Y\","
                                + "\"org\":\"BGS\",\"order\":[" + last + "]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.renumbered").value(9999));
        assertThat(numbers(fonds, 2002, "Y")).containsExactlyElementsOf(oneTo(9999));
        assertThat(catalog.item(new ItemId(last), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2002-Y-BGS-0001");
        assertThat(catalog.item(new ItemId(first), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2002-Y-BGS-0002");
        awaitIndexed(fonds, "关于第9998号文件的通知", fonds + "-WS·2002-Y-BGS-9999");
    }

    @Test
    void movingTheFirstItemOutOfANineThousandNineHundredNinetyNineItemGroupClosesUpTheGroupItLeft() throws Exception {
        String fonds = fonds();
        fullGroup(fonds, 2003, 9999);
        long first = idOf(fonds + "-WS·2003-Y-BGS-0001");
        long last = idOf(fonds + "-WS·2003-Y-BGS-9999");
        catalog.bulkEdit(ItemFilter.ofIds(List.of(first)), Map.of(DescriptionField.RETENTION, "D30"), ADMIN);
        assertThat(numbers(fonds, 2003, "Y")).containsExactlyElementsOf(oneTo(9998));
        assertThat(numbers(fonds, 2003, "D30")).containsExactly(1);
        assertThat(catalog.item(new ItemId(last), ADMIN).archivalCode()).isEqualTo(fonds + "-WS·2003-Y-BGS-9998");
        awaitIndexed(fonds, "关于第9999号文件的通知", fonds + "-WS·2003-Y-BGS-9998");
        awaitIndexed(fonds, "关于第1号文件的通知", fonds + "-WS·2003-D30-BGS-0001");
    }

    /** Writes n numbered items of fonds-WS·year-Y-BGS straight into the table in batches: seeding, not cataloguing. */
    void seededGroup(String fonds, int year, int n) {
        String group = ArchivalCode.groupKey(fonds, "WS", year, Retention.PERMANENT, "BGS");
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        long base = 9_000_000_000_000L + Math.abs((long) fonds.hashCode()) * 1_000_000L + year * 10_000L;
        jdbc.batchUpdate("INSERT INTO item (id, archival_code, group_key, fonds_code, category_code, filing_year, "
                        + "retention, org_code, item_no, title, doc_date, creator, classification, open_status, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, 'WS', ?, 'Y', 'BGS', ?, ?, ?, '区委办公室', 'NONE', "
                        + "'OPEN', 0, ?, ?)", IntStream.rangeClosed(1, n).boxed().toList(), 1000, (ps, i) -> {
                    ps.setLong(1, base + i);
                    ps.setString(2, String.format("%s-WS·%d-Y-BGS-%04d", fonds, year, i));
                    ps.setString(3, group);
                    ps.setString(4, fonds);
                    ps.setInt(5, year);
                    ps.setInt(6, i);
                    ps.setString(7, year + "年第" + i + "号文件");
                    ps.setDate(8, java.sql.Date.valueOf(year + "-03-12"));
                    ps.setTimestamp(9, now);
                    ps.setTimestamp(10, now);
                });
    }

    @Test
    void aSelectionOfThousandsOfIdsIsCountedListedAndWalkedOnceEachInArchivalCodeOrder() {
        String fonds = fonds();
        seededGroup(fonds, 2010, 3000);
        List<Long> inOrder = jdbc.queryForList("SELECT id FROM item WHERE fonds_code = ? ORDER BY archival_code",
                Long.class, fonds);
        // past the size named one by one in the statement; given backwards, one of them twice
        List<Long> chosen = new ArrayList<>(inOrder.subList(0, 2500));
        java.util.Collections.reverse(chosen);
        chosen.add(chosen.get(7));
        ItemFilter selection = ItemFilter.ofIds(chosen);

        ItemPage page = catalog.list(selection, ADMIN, 1, 100);
        assertThat(page.total()).isEqualTo(2500);
        assertThat(page.items()).extracting(i -> i.id().value()).containsExactlyElementsOf(inOrder.subList(100, 200));
        List<Long> walked = new ArrayList<>();
        catalog.forEachItem(selection, ADMIN, 1000, batch -> batch.forEach(i -> walked.add(i.id().value())));
        assertThat(walked).containsExactlyElementsOf(inOrder.subList(0, 2500));

        // ids that name nothing are not found; a bulk edit naming them is refused whole and changes nothing
        List<Long> withStrangers = new ArrayList<>(chosen);
        withStrangers.addAll(List.of(-1L, 0L, Long.MAX_VALUE));
        ItemFilter beyond = ItemFilter.ofIds(withStrangers);
        assertThat(catalog.list(beyond, ADMIN, 0, 10).total()).isEqualTo(2500);
        assertThatThrownBy(() -> catalog.bulkEdit(beyond, Map.of(DescriptionField.NOTES, "不应写入"), ADMIN))
                .isInstanceOf(NotPermitted.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item WHERE fonds_code = ? AND notes = '不应写入'",
                Long.class, fonds)).isZero();
    }

    @Test
    void aBulkEditOfFiftyThousandItemsByFilterOrByIdsChangesThemAllAsOneOperation() throws Exception {
        String fonds = fonds();
        for (int year = 2004; year < 2009; year++) {
            seededGroup(fonds, year, 9999);
        }
        catalog.create(entry(fonds, 2009, "Y", "第五万件"), ADMIN);
        mvc.perform(post("/api/v1/items/bulk-edit").with(Staff.archivist())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"select\":{\"fonds\":\"" + fonds + "\"},\"set\":{\"notes\":\"已核对\"}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.selected").value(49996))
                .andExpect(jsonPath("$.changed").value(49996));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item WHERE fonds_code = ? AND notes = '已核对'",
                Long.class, fonds)).isEqualTo(49996);
        // past PostgreSQL's limit of bind parameters in one statement
        List<Long> ids = jdbc.queryForList("SELECT id FROM item WHERE fonds_code = ?", Long.class, fonds);
        var byIds = catalog.bulkEdit(ItemFilter.ofIds(ids), Map.of(DescriptionField.NOTES, "已复核"), ADMIN);
        assertThat(byIds.changed()).isEqualTo(49996);
        assertThat(numbers(fonds, 2008, "Y")).containsExactlyElementsOf(oneTo(9999));
        awaitIndexed(fonds, "2008年第9999号文件", fonds + "-WS·2008-Y-BGS-9999");
    }
}
