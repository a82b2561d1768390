package cn.lantai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One benchmark run end to end: generates the catalogue file (or reuses one), runs the {@link Baseline} (raw Lucene +
 * batched JDBC), then {@link LantaiRun} against a running Lantai, and writes a Markdown section with absolute figures,
 * ratios to the baseline and the targets to stdout and to docs/BENCHMARKS.md.
 *
 * <pre>
 * java -Xmx1g -cp ... cn.lantai.bench.Bench --rows 1000000 --body [--url http://127.0.0.1:8080] [--password p]
 *      [--csv bench/work/rows.csv --reuse] [--bad 0] [--seed 42] [--clients 32] [--warmup 10s] [--duration 60s]
 *      [--jdbc-url jdbc:postgresql://... --jdbc-user u --jdbc-password p] [--skip-baseline] [--skip-lantai]
 *      [--pid lantaiPid] [--report docs/BENCHMARKS.md | --no-report] [--command "how it was started"]
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
        Duration warmup = args.getDuration("warmup", Duration.ofSeconds(10));
        Duration duration = args.getDuration("duration", Duration.ofSeconds(60));
        Path work = Path.of(args.get("work", "bench/work"));
        Path csv = Path.of(args.get("csv", work.resolve("rows.csv").toString()));

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

        Baseline.ImportResult baselineImport = null;
        SearchLoad.Result baselineSearch = null;
        List<String> phrases;
        LantaiRun.FileFacts facts;
        if (!args.flag("skip-baseline")) {
            Baseline.Options options = new Baseline.Options(csv, work.resolve("baseline"), args.get("jdbc-url"),
                    args.get("jdbc-user", "sa"), args.get("jdbc-password", ""), 1000,
                    args.getInt("index-threads", Runtime.getRuntime().availableProcessors()));
            try (Baseline baseline = new Baseline(options)) {
                log("baseline: importing");
                baselineImport = baseline.importAndIndex();
                log("baseline: %,d rows searchable in %.1f s", baselineImport.rows(), baselineImport.seconds());
                phrases = QueryPhrases.fromTitles(baselineImport.sampledTitles(), 1000, 5);
                log("baseline: search load, %d clients, %s", clients, duration);
                baselineSearch = baseline.searchLoad(phrases, clients, warmup, duration, Long.MAX_VALUE);
                log("baseline: %s", baselineSearch);
            }
            facts = new LantaiRun.FileFacts(baselineImport.rows(), baselineImport.lastCode(),
                    baselineImport.lastTitle(), baselineImport.sampledTitles());
        } else {
            facts = LantaiRun.scan(csv);
            phrases = QueryPhrases.fromTitles(facts.sampledTitles(), 1000, 5);
        }
        System.gc(); // leave the baseline's garbage out of the Lantai half of the run

        LantaiRun.ImportResult lantaiImport = null;
        SearchLoad.Result lantaiSearch = null;
        long lantaiHeap = -1, lantaiHeapMax = -1;
        String url = args.get("url", "http://127.0.0.1:8080");
        if (!args.flag("skip-lantai")) {
            LantaiRun lantai = new LantaiRun(LantaiRun.options(args));
            lantaiHeapMax = lantai.heapMaxBytes();
            try (HeapSampler heap = lantai.heapSampler()) {
                log("lantai: importing %s into %s", csv, url);
                lantaiImport = lantai.importFile(csv, facts.rows(), facts.lastCode(), facts.lastTitle(),
                        args.getDuration("timeout", Duration.ofMinutes(60)));
                log("lantai: %s", lantaiImport);
                log("lantai: search load, %d clients, %s", clients, duration);
                lantaiSearch = lantai.searchLoad(phrases, clients, warmup, duration, Long.MAX_VALUE);
                log("lantai: %s", lantaiSearch);
                lantaiHeap = heap.maxBytes();
            }
        }

        String command = args.get("command", ProcessHandle.current().info().commandLine().orElse("(unknown)"));
        String db = args.get("jdbc-url") == null ? "H2 (file)" : args.get("jdbc-url").replaceAll("\\?.*", "");
        Report.Run run = new Report.Run(command, facts.rows(), body || hasBody(csv), bodyBytes, badRows,
                Files.size(csv), seed, db, clients, warmup.toSeconds() + " s warm-up then " + duration.toSeconds()
                + " s", baselineImport, baselineSearch, baselineImport == null ? -1 : baselineImport.maxHeapBytes(),
                lantaiImport, lantaiSearch, lantaiHeap, lantaiHeapMax, url);
        String section = new Report().render(run);
        System.out.println(section);
        if (!args.flag("no-report")) {
            Path report = Path.of(args.get("report", "docs/BENCHMARKS.md"));
            Report.append(report, section);
            log("appended to %s", report);
        }
    }

    private static boolean hasBody(Path csv) throws java.io.IOException {
        try (var lines = Files.lines(csv)) {
            return lines.findFirst().map(h -> h.contains("全文")).orElse(false);
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}
