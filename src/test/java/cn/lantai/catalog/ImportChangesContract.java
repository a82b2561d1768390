package cn.lantai.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.internal.imports.CatalogImporter;
import cn.lantai.catalog.internal.imports.HandEdits;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.Jobs;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ImportDriver;
import cn.lantai.support.Staff;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * An import says what it will change and what it changed: new, updated (old → new), unchanged and refused rows, in the
 * preview and after the run; a re-import over a hand edit made since the last import says who and when, and
 * overwrites it only on a second explicit choice; a value that is not what its column means is moved and said, or
 * refused. Runs on every supported database.
 */
abstract class ImportChangesContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogImporter importer;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path tmp;

    ImportDriver imports;
    String fonds;

    @BeforeEach
    void freshFonds() {
        imports = new ImportDriver(mvc);
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "变化测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    String code(int n) {
        return String.format("%s-WS·2019-Y-BGS-%04d", fonds, n);
    }

    JsonNode preview(Path file, String name) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports/preview").file(new MockMultipartFile("file", name,
                MediaType.APPLICATION_OCTET_STREAM_VALUE, java.nio.file.Files.readAllBytes(file)))
                .with(Staff.archivist())).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body);
    }

    CatalogImporter.Split split(JsonNode job) {
        return importer.split(jobs.status(new JobId(job.get("id").asText())));
    }

    /** A person corrects a record by hand (著录 in the workbench or the API). */
    void correctByHand(String archivalCode, String title) {
        Map<String, Object> row = jdbc.queryForMap("SELECT id, version FROM item WHERE archival_code = ?",
                archivalCode);
        catalog.update(new ItemId(((Number) row.get("id")).longValue()), ((Number) row.get("version")).intValue(),
                new EntryInput(null, Map.of(DescriptionField.TITLE, title), Map.of()),
                Viewer.staff("zhang.jiaozheng", Classification.NONE, true));
    }

    @Test
    void reImportingTheSameFileLeavesEveryRowUnchanged() throws Exception {
        Path file = Catalogues.standard().items(fonds, 2019, 5).xlsx(tmp);
        imports.run(file, "目录.xlsx", Map.of());

        JsonNode split = preview(file, "目录.xlsx").get("split");
        assertThat(split.get("unchanged").asLong()).isEqualTo(5);
        assertThat(split.get("created").asLong()).isZero();
        assertThat(split.get("updated").asLong()).isZero();
        assertThat(split.get("complete").asBoolean()).isTrue();
        assertThat(split.get("rows")).isEmpty();

        JsonNode job = imports.run(file, "目录.xlsx", Map.of());
        CatalogImporter.Split done = split(job);
        assertThat(done.unchanged()).isEqualTo(5);
        assertThat(done.created()).isZero();
        assertThat(done.updated()).isZero();
        assertThat(HandEdits.readChanges(done.changes(), 10)).isEmpty();
    }

    @Test
    void aCorrectedSheetIsSplitIntoNewUpdatedUnchangedAndRefusedWithOldAndNewValues() throws Exception {
        imports.run(Catalogues.standard().items(fonds, 2019, 4).xlsx(tmp), "第一版.xlsx", Map.of());
        Catalogues corrected = Catalogues.standard().items(fonds, 2019, 5);
        corrected.rows().get(1).set(1, "关于第2号文件的补充通知");        // row 3: a new title
        corrected.rows().get(1).set(5, "7");                          // and a new page count
        corrected.row(code(6), "", "区人民政府办公室", "2019-03-12", "", "1", "", "开放", "");  // row 7: no title
        Path file = corrected.xlsx(tmp);

        JsonNode split = preview(file, "第二版.xlsx").get("split");
        assertThat(split.get("created").asLong()).isEqualTo(1);
        assertThat(split.get("updated").asLong()).isEqualTo(1);
        assertThat(split.get("unchanged").asLong()).isEqualTo(3);
        assertThat(split.get("refused").asLong()).isEqualTo(1);
        JsonNode updated = split.get("rows").get(0);
        assertThat(updated.get("row").asInt()).isEqualTo(3);
        assertThat(updated.get("outcome").asText()).isEqualTo("UPDATED");
        assertThat(updated.get("archivalCode").asText()).isEqualTo(code(2));
        assertThat(updated.get("title").asText()).isEqualTo("关于第2号文件的补充通知");
        assertThat(updated.get("changes").toString()).contains("\"field\":\"题名\"")
                .contains("\"oldValue\":\"关于第2号文件的通知\"").contains("\"newValue\":\"关于第2号文件的补充通知\"")
                .contains("\"field\":\"页数\"");
        JsonNode refused = split.get("rows").get(1);
        assertThat(refused.get("row").asInt()).isEqualTo(7);
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("reasons").get(0).asText()).contains("题名").contains("必填项为空");

        JsonNode job = imports.run(file, "第二版.xlsx", Map.of());
        CatalogImporter.Split done = split(job);
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.updated()).isEqualTo(1);
        assertThat(done.unchanged()).isEqualTo(3);
        assertThat(done.refused()).isEqualTo(1);
        List<HandEdits.Change> changes = HandEdits.readChanges(done.changes(), 10);
        assertThat(changes).extracting(HandEdits.Change::field).containsExactlyInAnyOrder("题名", "页数");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.row()).isEqualTo(3);
            assertThat(c.code()).isEqualTo(code(2));
        });
        assertThat(changes).anySatisfy(c -> assertThat(c.oldValue() + "→" + c.newValue()).isEqualTo("3→7"));
        JsonNode result = JsonMapper.builder().build().readTree(mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/imports/" + job.get("id").asText() + "/result").with(Staff.archivist()))
                .andReturn().getResponse().getContentAsString());
        assertThat(result.get("created").asLong()).isEqualTo(1);
        assertThat(result.get("updated").asLong()).isEqualTo(1);
        assertThat(result.get("unchanged").asLong()).isEqualTo(3);
        assertThat(result.get("refused").asLong()).isEqualTo(1);
        assertThat(result.get("changes").get(0).get("archivalCode").asText()).isEqualTo(code(2));
        String past = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/api/v1/imports").with(Staff.archivist())).andReturn().getResponse().getContentAsString();
        assertThat(JsonMapper.builder().build().readTree(past).get(0).get("fileName").asText()).isEqualTo("第二版.xlsx");
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(report).singleElement().satisfies(line -> {
            assertThat(line.get(0)).isEqualTo("7");
            assertThat(line.get(4)).isEqualTo(code(6));
        });
    }

    @Test
    void aReImportOverAHandEditSaysWhoAndWhenAndOverwritesItOnlyOnASecondChoice() throws Exception {
        Path file = Catalogues.standard().items(fonds, 2019, 3).xlsx(tmp);
        imports.run(file, "目录.xlsx", Map.of());
        correctByHand(code(2), "关于第2号文件的通知（人工校正）");

        JsonNode split = preview(file, "目录.xlsx").get("split");
        assertThat(split.get("updated").asLong()).isEqualTo(1);
        assertThat(split.get("unchanged").asLong()).isEqualTo(2);
        assertThat(split.get("handEdited").asLong()).isEqualTo(1);
        JsonNode row = split.get("rows").get(0);
        assertThat(row.get("archivalCode").asText()).isEqualTo(code(2));
        assertThat(row.get("handEdit").get("actor").asText()).isEqualTo("zhang.jiaozheng");
        assertThat(row.get("handEdit").get("fields").toString()).contains("题名");
        assertThat(row.get("changes").toString()).contains("关于第2号文件的通知（人工校正）");

        // updating existing records is chosen, overwriting hand edits is not: the hand-corrected row is refused
        JsonNode first = imports.run(file, "目录.xlsx", Map.of("onExisting", "UPDATE"));
        assertThat(first.get("rejected").asLong()).isEqualTo(1);
        assertThat(titleOf(code(2))).isEqualTo("关于第2号文件的通知（人工校正）");
        List<CSVRecord> report = imports.report(first.get("id").asText());
        assertThat(report).singleElement().satisfies(line -> {
            assertThat(line.get(0)).isEqualTo("3");
            assertThat(line.get(3)).contains("zhang.jiaozheng").contains("人工修改");
            assertThat(line.get(4)).isEqualTo(code(2));
            assertThat(line.get(5)).isEqualTo("关于第2号文件的通知");
        });

        JsonNode second = imports.run(file, "目录.xlsx", Map.of("onExisting", "UPDATE", "overwriteHandEdits", "true"));
        assertThat(second.get("rejected").asLong()).isZero();
        assertThat(split(second).updated()).isEqualTo(1);
        assertThat(titleOf(code(2))).isEqualTo("关于第2号文件的通知");
        assertThat(imports.report(second.get("id").asText())).singleElement()
                .satisfies(line -> assertThat(line.get(3)).contains("已覆盖").contains("zhang.jiaozheng"));

        // once imported again, the record holds no hand edit since: the next re-import is plain
        assertThat(preview(file, "目录.xlsx").get("split").get("handEdited").asLong()).isZero();
    }

    @Test
    void aSheetThatSaysWhatTheHandEditSaysOverwritesNothingAndNeedsNoSecondChoice() throws Exception {
        imports.run(Catalogues.standard().items(fonds, 2019, 2).xlsx(tmp), "目录.xlsx", Map.of());
        correctByHand(code(2), "关于第2号文件的通知（人工校正）");
        Catalogues agreeing = Catalogues.standard().items(fonds, 2019, 2);
        agreeing.rows().get(1).set(1, "关于第2号文件的通知（人工校正）");
        Path file = agreeing.xlsx(tmp);
        assertThat(preview(file, "目录.xlsx").get("split").get("handEdited").asLong()).isZero();
        JsonNode job = imports.run(file, "目录.xlsx", Map.of("onExisting", "UPDATE"));
        assertThat(job.get("rejected").asLong()).isZero();
        assertThat(split(job).unchanged()).isEqualTo(2);
        assertThat(imports.report(job.get("id").asText())).isEmpty();
    }

    @Test
    void aDisclosureMarkInTheClassificationColumnMovesToThePublicAttributeAndIsSaid() throws Exception {
        Path file = Catalogues.withHeader("档号", "题名", "责任者", "日期", "密级", "公开属性", "开放标识")
                .row(code(1), "内部通报", "区人民政府办公室", "2019-03-12", "内部", "", "开放")
                .row(code(2), "公开通报", "区人民政府办公室", "2019-03-13", "内部", "公开", "开放")
                .row(code(3), "机密通报", "区人民政府办公室", "2019-03-14", "非密", "", "不开放")
                .xlsx(tmp);
        JsonNode split = preview(file, "标记.xlsx").get("split");
        assertThat(split.get("created").asLong()).isEqualTo(2);
        assertThat(split.get("refused").asLong()).isEqualTo(1);
        assertThat(split.get("rows").get(0).get("notices").get(0).asText()).contains("“内部”不是密级")
                .contains("公开属性");

        JsonNode job = imports.run(file, "标记.xlsx", Map.of());
        assertThat(job.get("accepted").asLong()).isEqualTo(2);
        Map<String, Object> moved = jdbc.queryForMap(
                "SELECT classification, public_attribute FROM item WHERE archival_code = ?", code(1));
        assertThat(moved.get("classification")).isEqualTo("NONE");
        assertThat(moved.get("public_attribute")).isEqualTo("内部");
        assertThat(jdbc.queryForObject("SELECT open_status FROM item WHERE archival_code = ?", String.class, code(3)))
                .isEqualTo("CONTROLLED");
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(report).extracting(r -> r.get(0)).containsExactly("2", "3", "4");
        assertThat(report.get(0).get(3)).contains("已移至公开属性");
        assertThat(report.get(1).get(3)).contains("公开属性已填“公开”");
        assertThat(report.get(2).get(3)).contains("“不开放”按开放标识“控制使用”导入");
    }

    String titleOf(String archivalCode) {
        return jdbc.queryForObject("SELECT title FROM item WHERE archival_code = ?", String.class, archivalCode);
    }
}
