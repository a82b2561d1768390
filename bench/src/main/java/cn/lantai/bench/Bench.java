package cn.lantai.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark run end to end: generates the catalogue file (or reuses one); optionally starts Lantai
 * ({@link LantaiProcess}); imports with the {@link Baseline} (batched JDBC + raw Lucene: the floor's import) and then
 * into Lantai over HTTP ({@link LantaiRun}); serves the floor's index with {@link FloorServer} and runs each
 * {@link Scenario} with 1 client and then with many, the floor and Lantai in turn; runs the words scenario
 * in-process once more (raw Lucene without HTTP); optionally restarts Lantai on the same data and times it until it
 * serves; and writes a Markdown section with the figures, the ratios to the floor and the targets to stdout and to
 * docs/BENCHMARKS.md.
 *
 * <pre>
 * java -Xmx1g -cp ... cn.lantai.bench.Bench --rows 100000 [--body] [--url http://127.0.0.1:8080] [--password p]
 *      [--start-lantai --jar target/lantai.jar --lantai-heap 1g --port 8080]
 *      [--csv bench/work/rows.csv --reuse] [--bad 0] [--seed 42] [--clients 32] [--warmup 5s] [--duration 20s]
 *      [--scenarios words,public,blank,code] [--floor-threads 8]
 *      [--jdbc-url jdbc:postgresql://... --jdbc-user u --jdbc-password p] [--skip-baseline] [--skip-lantai]
 *      [--pid lantaiPid] [--settle 60m] [--report docs/BENCHMARKS.md | --no-report] [--command "how it was started"]
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        long rows = args.getLong("rows", 1_000_000);
        boolean body = args.flag("body");
        long seed = args.getLong("seed", 42);
        int bodyBytes = args.getInt("body-bytes", 2048);
        double badFraction = args.getDouble("bad", 0.0);
        int clients = args.getInt("clients", 32);
        Duration warmup = args.getDuration("warmup", Duration.ofSeconds(5));
        Duration duration = args.getDuration("duration", Duration.ofSeconds(20));
        List<Scenario> scenarios = Scenario.parse(args.get("scenarios"));
        Path work = Path.of(args.get("work", "bench/work"));
        Path csv = Path.of(args.get("csv", work.resolve("rows.csv").toString()));
        boolean withFloor = !args.flag("skip-baseline"), withLantai = !args.flag("skip-lantai");

        long badRows = 0;
        if (args.flag("reuse") && Files.exists(csv)) {
            log("reusing %s", csv);
            badRows = -1;
        } else {
            log("generating %,d rows%s into %s", rows, body ? " with body text" : "", csv);
            CatalogueGenerator generator = new CatalogueGenerator(
                    new CatalogueGenerator.Options(rows, body, seed, badFraction, bodyBytes));
            List<CatalogueGenerator.BadRow> bad = generator.writeCsv(csv, args.flag("bom"));
            CatalogueGenerator.writeBadRows(bad, work.resolve("bad-rows.csv"));
            badRows = bad.size();
        }

        LantaiProcess process = null;
        String url = args.get("url", "http://127.0.0.1:8080");
        if (withLantai && args.flag("start-lantai")) {
            LantaiProcess.Options o = new LantaiProcess.Options(Path.of(args.get("jar")),
                    args.get("lantai-heap", "1g"), args.getInt("port", 8080), work.resolve("data"),
                    work.resolve("lantai.log"));
            process = LantaiProcess.startFresh(o, args.getDuration("start-timeout", Duration.ofMinutes(10)));
            url = o.url().toString();
        }
        Baseline baseline = null;
        try {
            Baseline.ImportResult floorImport = null;
            LantaiRun.FileFacts facts;
            if (withFloor) {
                baseline = new Baseline(new Baseline.Options(csv, work.resolve("baseline"), args.get("jdbc-url"),
                        args.get("jdbc-user", "sa"), args.get("jdbc-password", ""), 1000,
                        args.getInt("index-threads", Runtime.getRuntime().availableProcessors())));
                log("floor: importing");
                floorImport = baseline.importAndIndex();
                log("floor: %,d rows searchable in %.1f s", floorImport.rows(), floorImport.seconds());
                facts = new LantaiRun.FileFacts(floorImport.rows(), floorImport.lastCode(), floorImport.lastTitle(),
                        floorImport.sampledTitles(), floorImport.sampledCodes());
            } else {
                facts = LantaiRun.scan(csv);
            }
            List<String> phrases = QueryPhrases.fromTitles(facts.sampledTitles(), 1000, 5);
            System.gc(); // leave the floor's import garbage out of what follows

            LantaiRun lantai = null;
            LantaiRun.ImportResult lantaiImport = null;
            long lantaiHeapMax = -1;
            HeapSampler heap = null;
            if (withLantai) {
                lantai = new LantaiRun(LantaiRun.options(args, url));
                if (process == null) {
                    lantaiHeapMax = lantai.heapMaxBytes();
                    heap = lantai.heapSampler();
                }
                log("lantai: importing %s into %s", csv, url);
                lantaiImport = lantai.importFile(csv, facts.rows(), facts.lastCode(), facts.lastTitle(),
                        args.getDuration("timeout", Duration.ofMinutes(60)));
                log("lantai: %s", lantaiImport);
            }
            double settleSeconds = -1;
            long pid = process != null ? process.pid() : args.getLong("pid", -1);
            if (withLantai && pid > 0 && !args.get("settle", "60m").equals("0")) {
                settleSeconds = settle(pid, args.getDuration("settle", Duration.ofMinutes(60)));
            }

            List<Report.ScenarioRun> runs = new ArrayList<>();
            SearchLoad.Result inProcess = null;
            LantaiRun.PublicCheck publicCheck = null;
            try (FloorServer floor = withFloor
                    ? new FloorServer(baseline, 0, args.getInt("floor-threads", 8)) : null) {
                HttpClient floorHttp = HttpSearch.client();
                for (Scenario scenario : scenarios) {
                    List<String> inputs = scenario.inputs(phrases, facts.sampledCodes());
                    String unavailable = lantai == null ? null : lantai.unavailable(scenario, inputs.get(0));
                    if (unavailable != null) {
                        log("lantai: %s unavailable (%s)", scenario.label(), unavailable);
                    } else if (lantai != null && scenario == Scenario.PUBLIC) {
                        publicCheck = lantai.checkPublic(inputs, 20);
                        log("lantai: public search checked: %s", publicCheck);
                    }
                    SearchLoad.Result[] floorLoads = new SearchLoad.Result[2], lantaiLoads = new SearchLoad.Result[2];
                    int[] counts = {1, clients};
                    for (int i = 0; i < counts.length; i++) {
                        if (floor != null) {
                            floorLoads[i] = load("floor", scenario, inputs, counts[i], warmup, duration,
                                    new HttpSearch(floorHttp, floor.uri(), scenario.floorPath(), null));
                        }
                        if (lantai != null && unavailable == null) {
                            lantaiLoads[i] = load("lantai", scenario, inputs, counts[i], warmup, duration,
                                    lantai.searcher(scenario));
                        }
                    }
                    runs.add(new Report.ScenarioRun(scenario, floorLoads[0], floorLoads[1], lantaiLoads[0],
                            lantaiLoads[1], unavailable));
                }
                if (baseline != null && scenarios.contains(Scenario.WORDS)) {
                    inProcess = SearchLoad.run(phrases, clients, warmup, duration, Long.MAX_VALUE, 11,
                            baseline::search);
                    log("in-process: words, %d clients: %s", clients, inProcess);
                }
            }

            double restartSeconds = -1;
            double laidOutRestartSeconds = -1;
            long lantaiHeap = -1;
            if (lantai != null) {
                if (process != null) {
                    LantaiRun signedIn = lantai;
                    String code = facts.lastCode();
                    log("lantai: restarting on the same data");
                    restartSeconds = process.restart(() -> signedIn.finds(code),
                            args.getDuration("start-timeout", Duration.ofMinutes(10)));
                    log("lantai: serving again %.1f s after the start", restartSeconds);
                    if (args.get("layout") != null) {
                        log("lantai: restarting from the layout in %s", args.get("layout"));
                        laidOutRestartSeconds = process.restartLaidOut(Path.of(args.get("layout")),
                                () -> signedIn.finds(code), args.getDuration("start-timeout", Duration.ofMinutes(10)));
                        log("lantai: serving again %.1f s after the start", laidOutRestartSeconds);
                    }
                }
                if (heap != null) {
                    heap.close();
                    lantaiHeap = heap.maxBytes();
                } else {
                    lantaiHeapMax = process.heapLimitBytes();
                    lantaiHeap = process.maxHeapUsedBytes();
                }
            }

            String command = args.get("command", ProcessHandle.current().info().commandLine().orElse("(unknown)"));
            String db = args.get("jdbc-url") == null ? "H2 (file)" : args.get("jdbc-url").replaceAll("\\?.*", "");
            Report.Run run = new Report.Run(command, facts.rows(), body || hasBody(csv), bodyBytes, badRows,
                    Files.size(csv), seed, db, clients, warmup.toSeconds() + " s warm-up then "
                    + duration.toSeconds() + " s", floorImport, lantaiImport, runs, inProcess, publicCheck, restartSeconds,
                    laidOutRestartSeconds,
                    floorImport == null ? -1 : floorImport.maxHeapBytes(), lantaiHeap, lantaiHeapMax, url,
                    settleSeconds);
            String section = new Report().render(run);
            System.out.println(section);
            if (!args.flag("no-report")) {
                Path report = Path.of(args.get("report", "docs/BENCHMARKS.md"));
                Report.append(report, section);
                log("appended to %s", report);
            }
        } finally {
            if (baseline != null) {
                baseline.close();
            }
            if (process != null) {
                process.close();
            }
        }
    }

    /**
     * Waits until Lantai's work behind the import (descriptions into the archival store, index merges) is done, so
     * that the searches are measured on a quiet Lantai as the floor's are: until the process used less than a tenth of
     * a core over five seconds, or {@code limit} passed. Returns the seconds waited.
     */
    private static double settle(long pid, Duration limit) throws InterruptedException {
        ProcessHandle lantai = ProcessHandle.of(pid).orElse(null);
        if (lantai == null) {
            return -1;
        }
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Duration before = lantai.info().totalCpuDuration().orElse(Duration.ZERO);
        while (System.nanoTime() < deadline) {
            Thread.sleep(5_000);
            Duration now = lantai.info().totalCpuDuration().orElse(Duration.ZERO);
            double cores = now.minus(before).toNanos() / 5e9;
            before = now;
            if (cores < 0.1) {
                break;
            }
            log("lantai: still busy behind the import (%.2f cores), %.0f s after it was searchable", cores,
                    (System.nanoTime() - start) / 1e9);
        }
        double waited = (System.nanoTime() - start) / 1e9;
        log("lantai: quiet %.0f s after the import was searchable", waited);
        return waited;
    }

    private static SearchLoad.Result load(String side, Scenario scenario, List<String> inputs, int clients,
            Duration warmup, Duration duration, SearchLoad.Searcher searcher) throws InterruptedException {
        SearchLoad.Result r = SearchLoad.run(inputs, clients, warmup, duration, Long.MAX_VALUE, 11,
                scenario.firstHitIsInput(), searcher);
        log("%s: %s, %d client%s: %,.0f q/s, p50 %.1f, p95 %.1f, p99 %.1f ms, %d errors, %d misses", side,
                scenario.label(), clients, clients == 1 ? "" : "s", r.qps(), r.p50(), r.p95(), r.p99(), r.errors(),
                r.misses());
        return r;
    }

    private static boolean hasBody(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.findFirst().map(h -> h.contains("全文")).orElse(false);
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}
