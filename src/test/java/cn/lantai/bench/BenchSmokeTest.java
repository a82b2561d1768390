package cn.lantai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A small run of the benchmark harness (bench/): the generator's invariants, a baseline run on 300 rows, the HTTP
 * floor answering each scenario, and the report. Nothing is timed against a threshold; the real benchmark is run by
 * bench/run.
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

    /** One import for both halves of the floor, as the run itself: the machine is shared and the import is slow. */
    @Test
    void floorImportsEveryRowAndAnswersEachScenarioInProcessAndOverHttp() throws Exception {
        Path csv = writeCsv(300);
        Map<String, CSVRecord> byCode = new HashMap<>();
        read(csv).forEach(r -> byCode.put(r.get("档号"), r));
        try (Baseline baseline = new Baseline(new Baseline.Options(csv, dir.resolve("floor")))) {
            Baseline.ImportResult imported = baseline.importAndIndex();
            assertEquals(300, imported.rows());
            assertEquals(300, imported.accepted());
            assertTrue(imported.rowsPerSecond() > 0);
            List<String> phrases = QueryPhrases.fromTitles(imported.sampledTitles(), 50, 5);
            assertFalse(phrases.isEmpty());
            assertTrue(baseline.search(imported.lastTitle()).total() > 0, "the last row's title finds it");

            SearchLoad.Result inProcess = baseline.searchLoad(phrases, 4, Duration.ZERO, Duration.ofSeconds(30), 100);
            assertEquals(100, inProcess.queries());
            assertEquals(0, inProcess.errors());
            assertTrue(inProcess.qps() > 0);
            assertTrue(inProcess.p50() > 0);
            assertTrue(inProcess.p50() <= inProcess.p95() && inProcess.p95() <= inProcess.p99(), inProcess.toString());
            assertTrue(inProcess.meanHits() > 0);

            try (FloorServer floor = new FloorServer(baseline, 0, 2)) {
                HttpClient http = HttpSearch.client();
                for (Scenario scenario : Scenario.values()) {
                    SearchLoad.Result load = SearchLoad.run(scenario.inputs(phrases, imported.sampledCodes()), 2,
                            Duration.ZERO, Duration.ofSeconds(30), 40, 11, scenario.firstHitIsInput(),
                            new HttpSearch(http, floor.uri(), scenario.floorPath(), null));
                    assertEquals(40, load.queries(), scenario + ": " + load);
                    assertEquals(0, load.errors(), scenario + ": " + load);
                    assertEquals(0, load.misses(), scenario + ": " + load);
                }

                String code = imported.sampledCodes().get(7);
                SearchLoad.Answer lookup = new HttpSearch(http, floor.uri(), Scenario.CODE.floorPath(), null)
                        .search(code);
                assertEquals(new SearchLoad.Answer(1, code), lookup);
                assertEquals(300, new HttpSearch(http, floor.uri(), Scenario.BLANK.floorPath(), null)
                        .search("").total());

                long found = 0, foundByPublic = 0;
                for (String phrase : phrases) {
                    found += new HttpSearch(http, floor.uri(), Scenario.WORDS.floorPath(), null).search(phrase)
                            .total();
                    JsonNode answer = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(floor.uri()
                            .resolve(Scenario.request(Scenario.PUBLIC.floorPath(), phrase))).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    foundByPublic += answer.path("total").asLong();
                    for (JsonNode hit : answer.path("hits")) {
                        CSVRecord row = byCode.get(hit.path("archivalCode").asText());
                        assertEquals(row.get("题名"), hit.path("title").asText());
                        assertEquals("开放", row.get("开放标识"), row.toString());
                        assertEquals("", row.get("密级"), row.toString());
                    }
                }
                assertTrue(foundByPublic > 0, "the public finds open records");
                assertTrue(foundByPublic < found, "the public search leaves closed records out");

                HttpResponse<String> noWords = http.send(HttpRequest.newBuilder(floor.uri()
                        .resolve(Scenario.WORDS.floorPath())).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, noWords.statusCode());
            }
        }
        LantaiRun.FileFacts facts = LantaiRun.scan(csv);
        assertEquals(300, facts.rows());
        assertEquals(byCode.keySet(), Set.copyOf(facts.sampledCodes()));
    }

    @Test
    void aboutHalfTheRowsAreOpenToThePublicAndOldRecordsMoreOftenThanRecentOnes() throws Exception {
        Path csv = dir.resolve("mix.csv");
        new CatalogueGenerator(new CatalogueGenerator.Options(4000, false)).writeCsv(csv, false);
        int open = 0, old = 0, oldOpen = 0, recent = 0, recentOpen = 0;
        for (CSVRecord r : read(csv)) {
            boolean isPublic = r.get("开放标识").equals("开放") && r.get("密级").isEmpty();
            open += isPublic ? 1 : 0;
            int year = Integer.parseInt(r.get("年度"));
            if (year <= 1999) {
                old++;
                oldOpen += isPublic ? 1 : 0;
            } else if (year >= 2015) {
                recent++;
                recentOpen += isPublic ? 1 : 0;
            }
            if (!r.get("密级").isEmpty()) {
                assertNotEquals("开放", r.get("开放标识"), "a classified record is never open: " + r);
            }
        }
        assertTrue(open > 4000 * 0.35 && open < 4000 * 0.6, "public rows: " + open);
        assertTrue((double) oldOpen / old > 0.7, "older than 25 years: " + oldOpen + " of " + old + " open");
        assertTrue((double) recentOpen / recent < 0.3, "recent: " + recentOpen + " of " + recent + " open");
    }

    @Test
    void reportRendersFloorOnlyRun() {
        SearchLoad.Result one = new SearchLoad.Result(1, 100, 0, 1, 100, 1, 2, 3, 4, 10, 0);
        SearchLoad.Result many = new SearchLoad.Result(4, 400, 0, 1, 400, 5, 6, 7, 8, 10, 0);
        Baseline.ImportResult imported =
                new Baseline.ImportResult(300, 300, 0, 1, 300, 1 << 20, "x", "y", List.of(), List.of());
        String section = new Report().render(new Report.Run("bench/run --rows 300", 300, true, 2048, 0, 1 << 20, 42,
                "H2 (file)", 4, "10 s", imported, null,
                List.of(new Report.ScenarioRun(Scenario.WORDS, one, many, null, null, null)), null, null, -1, -1, 1 << 20, -1,
                -1, "http://127.0.0.1:8080", -1));
        assertTrue(section.contains("| archivist, words | floor (HTTP) | 400 | 1.0 | 2.0 | 3.0 | 5.0 | 6.0 | 7.0 | 10 | 0, 0 |"),
                section);
        assertTrue(section.contains("`bench/run --rows 300`"), section);
        assertTrue(section.contains("| Import until searchable (rows/s) | — | 300 | — |"), section);
        assertTrue(section.contains("indicative only"), section);
    }

    @Test
    void reportSaysWhenLantaisPublicSearchIsNotThereInsteadOfFailing() {
        SearchLoad.Result one = new SearchLoad.Result(1, 100, 0, 1, 100, 1, 2, 3, 4, 10, 0);
        SearchLoad.Result many = new SearchLoad.Result(32, 400, 0, 1, 400, 5, 6, 7, 8, 10, 0);
        SearchLoad.Result slowerOne = new SearchLoad.Result(1, 50, 0, 1, 50, 10, 25, 30, 35, 10, 0);
        SearchLoad.Result slower = new SearchLoad.Result(32, 100, 0, 1, 100, 20, 30, 40, 50, 10, 0);
        String section = new Report().render(new Report.Run("bench/run", 100_000, false, 2048, 0, 1 << 20, 42,
                "H2 (file)", 32, "1 s", null, null, List.of(
                        new Report.ScenarioRun(Scenario.WORDS, one, many, slowerOne, slower, null),
                        new Report.ScenarioRun(Scenario.PUBLIC, one, many, null, null, "HTTP 404 from GET "
                                + Scenario.PUBLIC.lantaiPath())),
                null, null, 4.2, -1, -1, 600L << 20, 1L << 30, "http://127.0.0.1:8080", -1));
        assertTrue(section.contains("| anonymous, public search | Lantai | unavailable: HTTP 404"), section);
        assertTrue(section.contains("| anonymous, public search: ratios to the floor | not measured"), section);
        assertTrue(section.contains("| archivist, words: q/s at 32 ≥ 0.5× the floor's | 0.25× (100 vs 400) | **no** |"),
                section);
        assertTrue(section.contains("| archivist, words: p95 at 32 ≤ 2× the floor's | 5.00× (30.0 vs 6.0 ms) | **no** |"),
                section);
        assertTrue(section.contains("| archivist, words: p95 with one client ≤ 20 ms | 25.0 ms | **no** |"), section);
        assertTrue(section.contains("| Start to serving ≤ 10 s with 1,000,000 items | 4.2 s with 100,000 rows | yes |"),
                section);
    }

    @Test
    void startIsJudgedAsAServerRunsLantaiLaidOutWithItsClassArchiveAndTheBuiltJarsStartIsShownBeside() {
        String section = new Report().render(new Report.Run("bench/run", 1_000_000, true, 2048, 0, 1 << 20, 42,
                "H2 (file)", 32, "1 s", null, null, List.of(), null, null, 14.0, 8.1, -1, 600L << 20, 1L << 30,
                "http://127.0.0.1:8080", -1));
        assertTrue(section.contains("| Start to serving after a restart (s) | 14.0 | — | — |"), section);
        assertTrue(section.contains(
                "| Start to serving after a restart, laid out with its class archive (s) | 8.1 | — | — |"), section);
        assertTrue(section.contains("| Start to serving ≤ 10 s with 1,000,000 items | 8.1 s with 1,000,000 rows "
                + "(laid out with its class archive; 14.0 s from the built jar) | yes |"), section);
    }

    @Test
    void reportFlagsAPublicSearchThatShowsClosedRecords() {
        SearchLoad.Result one = new SearchLoad.Result(1, 100, 0, 1, 100, 1, 2, 3, 4, 10, 0);
        SearchLoad.Result many = new SearchLoad.Result(32, 400, 0, 1, 400, 5, 6, 7, 8, 10, 0);
        String section = new Report().render(new Report.Run("bench/run", 100_000, false, 2048, 0, 1 << 20, 42,
                "H2 (file)", 32, "1 s", null, null,
                List.of(new Report.ScenarioRun(Scenario.PUBLIC, one, many, one, many, null)), null,
                new LantaiRun.PublicCheck(20, 400, 3), -1, -1, -1, -1, -1, "http://127.0.0.1:8080", -1));
        assertTrue(section.contains("| anonymous, public search: only open, unclassified records | 400 hits of 20 "
                + "queries checked, 3 not open or classified | **no** |"), section);
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
