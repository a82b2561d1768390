package cn.lantai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run of the benchmark harness (bench/): the generator's invariants and a baseline run on 300 rows. Nothing
 * is timed against a threshold; the real benchmark is run by bench/run.
 */
class BenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void generatedRowsHaveUniqueWellFormedCodesNumberedWithoutGapsPerGroup() throws Exception {
        Path csv = dir.resolve("clean.csv");
        List<CatalogueGenerator.BadRow> bad =
                new CatalogueGenerator(new CatalogueGenerator.Options(300, true)).writeCsv(csv, true);
        assertTrue(bad.isEmpty());
        List<CSVRecord> rows = read(csv);
        assertEquals(300, rows.size());
        assertEquals("\uFEFF" + String.join(",", CatalogueGenerator.HEADERS),
                Files.readAllLines(csv, StandardCharsets.UTF_8).get(0));

        Set<String> codes = new HashSet<>();
        Map<String, List<Integer>> numbersByGroup = new HashMap<>();
        for (CSVRecord r : rows) {
            String code = r.get("档号");
            assertTrue(CatalogueGenerator.CODE_FORMAT.matcher(code).matches(), code);
            assertTrue(codes.add(code), "duplicate " + code);
            assertEquals(String.join("-", r.get("全宗号"), r.get("门类代码") + "·" + r.get("年度"),
                    code.split("-")[2], r.get("机构(问题)代码"), r.get("件号")), code);
            String group = code.substring(0, code.lastIndexOf('-'));
            numbersByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(Integer.parseInt(r.get("件号")));
            assertFalse(r.get("题名").isBlank());
            assertEquals(r.get("年度"), Integer.toString(LocalDate.parse(r.get("日期")).getYear()));
            assertTrue(r.get("全文").getBytes(StandardCharsets.UTF_8).length > 1500);
        }
        assertTrue(numbersByGroup.size() > 10, "rows spread over groups");
        numbersByGroup.forEach((group, numbers) -> {
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + 1, numbers.get(i), "item numbers of " + group);
            }
        });
    }

    @Test
    void badRowsReportedAreExactlyTheRowsThatAreBad() throws Exception {
        Path clean = dir.resolve("clean.csv");
        Path spoiled = dir.resolve("spoiled.csv");
        new CatalogueGenerator(new CatalogueGenerator.Options(300, false, 9, 0, 0)).writeCsv(clean, false);
        List<CatalogueGenerator.BadRow> bad = new CatalogueGenerator(
                new CatalogueGenerator.Options(300, false, 9, 0.05, 0)).writeCsv(spoiled, false);
        Set<Long> reported = new TreeSet<>();
        bad.forEach(b -> reported.add(b.rowNumber()));
        assertTrue(reported.size() >= 8, "enough bad rows to see each kind: " + bad);
        assertEquals(Set.of(CatalogueGenerator.BadKind.values()),
                Set.copyOf(bad.stream().map(CatalogueGenerator.BadRow::kind).toList()));

        List<CSVRecord> rows = read(spoiled);
        Set<Long> invalid = new TreeSet<>();
        Set<String> codes = new HashSet<>();
        java.util.Map<String, Integer> lastNumber = new java.util.HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            long rowNumber = i + 2; // header is row 1
            if (!valid(rows.get(i), codes)) {
                invalid.add(rowNumber);
            }
            String code = rows.get(i).get("档号");
            if (!reported.contains(rowNumber) || !code.equals(rows.get(i - 1).get("档号"))) {
                // every row but an added duplicate continues its group: bad rows leave no gap in 件号
                String group = code.substring(0, code.lastIndexOf('-'));
                int number = Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
                assertEquals(lastNumber.getOrDefault(group, 0) + 1, number, "row " + rowNumber);
                lastNumber.put(group, number);
            }
        }
        assertEquals(reported, invalid);
        assertEquals(300, rows.size());
        assertEquals(read(clean).get(0).get("档号"), rows.get(0).get("档号"));
    }

    @Test
    void xlsxHoldsTheSameRowsAsTheCsv() throws Exception {
        Path xlsx = dir.resolve("rows.xlsx");
        new CatalogueGenerator(new CatalogueGenerator.Options(50, false)).writeXlsx(xlsx);
        Path csvFile = dir.resolve("rows-50.csv");
        new CatalogueGenerator(new CatalogueGenerator.Options(50, false)).writeCsv(csvFile, false);
        List<CSVRecord> csv = read(csvFile);
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertEquals(51, rows.size());
            assertEquals("档号", rows.get(0).getCellText(0));
            assertEquals(csv.get(49).get("题名"), rows.get(50).getCellText(CatalogueGenerator.TITLE));
        }
    }

    @Test
    void baselineImportsAndSearches() throws Exception {
        Path csv = writeCsv(300);
        try (Baseline baseline = new Baseline(new Baseline.Options(csv, dir.resolve("baseline")))) {
            Baseline.ImportResult imported = baseline.importAndIndex();
            assertEquals(300, imported.rows());
            assertEquals(300, imported.accepted());
            assertTrue(imported.rowsPerSecond() > 0);
            List<String> phrases = QueryPhrases.fromTitles(imported.sampledTitles(), 50, 5);
            assertFalse(phrases.isEmpty());
            assertTrue(baseline.search(imported.lastTitle()) > 0);

            SearchLoad.Result load = baseline.searchLoad(phrases, 4, Duration.ZERO, Duration.ofSeconds(30), 100);
            assertEquals(100, load.queries());
            assertEquals(0, load.errors());
            assertTrue(load.qps() > 0);
            assertTrue(load.p50() > 0);
            assertTrue(load.p50() <= load.p95() && load.p95() <= load.p99(), load.toString());
            assertTrue(load.meanHits() > 0);
        }
        LantaiRun.FileFacts facts = LantaiRun.scan(csv);
        assertEquals(300, facts.rows());
        assertNotEquals(null, facts.lastCode());
    }

    @Test
    void reportRendersBaselineOnlyRun() {
        SearchLoad.Result search = new SearchLoad.Result(4, 100, 0, 1, 100, 1, 2, 3, 4, 10);
        Baseline.ImportResult imported = new Baseline.ImportResult(300, 300, 0, 1, 300, 1 << 20, "x", "y", List.of());
        String section = new Report().render(new Report.Run("bench/run --rows 300", 300, true, 2048, 0, 1 << 20, 42,
                "H2 (file)", 4, "10 s", imported, search, 1 << 20, null, null, -1, -1, "http://127.0.0.1:8080"));
        assertTrue(section.contains("| Search p95 (ms) | — | 2.00 |"), section);
        assertTrue(section.contains("`bench/run --rows 300`"), section);
    }

    private Path writeCsv(int rows) throws Exception {
        Path csv = dir.resolve("rows-" + rows + ".csv");
        new CatalogueGenerator(new CatalogueGenerator.Options(rows, true)).writeCsv(csv, false);
        return csv;
    }

    /** An independent check of the rules the generator's bad rows break. */
    private static boolean valid(CSVRecord r, Set<String> codes) {
        if (r.get("题名").isBlank() || !Set.of("永久", "定期30年", "定期10年").contains(r.get("保管期限"))) {
            return false;
        }
        try {
            LocalDate.parse(r.get("日期"));
        } catch (DateTimeParseException e) {
            return false;
        }
        return codes.add(r.get("档号"));
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(QueryPhrases.skipBom(in), QueryPhrases.csvFormat())) {
            return parser.getRecords();
        }
    }
}
