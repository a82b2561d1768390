package cn.lantai.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.lantai.catalog.internal.imports.CatalogImporter;
import cn.lantai.support.Staff;
import cn.lantai.jobs.Jobs;
import cn.lantai.support.Catalogues;
import cn.lantai.support.ImportDriver;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Excel and CSV catalogues through the API, good and bad: each bad input gets a clear message naming the row and the
 * reason, nothing is half-written, and the application stays up. Runs on every supported database.
 */
abstract class CatalogImportContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CatalogVolumes volumes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogImporter importer;

    @Autowired
    Jobs jobs;

    @Autowired
    Staff staff;

    @TempDir
    Path tmp;

    ImportDriver imports;
    String fonds;

    @BeforeEach
    void freshFonds() {
        imports = new ImportDriver(mvc);
        fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "测试全宗"), cn.lantai.catalog.Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), cn.lantai.catalog.Viewer.system());
    }

    @AfterEach
    void noHook() {
        importer.afterEachBatch(null);
    }

    long items() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM item WHERE fonds_code = ?", Long.class, fonds);
        return n == null ? 0 : n;
    }

    String code(int n) {
        return String.format("%s-WS·2019-Y-BGS-%04d", fonds, n);
    }

    static List<Integer> reportedRows(List<CSVRecord> report) {
        return report.stream().map(r -> Integer.valueOf(r.get(0))).distinct().toList();
    }

    @Test
    void anXlsxCatalogueWithChineseHeadersIsImported() throws Exception {
        Path file = Catalogues.standard().items(fonds, 2019, 30).xlsx(tmp);
        JsonNode job = imports.run(file, "目录.xlsx", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("total").asLong()).isEqualTo(30);
        assertThat(job.get("done").asLong()).isEqualTo(30);
        assertThat(job.get("accepted").asLong()).isEqualTo(30);
        assertThat(job.get("rejected").asLong()).isZero();
        assertThat(items()).isEqualTo(30);
        String title = jdbc.queryForObject("SELECT title FROM item WHERE archival_code = ?", String.class, code(7));
        assertThat(title).isEqualTo("关于第7号文件的通知");
    }

    @Test
    void badRowsAreReportedByRowColumnValueAndReasonAndTheRestIsKept() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 8);
        sheet.rows().get(1).set(1, "");                      // row 3: no title
        sheet.rows().get(3).set(3, "2019-02-30");            // row 5: impossible date
        sheet.rows().get(5).set(1, "长".repeat(600));         // row 7: overlong title
        sheet.row(code(9), "第九件", "区委办", "2019年3月1日", "", "x页", "", "开放", "");  // row 10: pages not a number
        JsonNode job = imports.run(sheet.xlsx(tmp), "bad.xlsx", Map.of("mode", "KEEP_VALID"));
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("accepted").asLong()).isEqualTo(5);
        assertThat(job.get("rejected").asLong()).isEqualTo(4);
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(reportedRows(report)).containsExactly(3, 5, 7, 10);
        assertThat(report.get(0).get(1)).isEqualTo("题名");
        assertThat(report.get(0).get(3)).isEqualTo("必填项为空");
        assertThat(report.get(1).get(2)).isEqualTo("2019-02-30");
        assertThat(report.get(1).get(3)).contains("日期无效");
        assertThat(report.get(2).get(3)).contains("超出长度限制");
        assertThat(items()).isEqualTo(5);
    }

    @Test
    void allOrNothingWritesNothingWhenOneRowIsBad() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 50);
        sheet.rows().get(40).set(2, "");
        JsonNode job = imports.run(sheet.xlsx(tmp), "a.xlsx", Map.of("mode", "ALL_OR_NOTHING"));
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("未导入任何数据");
        assertThat(job.get("rejected").asLong()).isEqualTo(1);
        assertThat(reportedRows(imports.report(job.get("id").asText()))).containsExactly(42);
        assertThat(items()).isZero();
    }

    @Test
    void aDuplicateArchivalCodeInsideOneFileIsRejectedWhereItRepeats() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 5);
        sheet.row(code(3), "重复的第三件", "区委办", "2019-03-01", "", "", "", "开放", "");
        JsonNode job = imports.run(sheet.csv(tmp, StandardCharsets.UTF_8, true), "d.csv", Map.of());
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(reportedRows(report)).containsExactly(7);
        assertThat(report.get(0).get(3)).contains("第 4 行");
        assertThat(items()).isEqualTo(5);
    }

    @Test
    void reimportingTheSameRowsUpdatesInsteadOfDuplicating() throws Exception {
        imports.run(Catalogues.standard().items(fonds, 2019, 10).xlsx(tmp), "1.xlsx", Map.of());
        Catalogues corrected = Catalogues.standard().items(fonds, 2019, 10);
        corrected.rows().get(4).set(1, "更正后的题名");
        JsonNode job = imports.run(corrected.xlsx(tmp), "2.xlsx", Map.of());
        assertThat(job.get("accepted").asLong()).isEqualTo(10);
        assertThat(items()).isEqualTo(10);
        Long id = jdbc.queryForObject("SELECT id FROM item WHERE archival_code = ?", Long.class, code(5));
        Item item = catalog.item(new ItemId(id), CatalogDataContract.ADMIN);
        assertThat(item.title()).isEqualTo("更正后的题名");
        assertThat(catalog.history(item.id(), CatalogDataContract.ADMIN)).anySatisfy(c -> {
            assertThat(c.operation()).isEqualTo("IMPORT");
            assertThat(c.field()).isEqualTo("title");
            assertThat(c.oldValue()).isEqualTo("关于第5号文件的通知");
        });
    }

    @Test
    void rowsWithoutArchivalCodeAreNumberedAndImportedAgainWithoutDuplicates() throws Exception {
        Catalogues sheet = Catalogues.withHeader("全宗号", "门类", "年度", "保管期限", "机构（问题）", "题名", "日期", "责任者", "文号");
        for (int i = 1; i <= 12; i++) {
            sheet.row(fonds, "WS", "2021", "定期30年", "BGS", "关于第" + i + "项工作的报告", "2021-06-" + (10 + i), "区委办",
                    "区委办〔2021〕" + i + "号");
        }
        Path file = sheet.csv(tmp, StandardCharsets.UTF_8, false);
        assertThat(imports.run(file, "n.csv", Map.of()).get("accepted").asLong()).isEqualTo(12);
        assertThat(imports.run(file, "n.csv", Map.of()).get("accepted").asLong()).isEqualTo(12);
        assertThat(items()).isEqualTo(12);
        assertThat(jdbc.queryForList("SELECT archival_code FROM item WHERE fonds_code = ? ORDER BY item_no", String.class,
                fonds)).first().isEqualTo(fonds + "-WS·2021-D30-BGS-0001");
    }

    @Test
    void whenAskedNotToOverwriteCodesAlreadyInTheCatalogueAreRejected() throws Exception {
        imports.run(Catalogues.standard().items(fonds, 2019, 3).xlsx(tmp), "1.xlsx", Map.of());
        JsonNode job = imports.run(Catalogues.standard().items(fonds, 2019, 5).xlsx(tmp), "2.xlsx",
                Map.of("onExisting", "REJECT"));
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(reportedRows(report)).containsExactly(2, 3, 4);
        assertThat(report.get(0).get(3)).contains("已存在");
        assertThat(items()).isEqualTo(5);
    }

    @Test
    void itemNumbersThatLeaveAGapAreRejected() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 2);
        sheet.row(code(5), "第五件", "区委办", "2019-03-01", "", "", "", "开放", "");
        JsonNode job = imports.run(sheet.xlsx(tmp), "g.xlsx", Map.of());
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(reportedRows(report)).containsExactly(4);
        assertThat(report.get(0).get(1)).isEqualTo("件号");
        assertThat(report.get(0).get(3)).contains("应为 3");
        assertThat(items()).isEqualTo(2);
    }

    @Test
    void aRowRejectedForAnotherReasonDoesNotMakeTheRowsAfterItGaps() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 6);
        sheet.rows().get(2).set(3, "不是日期");
        JsonNode job = imports.run(sheet.xlsx(tmp), "h.xlsx", Map.of());
        assertThat(reportedRows(imports.report(job.get("id").asText()))).containsExactly(4);
        assertThat(items()).isEqualTo(5);
    }

    @Test
    void itemsOfFilesAreImportedByTheirFileNumberAndExportedBackUnchanged() throws Exception {
        volumes.create(new NewVolume(fonds, "WS", 1987, "永久", "BGS", "1987年文件汇集", null, "开放", null),
                CatalogDataContract.ADMIN);
        Path file = Catalogues.withHeader("档号", "案卷号", "题名", "责任者", "日期")
                .row(fonds + "-WS·1987-Y-BGS-0001-0001", "1", "卷内第一件", "区委办", "1987-01-05")
                .row(fonds + "-WS·1987-Y-BGS-0001-0002", "1", "卷内第二件", "区委办", "1987-02-05")
                .row(fonds + "-WS·1987-Y-BGS-0001-0004", "1", "跳号的一件", "区委办", "1987-03-05")
                .row(fonds + "-WS·1987-Y-BGS-0002-0001", "2", "不存在的卷", "区委办", "1987-03-05").xlsx(tmp);
        JsonNode job = imports.run(file, "files.xlsx", Map.of());
        assertThat(job.get("accepted").asLong()).isEqualTo(2);
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(reportedRows(report)).containsExactly(4, 5);
        assertThat(report.get(1).get(3)).contains("没有这个案卷号");
        Path exported = tmp.resolve("files-export.xlsx");
        Files.write(exported, imports.download("/api/v1/exports?format=xlsx&fonds=" + fonds));
        JsonNode again = imports.run(exported, "files-export.xlsx", Map.of());
        assertThat(again.get("accepted").asLong()).isEqualTo(2);
        assertThat(again.get("rejected").asLong()).isZero();
        assertThat(items()).isEqualTo(2);
    }

    @Test
    void gb18030CsvIsDetectedAndRead() throws Exception {
        Path file = Catalogues.standard().items(fonds, 2019, 4).csv(tmp, Charset.forName("GB18030"), false);
        JsonNode job = imports.run(file, "gbk.csv", Map.of());
        assertThat(job.get("accepted").asLong()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT creator FROM item WHERE archival_code = ?", String.class, code(2)))
                .isEqualTo("区人民政府办公室");
    }

    @Test
    void utf8CsvWithAndWithoutBomIsRead() throws Exception {
        assertThat(imports.run(Catalogues.standard().items(fonds, 2019, 2).csv(tmp, StandardCharsets.UTF_8, true),
                "bom.csv", Map.of()).get("accepted").asLong()).isEqualTo(2);
        assertThat(imports.run(Catalogues.standard().items(fonds, 2019, 3).csv(tmp, StandardCharsets.UTF_8, false),
                "plain.csv", Map.of()).get("accepted").asLong()).isEqualTo(3);
        assertThat(items()).isEqualTo(3);
    }

    @Test
    void aCsvInUtf16WithoutBomIsRefusedClearly() throws Exception {
        Path file = Catalogues.standard().items(fonds, 2019, 2).csv(tmp, StandardCharsets.UTF_16LE, false);
        JsonNode job = imports.run(file, "u16.csv", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("编码");
        assertThat(items()).isZero();
    }

    @Test
    void aHeaderRowThatMapsToNothingFailsAndNamesTheHeaders() throws Exception {
        Path file = Catalogues.withHeader("甲", "乙", "丙").row("1", "2", "3").xlsx(tmp);
        JsonNode job = imports.run(file, "x.xlsx", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("表头").contains("甲");
    }

    @Test
    void otherHeadersAreMappedInTheColumnMappingStep() throws Exception {
        Path file = Catalogues.withHeader("档案号", "文件标题", "形成时间", "作者", "序号")
                .row(code(1), "关于修订档案管理办法的通知", "2019/5/6", "区档案局", "1").xlsx(tmp);
        var preview = mvc.perform(multipart("/api/v1/imports/preview")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "m.xlsx", null, Files.readAllBytes(file)))
                        .with(Staff.archivist()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.header[1]").value("文件标题"))
                .andExpect(jsonPath("$.targets.title").value("题名"))
                .andReturn();
        assertThat(preview.getResponse().getContentAsString()).contains("\"format\":\"xlsx\"");
        String mapping = "{\"档案号\":\"archivalCode\",\"文件标题\":\"title\",\"形成时间\":\"date\",\"作者\":\"creator\"}";
        JsonNode job = imports.run(file, "m.xlsx", Map.of("mapping", mapping));
        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT doc_date FROM item WHERE archival_code = ?", java.sql.Date.class, code(1)))
                .hasToString("2019-05-06");
    }

    @Test
    void aMalformedXlsxFailsClearlyAndWritesNothing() throws Exception {
        Path junk = tmp.resolve("junk.xlsx");
        Files.write(junk, "这不是一个Excel文件".getBytes(StandardCharsets.UTF_8));
        JsonNode job = imports.run(junk, "junk.xlsx", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("不是有效的 xlsx");
    }

    @Test
    void aTruncatedXlsxFailsClearlyAndWritesNothing() throws Exception {
        byte[] whole = Files.readAllBytes(Catalogues.standard().items(fonds, 2019, 200).xlsx(tmp));
        Path cut = tmp.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        JsonNode job = imports.run(cut, "cut.xlsx", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("xlsx");
        assertThat(items()).isZero();
    }

    @Test
    void aZipBombDisguisedAsXlsxIsRefused() throws Exception {
        Path bomb = tmp.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        JsonNode job = imports.run(bomb, "bomb.xlsx", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("压缩炸弹");
    }

    @Test
    void aHundredMegabyteFileOfNoiseFailsClearlyAndTheApplicationStaysUp() throws Exception {
        Path big = tmp.resolve("big.xlsx");
        Random random = new Random(7);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(new byte[] {'P', 'K', 3, 4});
            for (int i = 0; i < 100; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        JsonNode job = imports.run(big, "big.xlsx", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("FAILED");
        assertThat(job.get("message").asText()).contains("xlsx");
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void anInterruptedImportResumesAfterTheLastCommittedBatchWithoutDuplicates() throws Exception {
        importer.afterEachBatch(done -> {
            if (done == 500) {
                throw new SimulatedCrash();
            }
        });
        String id = imports.start(Catalogues.standard().items(fonds, 2019, 1200).xlsx(tmp), "r.xlsx", Map.of());
        JsonNode stopped = awaitDone(id, 500);
        assertThat(stopped.get("state").asText()).isEqualTo("RUNNING");
        assertThat(items()).isEqualTo(500);
        importer.afterEachBatch(null);
        jobs.resumeUnfinished();
        JsonNode job = imports.await(id);
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("accepted").asLong()).isEqualTo(1200);
        assertThat(items()).isEqualTo(1200);
        assertThat(jdbc.queryForObject("SELECT MAX(item_no) FROM item WHERE fonds_code = ?", Integer.class, fonds))
                .isEqualTo(1200);
    }

    @Test
    void aCodeCataloguedBetweenCheckingAndWritingIsNeitherOverwrittenNorDisclosed() throws Exception {
        // the importer is cleared for 秘密; between the checking pass and the batch that writes the last rows, someone
        // catalogues 2020-0001 as an open record and 2021-0001 as 机密 (beyond the importer)
        String importerName = "importer-" + fonds.toLowerCase(java.util.Locale.ROOT);
        staff.ensure(importerName, "导入员", null, Classification.CONFIDENTIAL, List.of("CATALOGUING"));
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 500);
        sheet.row(fonds + "-WS·2020-Y-BGS-0001", "导入的第一件", "区委办", "2020-03-01", "", "", "", "开放", "");
        sheet.row(fonds + "-WS·2021-Y-BGS-0001", "导入的另一件", "区委办", "2021-03-02", "", "", "", "开放", "");
        Map<DescriptionField, String> open = new java.util.EnumMap<>(CatalogDataContract.entry(fonds, 2020, "Y",
                "抢先著录的一件").fields());
        open.put(DescriptionField.OPEN_STATUS, "开放");
        Map<DescriptionField, String> secret = new java.util.EnumMap<>(CatalogDataContract.entry(fonds, 2021, "Y",
                "机密会议纪要").fields());
        secret.put(DescriptionField.CLASSIFICATION, "机密");
        importer.afterEachBatch(done -> {
            if (done == 500) {
                catalog.create(new EntryInput(fonds + "-WS·2020-Y-BGS-0001", open, null), CatalogDataContract.ADMIN);
                catalog.create(new EntryInput(fonds + "-WS·2021-Y-BGS-0001", secret, null), CatalogDataContract.ADMIN);
            }
        });
        ImportDriver asImporter = new ImportDriver(mvc, Staff.as(importerName));
        JsonNode job = asImporter.run(sheet.csv(tmp, StandardCharsets.UTF_8, false), "between.csv", Map.of());
        assertThat(job.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("accepted").asLong()).isEqualTo(500);
        assertThat(job.get("rejected").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT title FROM item WHERE fonds_code = ? AND filing_year > 2019 "
                + "ORDER BY filing_year", String.class, fonds)).containsExactly("抢先著录的一件", "机密会议纪要");
        List<CSVRecord> report = asImporter.report(job.get("id").asText());
        assertThat(reportedRows(report)).containsExactly(502, 503);
        // the code she may see taken is named so; the group now holding a record beyond her gets the one refusal
        assertThat(report.get(0).get(3)).contains("档号已被占用");
        assertThat(report.get(1).get(3)).isEqualTo("无权在此组中著录或调整");
        assertThat(report.toString()).doesNotContain("机密会议纪要").doesNotContain("抢先著录");
    }

    private JsonNode awaitDone(String id, long done) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode job = imports.job(id);
            if (job.get("done").asLong() >= done) {
                Thread.sleep(200);
                return imports.job(id);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job never reached " + done);
    }

    /** Stands for the process dying midway: an Error, which leaves the job RUNNING as a crash would. */
    static class SimulatedCrash extends Error {
    }

    @Test
    void excelTypedDatesAndNumbersAreRead() throws Exception {
        Path file = tmp.resolve("typed.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            var wb = new org.dhatim.fastexcel.Workbook(out, "t", "1.0");
            var ws = wb.newWorksheet("s");
            String[] header = {"档号", "题名", "责任者", "日期", "页数"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            ws.value(1, 0, code(1));
            ws.value(1, 1, "日期为单元格日期类型");
            ws.value(1, 2, "区委办");
            ws.value(1, 3, java.time.LocalDate.of(2019, 8, 9));
            ws.style(1, 3).format("yyyy-mm-dd").set();
            ws.value(1, 4, 12);
            ws.value(2, 0, code(2));
            ws.value(2, 1, "日期为八位数字");
            ws.value(2, 2, "区委办");
            ws.value(2, 3, 20190810);
            ws.value(2, 4, 3.0);
            wb.finish();
        }
        JsonNode job = imports.run(file, "typed.xlsx", Map.of());
        assertThat(job.get("accepted").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT doc_date FROM item WHERE fonds_code = ? ORDER BY item_no", java.sql.Date.class,
                fonds)).extracting(Object::toString).containsExactly("2019-08-09", "2019-08-10");
    }

    @Test
    void exportNeutralisesFormulasAndImportsBackUnchanged() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 3);
        sheet.rows().get(0).set(1, "=HYPERLINK(\"http://evil\",\"点我\")");
        sheet.rows().get(1).set(8, "@SUM(1+1)");
        imports.run(sheet.xlsx(tmp), "f.xlsx", Map.of());
        byte[] csv = imports.download("/api/v1/exports?format=csv&fonds=" + fonds);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").contains("'@SUM").doesNotContain(",=HYPERLINK");
        byte[] xlsx = imports.download("/api/v1/exports?format=xlsx&fonds=" + fonds);
        Path exported = tmp.resolve("exported.xlsx");
        Files.write(exported, xlsx);
        JsonNode again = imports.run(exported, "exported.xlsx", Map.of());
        assertThat(again.get("accepted").asLong()).isEqualTo(3);
        assertThat(again.get("rejected").asLong()).isZero();
        assertThat(items()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT title FROM item WHERE archival_code = ?", String.class, code(1)))
                .startsWith("=HYPERLINK");
        Long changes = jdbc.queryForObject("SELECT COUNT(*) FROM item_change c JOIN catalog_operation o "
                + "ON o.id = c.operation_id WHERE o.summary = 'exported.xlsx'", Long.class);
        assertThat(changes).isZero();
    }


    // ---- catalogue files as they arrive: dates, headers, first start, fonds in the mapping step -------------------

    @Autowired
    cn.lantai.audit.AuditTrail trail;

    @Autowired
    org.springframework.context.ApplicationContext context;

    static Path fixture(String name) throws Exception {
        return Path.of(CatalogImportContract.class.getResource("/imports/" + name).toURI());
    }

    private org.springframework.test.web.servlet.ResultActions preview(Path file, String name,
            org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/preview")
                .file(new org.springframework.mock.web.MockMultipartFile("file", name, null, Files.readAllBytes(file)))
                .with(who));
    }

    private List<String> datesOf(String fondsCode) {
        return jdbc.queryForList("SELECT doc_date FROM item WHERE fonds_code = ? ORDER BY item_no", java.sql.Date.class,
                fondsCode).stream().map(Object::toString).toList();
    }

    @Test
    void excelDatesInEveryStyleImportAsTheDateExcelShows() throws Exception {
        catalog.registerFonds(new Fonds("RQ19", "日期样式全宗"), Viewer.system());
        JsonNode job = imports.run(fixture("excel_dates_in_every_style.xlsx"), "excel_dates_in_every_style.xlsx",
                Map.of());
        assertThat(job.get("rejected").asLong()).isZero();
        assertThat(datesOf("RQ19")).hasSize(12).containsOnly("2019-03-05");
        catalog.registerFonds(new Fonds("RQ04", "1904日期系统全宗"), Viewer.system());
        imports.run(fixture("excel_1904_dates.xlsx"), "excel_1904_dates.xlsx", Map.of());
        assertThat(datesOf("RQ04")).containsExactly("2019-03-05", "2019-03-05");
    }

    @Test
    void earlySerialsAreNotADayOffAndExcelsFictitiousLeapDayIsRefusedByName() throws Exception {
        catalog.registerFonds(new Fonds("RQ00", "早期日期全宗"), Viewer.system());
        JsonNode job = imports.run(fixture("excel_serials_below_61.xlsx"), "excel_serials_below_61.xlsx", Map.of());
        assertThat(datesOf("RQ00")).containsExactly("1900-01-01", "1900-02-28", "1900-03-01");
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(report).singleElement().satisfies(line -> {
            assertThat(line.get(0)).isEqualTo("5");
            assertThat(line.get(2)).isEqualTo("1900-02-29");
            assertThat(line.get(3)).contains("日期无效");
        });
    }

    @Test
    void aGb18030CatalogueWhoseHeadersMarkMandatoryColumnsImportsEveryColumn() throws Exception {
        catalog.registerFonds(new Fonds("GB18", "国标编码全宗"), Viewer.system());
        JsonNode job = imports.run(fixture("gb18030_marked_headers.csv"), "gb18030_marked_headers.csv", Map.of());
        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        Map<String, Object> item = jdbc.queryForMap("SELECT title, creator, doc_number, pages FROM item "
                + "WHERE archival_code = 'GB18-WS·2019-Y-BGS-0001'");
        assertThat(item.get("title")).isEqualTo("关于开展档案安全检查的通知");
        assertThat(item.get("creator")).isEqualTo("区档案局");
        assertThat(item.get("doc_number")).isEqualTo("区档发〔2019〕5号");
        assertThat(((Number) item.get("pages")).intValue()).isEqualTo(3);
    }

    @Test
    void aFreshArchiveKnowsTheCommonCategoriesDefinedByTheSystem() throws Exception {
        assertThat(catalog.categories()).extracting(Category::code).contains("WS", "KJ", "ZP", "LY", "LX", "SW", "YW");
        assertThat(catalog.category("KJ").name()).isEqualTo("会计");
        var defined = staff.asAuditor(() -> trail.entries(new cn.lantai.audit.AuditQuery("system",
                "catalog.define-category", "category:LY", null, null), 0, 10)).entries();
        assertThat(defined).isNotEmpty();
        // a catalogue of a category nobody defined by hand imports
        Path file = Catalogues.standard().row(fonds + "-LY·2019-Y-BGS-0001", "区人大会议录音", "区人大常委会办公室",
                "2019-03-12", "", "", "", "开放", "").xlsx(tmp);
        assertThat(imports.run(file, "录音.xlsx", Map.of()).get("accepted").asLong()).isEqualTo(1);
    }

    @Test
    void theFirstStartOffersItsCategoriesOnceAndNeverOverwritesAnAdministratorsEdit() throws Exception {
        catalog.defineCategory(new Category("SW", "实物档案（本馆）", List.of()), CatalogDataContract.ADMIN);
        // as if the first start were interrupted: the edited SW and a category never defined are still on offer
        jdbc.update("INSERT INTO category_default (code, name) VALUES ('SW', '实物'), ('QX', '首启补定')");
        var firstStart = context.getBeansOfType(org.springframework.boot.ApplicationRunner.class).values().stream()
                .filter(r -> r.getClass().getSimpleName().startsWith("DefaultCategories")).toList();
        assertThat(firstStart).hasSize(1);
        firstStart.get(0).run(new org.springframework.boot.DefaultApplicationArguments());

        assertThat(catalog.category("SW").name()).as("the administrator's edit stands").isEqualTo("实物档案（本馆）");
        assertThat(catalog.category("QX").name()).as("what was not defined yet is").isEqualTo("首启补定");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM category_default", Long.class)).isZero();
    }

    @Test
    void anArchivalCodeThatCannotBeReadIsOneMessageNotAlsoEmptyFondsCategoryAndYear() throws Exception {
        Catalogues sheet = Catalogues.standard().items(fonds, 2019, 1);
        sheet.row(fonds + "/WS/2019/Y/0002", "档号写法有误的一件", "区委办", "2019-03-01", "", "", "", "开放", "");
        JsonNode job = imports.run(sheet.xlsx(tmp), "code.xlsx", Map.of());
        List<CSVRecord> report = imports.report(job.get("id").asText());
        assertThat(report).singleElement().satisfies(line -> {
            assertThat(line.get(0)).isEqualTo("3");
            assertThat(line.get(1)).isEqualTo("档号");
            assertThat(line.get(3)).contains("档号格式不符合");
        });
    }

    @Test
    void unregisteredFondsAreNamedInTheMappingStepAndWhoMayNotRegisterThemIsToldWhomToAsk() throws Exception {
        String unknown = Catalogues.freshFonds();
        Path file = Catalogues.standard().items(unknown, 2019, 3).xlsx(tmp);
        preview(file, "u.xlsx", Staff.archivist()).andExpect(status().isOk())
                .andExpect(jsonPath("$.unregisteredFonds[0]").value(unknown))
                .andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.containsString("请先在下方登记")));
        staff.ensure("receiver", "接收员", null, Classification.TOP_SECRET, List.of("RECEIVING"));
        preview(file, "u.xlsx", Staff.as("receiver")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unregisteredFonds[0]").value(unknown))
                .andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.containsString("请联系管理员")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/fonds/" + unknown)
                        .contentType("application/json").content("{\"name\":\"区档案局\"}").with(Staff.archivist()))
                .andExpect(status().isOk());
        preview(file, "u.xlsx", Staff.archivist()).andExpect(jsonPath("$.unregisteredFonds").isEmpty())
                .andExpect(jsonPath("$.problems").isEmpty());
        assertThat(imports.run(file, "u.xlsx", Map.of()).get("accepted").asLong()).isEqualTo(3);
    }

    @Test
    void aHeaderThatRepeatsAColumnIsRefusedUntilTheMappingStepKeepsOne() throws Exception {
        catalog.registerFonds(new Fonds("CF01", "重复列全宗"), Viewer.system());
        Path file = fixture("header_repeats_a_column.csv");
        preview(file, "header_repeats_a_column.csv", Staff.archivist()).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.containsString("第 2、3 列")));
        JsonNode refused = imports.run(file, "header_repeats_a_column.csv", Map.of());
        assertThat(refused.get("state").asText()).isEqualTo("FAILED");
        assertThat(refused.get("message").asText()).contains("“题名”").contains("第 2、3 列");
        JsonNode job = imports.run(file, "header_repeats_a_column.csv", Map.of("mapping", "{\"#3\":\"\"}"));
        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT title FROM item WHERE archival_code = 'CF01-WS·2019-Y-BGS-0001'",
                String.class)).isEqualTo("关于档案工作的通知");
    }

    @Test
    void anEmptyFileAFileWithoutItsHeaderRowAndASheetOfOnlyHeadersAreToldApart() throws Exception {
        preview(fixture("empty_file.csv"), "empty_file.csv", Staff.archivist()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("文件是空的")));
        preview(fixture("no_header_row.csv"), "no_header_row.csv", Staff.archivist()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("第一行应为表头")));
        preview(fixture("only_headers.csv"), "only_headers.csv", Staff.archivist()).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.containsString("没有数据行")));
        JsonNode empty = imports.run(fixture("empty_file.csv"), "empty_file.csv", Map.of());
        assertThat(empty.get("message").asText()).contains("文件是空的");
        JsonNode headersOnly = imports.run(fixture("only_headers.csv"), "only_headers.csv", Map.of());
        assertThat(headersOnly.get("state").asText()).isEqualTo("FAILED");
        assertThat(headersOnly.get("message").asText()).contains("没有数据行");
    }
}
