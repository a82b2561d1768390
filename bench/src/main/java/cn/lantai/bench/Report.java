package cn.lantai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown section a benchmark run adds to docs/BENCHMARKS.md: when, on what machine, with what data and command,
 * and a table of Lantai's figures against the baseline's with ratios and the targets of the issue. Targets are defined
 * for 1,000,000 rows with body text (全文) on a 2-core machine; other runs are marked as indicative.
 */
final class Report {

    static final long TARGET_ROWS = 1_000_000;
    static final double TARGET_SECONDS = 60, TARGET_IMPORT_RATIO = 0.5, TARGET_P95_MS = 50, TARGET_P95_RATIO = 2;
    static final long TARGET_HEAP = 1L << 30;

    /** Everything a section shows; Lantai or baseline figures are null when that part was skipped. */
    record Run(String command, long rows, boolean body, int bodyBytes, long badRows, long fileBytes, long seed,
            String baselineDb, int clients, String duration, Baseline.ImportResult baselineImport,
            SearchLoad.Result baselineSearch, long baselineHeap, LantaiRun.ImportResult lantaiImport,
            SearchLoad.Result lantaiSearch, long lantaiHeap, long lantaiHeapMax, String lantaiUrl) {
    }

    private final List<String> lines = new ArrayList<>();

    String render(Run run) {
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        line("## " + when + " — " + String.format(Locale.ROOT, "%,d", run.rows()) + " rows"
                + (run.body() ? " with body text" : " without body text"));
        line("");
        line("Command: `" + run.command() + "`");
        line("");
        line("- Machine: " + Machine.describe());
        line("- Data: " + String.format(Locale.ROOT, "%,d rows (%s made bad on purpose), %s, CSV of %s, seed %d",
                run.rows(), run.badRows() < 0 ? "unknown number" : String.format(Locale.ROOT, "%,d", run.badRows()),
                run.body() ? "body text ~" + run.bodyBytes() + " bytes a row"
                        : "no body text", mib(run.fileBytes()), run.seed()));
        line("- Baseline: commons-csv → batched JDBC (1000 rows a transaction) into " + run.baselineDb()
                + " + Lucene 9.12 with SmartChineseAnalyzer, in the harness JVM");
        if (run.lantaiImport() != null) {
            LantaiRun.ImportResult l = run.lantaiImport();
            line("- Lantai: " + run.lantaiUrl() + ", heap limit " + (run.lantaiHeapMax() > 0
                    ? mib(run.lantaiHeapMax()) : "unknown") + String.format(Locale.ROOT,
                    "; accepted %,d, rejected %,d; upload %.1f s, job done at %.1f s, searchable at %.1f s (found by %s)",
                    l.accepted(), l.rejected(), l.uploadSeconds(), l.jobSeconds(), l.seconds(), l.probe()));
        }
        line("- Search load: " + run.clients() + " clients, " + run.duration()
                + ", phrases of 1–2 words drawn from the titles; latency per request at the client");
        if (run.rows() != TARGET_ROWS || !run.body()) {
            line("- Targets are set for 1,000,000 rows with body text: figures of this run are indicative only.");
        }
        line("");
        line("| Metric | Lantai | Baseline | Ratio (Lantai / baseline) | Target | Met? |");
        line("|---|---:|---:|---:|---|---|");
        Baseline.ImportResult bi = run.baselineImport();
        LantaiRun.ImportResult li = run.lantaiImport();
        Double lSec = li == null ? null : li.seconds(), bSec = bi == null ? null : bi.seconds();
        double targetSeconds = TARGET_SECONDS * run.rows() / TARGET_ROWS;
        row("Imported and searchable (s)", lSec, bSec, "%.1f",
                String.format(Locale.ROOT, targetSeconds >= 10 ? "≤ %.0f s (60 s per 1 M rows)"
                        : "≤ %.2f s (60 s per 1 M rows)", targetSeconds),
                lSec == null ? null : lSec <= targetSeconds);
        Double lRate = li == null ? null : li.rowsPerSecond(), bRate = bi == null ? null : bi.rowsPerSecond();
        row("Import rate (rows/s)", lRate, bRate, "%,.0f", "≥ 0.5× baseline",
                lRate == null || bRate == null ? null : lRate / bRate >= TARGET_IMPORT_RATIO);
        SearchLoad.Result ls = run.lantaiSearch(), bs = run.baselineSearch();
        row("Search p50 (ms)", ls == null ? null : ls.p50(), bs == null ? null : bs.p50(), "%.2f", "", null);
        Double lp95 = ls == null ? null : ls.p95(), bp95 = bs == null ? null : bs.p95();
        row("Search p95 (ms)", lp95, bp95, "%.2f", "≤ 50 ms and ≤ 2× baseline", lp95 == null ? null
                : lp95 <= TARGET_P95_MS && (bp95 == null || lp95 / bp95 <= TARGET_P95_RATIO));
        row("Search p99 (ms)", ls == null ? null : ls.p99(), bs == null ? null : bs.p99(), "%.2f", "", null);
        row("Search throughput (queries/s)", ls == null ? null : ls.qps(), bs == null ? null : bs.qps(), "%,.0f",
                "", null);
        row("Search errors", ls == null ? null : (double) ls.errors(), bs == null ? null : (double) bs.errors(),
                "%.0f", "0", ls == null ? null : ls.errors() == 0);
        row("Mean hits a query", ls == null ? null : ls.meanHits(), bs == null ? null : bs.meanHits(), "%,.0f", "",
                null);
        Double lHeap = run.lantaiHeap() > 0 ? run.lantaiHeap() / 1048576.0 : null;
        Double bHeap = run.baselineHeap() > 0 ? run.baselineHeap() / 1048576.0 : null;
        row("Heap used, max sampled (MiB)", lHeap, bHeap, "%,.0f", "≤ 1024 MiB",
                lHeap == null ? null : run.lantaiHeap() <= TARGET_HEAP);
        line("");
        return String.join("\n", lines) + "\n";
    }

    private void row(String metric, Double lantai, Double baseline, String format, String target, Boolean met) {
        String ratio = lantai == null || baseline == null || baseline == 0 ? "—"
                : String.format(Locale.ROOT, "%.2f×", lantai / baseline);
        line("| " + metric + " | " + fmt(format, lantai) + " | " + fmt(format, baseline) + " | " + ratio + " | "
                + (target.isEmpty() ? "—" : target) + " | " + (met == null ? "—" : met ? "yes" : "**no**") + " |");
    }

    private static String fmt(String format, Double v) {
        return v == null || v.isNaN() ? "—" : String.format(Locale.ROOT, format, v);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }

    private void line(String s) {
        lines.add(s);
    }

    /** Appends a section to the report file, creating it with a heading when missing. */
    static void append(Path file, String section) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n\nWritten by bench/run (see bench/README.md).\n",
                    StandardCharsets.UTF_8);
        }
        Files.writeString(file, "\n" + section, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The machine a run happened on: processors, memory, CPU model, OS and Java. */
    static final class Machine {
        private Machine() {
        }

        static String describe() {
            String cpu = procLine("/proc/cpuinfo", "model name");
            String mem = procLine("/proc/meminfo", "MemTotal");
            String memText = "memory unknown";
            if (mem != null) {
                long kb = Long.parseLong(mem.replaceAll("[^0-9]", ""));
                memText = String.format(Locale.ROOT, "%.1f GiB RAM", kb / 1048576.0);
            }
            return Runtime.getRuntime().availableProcessors() + " CPUs (nproc)" + (cpu == null ? "" : ", " + cpu)
                    + ", " + memText + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                    + ", Java " + System.getProperty("java.version");
        }

        private static String procLine(String file, String key) {
            try {
                return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
