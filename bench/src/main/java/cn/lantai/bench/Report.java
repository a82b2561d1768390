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
 * The Markdown section a benchmark run adds to docs/BENCHMARKS.md: when, on what machine, with what data and command;
 * per search scenario Lantai's figures beside the HTTP floor's (raw Lucene behind the JDK's HTTP server) with their
 * ratios; the import until searchable against the floor's import; start to serving after a restart; heap; and each
 * target of the issue, met or not. The targets are set for two kinds of run on a 2-core machine, 100,000 rows without
 * body text and 1,000,000 rows with body text (全文); a run of another size is checked against the targets of its
 * kind and marked as indicative.
 */
final class Report {

    static final double QPS_RATIO = 0.5, P95_RATIO = 2, IMPORT_RATIO = 0.8, START_SECONDS = 10;
    static final long START_ROWS = 1_000_000, TARGET_HEAP = 1L << 30;

    /** The targets of one kind of run; a null latency bound does not apply to that kind. */
    record Targets(String name, long rows, Double p95OneClientMs, Double blankP95OneClientMs) {
        static Targets of(boolean body) {
            return body ? new Targets("1,000,000 rows with body text", 1_000_000, null, 100.0)
                    : new Targets("100,000 rows without body text", 100_000, 20.0, null);
        }
    }

    /** One scenario's loads; Lantai's are null with {@code lantaiUnavailable} saying why, the floor's when skipped. */
    record ScenarioRun(Scenario scenario, SearchLoad.Result floorOne, SearchLoad.Result floorMany,
            SearchLoad.Result lantaiOne, SearchLoad.Result lantaiMany, String lantaiUnavailable) {
    }

    /**
     * Everything a section shows; Lantai's or the floor's figures are null (or negative) when that half was skipped.
     * {@code inProcess} is the words scenario with raw Lucene in the harness JVM, without HTTP.
     */
    record Run(String command, long rows, boolean body, int bodyBytes, long badRows, long fileBytes, long seed,
            String baselineDb, int clients, String duration, Baseline.ImportResult floorImport,
            LantaiRun.ImportResult lantaiImport, List<ScenarioRun> scenarios, SearchLoad.Result inProcess,
            LantaiRun.PublicCheck publicCheck, double restartSeconds, double laidOutRestartSeconds, long baselineHeap, long lantaiHeap, long lantaiHeapMax, String lantaiUrl,
            double settleSeconds) {
    }

    private final List<String> lines = new ArrayList<>();

    String render(Run run) {
        Targets targets = Targets.of(run.body());
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
        line("- Floor: commons-csv → batched JDBC (1000 rows a transaction) into " + run.baselineDb()
                + " + Lucene 9.12 with SmartChineseAnalyzer (one catch-all field), in the harness JVM; searches"
                + " served by the JDK's HTTP server, top 20 as JSON of 档号 and 题名");
        if (run.lantaiImport() != null) {
            LantaiRun.ImportResult l = run.lantaiImport();
            line("- Lantai: " + run.lantaiUrl() + ", heap limit " + (run.lantaiHeapMax() > 0
                    ? mib(run.lantaiHeapMax()) : "unknown") + String.format(Locale.ROOT,
                    "; accepted %,d, rejected %,d; upload %.1f s, job done at %.1f s, searchable at %.1f s (found by %s)",
                    l.accepted(), l.rejected(), l.uploadSeconds(), l.jobSeconds(), l.seconds(), l.probe()));
            if (run.settleSeconds() >= 0) {
                line(String.format(Locale.ROOT, "- Lantai's work behind the import (descriptions into the archival"
                        + " store, merges) went on for %.0f s after it was searchable; the searches were measured"
                        + " once its processor use had fallen below a tenth of a core", run.settleSeconds()));
            }
        }
        line("- Search load: 1 client, then " + run.clients() + " clients, " + run.duration() + " each, Lantai and"
                + " the floor in turn; words are 1–2 words drawn from the titles, 档号 those of imported rows;"
                + " latency per request at the client");
        line("- Targets for " + targets.name() + (run.rows() == targets.rows() ? ""
                : "; this run has " + String.format(Locale.ROOT, "%,d", run.rows()) + " rows, so its figures are"
                + " indicative only"));
        line("");
        searchTable(run);
        line("");
        otherTable(run);
        line("");
        targetTable(run, targets);
        line("");
        return String.join("\n", lines) + "\n";
    }

    private void searchTable(Run run) {
        int n = run.clients();
        line("| Scenario | | q/s at " + n + " | p50 at 1 (ms) | p95 at 1 | p99 at 1 | p50 at " + n + " | p95 at " + n
                + " | p99 at " + n + " | Mean hits | Errors, misses |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (ScenarioRun s : run.scenarios()) {
            if (s.lantaiUnavailable() != null) {
                line("| " + s.scenario().label() + " | Lantai | unavailable: " + s.lantaiUnavailable()
                        + " | | | | | | | | |");
            } else if (s.lantaiMany() != null) {
                searchRow(s.scenario().label(), "Lantai", s.lantaiOne(), s.lantaiMany());
            }
            if (s.floorMany() != null) {
                searchRow(s.lantaiUnavailable() == null && s.lantaiMany() != null ? "" : s.scenario().label(),
                        "floor (HTTP)", s.floorOne(), s.floorMany());
            }
            if (s.scenario() == Scenario.WORDS && run.inProcess() != null) {
                SearchLoad.Result r = run.inProcess();
                line("| | raw Lucene in-process | " + fmt("%,.0f", r.qps()) + " | — | — | — | " + ms(r.p50())
                        + " | " + ms(r.p95()) + " | " + ms(r.p99()) + " | " + fmt("%,.0f", r.meanHits()) + " | "
                        + r.errors() + " |");
            }
            if (s.lantaiMany() != null && s.floorMany() != null) {
                line("| | Lantai / floor | " + ratio(s.lantaiMany().qps(), s.floorMany().qps()) + " | "
                        + ratio(s.lantaiOne().p50(), s.floorOne().p50()) + " | "
                        + ratio(s.lantaiOne().p95(), s.floorOne().p95()) + " | "
                        + ratio(s.lantaiOne().p99(), s.floorOne().p99()) + " | "
                        + ratio(s.lantaiMany().p50(), s.floorMany().p50()) + " | "
                        + ratio(s.lantaiMany().p95(), s.floorMany().p95()) + " | "
                        + ratio(s.lantaiMany().p99(), s.floorMany().p99()) + " | | |");
            }
        }
    }

    private void searchRow(String scenario, String side, SearchLoad.Result one, SearchLoad.Result many) {
        long errors = one.errors() + many.errors(), misses = one.misses() + many.misses();
        line((scenario.isEmpty() ? "| | " : "| " + scenario + " | ") + side + " | " + fmt("%,.0f", many.qps()) + " | " + ms(one.p50()) + " | "
                + ms(one.p95()) + " | " + ms(one.p99()) + " | " + ms(many.p50()) + " | " + ms(many.p95()) + " | "
                + ms(many.p99()) + " | " + fmt("%,.0f", many.meanHits()) + " | " + errors + ", " + misses + " |");
    }

    private void otherTable(Run run) {
        line("| Metric | Lantai | Floor | Ratio (Lantai / floor) |");
        line("|---|---:|---:|---:|");
        Baseline.ImportResult fi = run.floorImport();
        LantaiRun.ImportResult li = run.lantaiImport();
        row("Imported and searchable (s)", li == null ? null : li.seconds(), fi == null ? null : fi.seconds(),
                "%.1f");
        row("Import until searchable (rows/s)", li == null ? null : li.rowsPerSecond(),
                fi == null ? null : fi.rowsPerSecond(), "%,.0f");
        row("Start to serving after a restart (s)", run.restartSeconds() >= 0 ? run.restartSeconds() : null, null,
                "%.1f");
        row("Start to serving after a restart, laid out with its class archive (s)",
                run.laidOutRestartSeconds() >= 0 ? run.laidOutRestartSeconds() : null, null, "%.1f");
        row("Heap used, max (MiB)", run.lantaiHeap() > 0 ? run.lantaiHeap() / 1048576.0 : null,
                run.baselineHeap() > 0 ? run.baselineHeap() / 1048576.0 : null, "%,.0f");
        row("Heap limit (MiB)", run.lantaiHeapMax() > 0 ? run.lantaiHeapMax() / 1048576.0 : null, null, "%,.0f");
    }

    private void targetTable(Run run, Targets targets) {
        line("| Target | Measured | Met? |");
        line("|---|---|---|");
        int n = run.clients();
        for (ScenarioRun s : run.scenarios()) {
            String label = s.scenario().label();
            SearchLoad.Result lOne = s.lantaiOne(), lMany = s.lantaiMany(), fOne = s.floorOne(), fMany = s.floorMany();
            if (lMany != null && fMany != null) {
                double qps = lMany.qps() / fMany.qps();
                target(label + ": q/s at " + n + " ≥ " + times(QPS_RATIO) + " the floor's", String.format(Locale.ROOT,
                        "%.2f× (%,.0f vs %,.0f)", qps, lMany.qps(), fMany.qps()), qps >= QPS_RATIO);
                double p95 = lMany.p95() / fMany.p95();
                target(label + ": p95 at " + n + " ≤ " + times(P95_RATIO) + " the floor's", String.format(Locale.ROOT,
                        "%.2f× (%.1f vs %.1f ms)", p95, lMany.p95(), fMany.p95()), p95 <= P95_RATIO);
            } else {
                target(label + ": ratios to the floor", s.lantaiUnavailable() != null
                        ? "not measured: Lantai's endpoint unavailable" : "not measured", null);
            }
            Double bound = targets.p95OneClientMs() != null ? targets.p95OneClientMs()
                    : s.scenario() == Scenario.BLANK ? targets.blankP95OneClientMs() : null;
            if (bound != null) {
                target(label + ": p95 with one client ≤ " + fmt("%.0f", bound) + " ms", lOne == null
                        ? "not measured" : ms(lOne.p95()) + " ms", lOne == null ? null : lOne.p95() <= bound);
            }
            if (lOne != null && (lOne.errors() + lMany.errors() + lOne.misses() + lMany.misses()) > 0) {
                target(label + ": no errors, 档号 found first", (lOne.errors() + lMany.errors()) + " errors, "
                        + (lOne.misses() + lMany.misses()) + " misses", false);
            }
        }
        LantaiRun.PublicCheck pc = run.publicCheck();
        if (pc != null) {
            target(Scenario.PUBLIC.label() + ": only open, unclassified records", String.format(Locale.ROOT,
                    "%,d hits of %d queries checked, %,d not open or classified", pc.hits(), pc.queries(),
                    pc.closed()), pc.closed() == 0 && pc.hits() > 0);
        }
        Baseline.ImportResult fi = run.floorImport();
        LantaiRun.ImportResult li = run.lantaiImport();
        if (li != null && fi != null) {
            double r = li.rowsPerSecond() / fi.rowsPerSecond();
            target("Import until searchable ≥ " + times(IMPORT_RATIO) + " the floor's rows/s", String.format(Locale.ROOT,
                    "%.2f× (%,.0f vs %,.0f rows/s)", r, li.rowsPerSecond(), fi.rowsPerSecond()), r >= IMPORT_RATIO);
        } else {
            target("Import until searchable ≥ " + times(IMPORT_RATIO) + " the floor's rows/s", "not measured", null);
        }
        // a server runs Lantai as bin/lantai-layout lays it out: where that start was measured, it is the one judged
        double start = run.laidOutRestartSeconds() >= 0 ? run.laidOutRestartSeconds() : run.restartSeconds();
        target("Start to serving ≤ " + fmt("%.0f", START_SECONDS) + " s with 1,000,000 items",
                start < 0 ? "not measured (needs --start-lantai)"
                        : String.format(Locale.ROOT, "%.1f s with %,d rows", start, run.rows())
                        + (run.laidOutRestartSeconds() >= 0 ? String.format(Locale.ROOT,
                                " (laid out with its class archive; %.1f s from the built jar)", run.restartSeconds())
                                : ""),
                start < 0 ? null : start <= START_SECONDS);
        if (run.lantaiHeap() > 0 || run.lantaiHeapMax() > 0) {
            boolean limited = run.lantaiHeapMax() > 0 && run.lantaiHeapMax() <= TARGET_HEAP;
            target("Heap ≤ 1 GiB throughout", "limit " + (run.lantaiHeapMax() > 0 ? mib(run.lantaiHeapMax())
                    : "unknown") + ", max used " + (run.lantaiHeap() > 0 ? mib(run.lantaiHeap()) : "unknown"),
                    limited && run.lantaiHeap() <= TARGET_HEAP);
        }
    }

    private void target(String target, String measured, Boolean met) {
        line("| " + target + " | " + measured + " | " + (met == null ? "—" : met ? "yes" : "**no**") + " |");
    }

    private void row(String metric, Double lantai, Double floor, String format) {
        String ratio = lantai == null || floor == null || floor == 0 ? "—"
                : String.format(Locale.ROOT, "%.2f×", lantai / floor);
        line("| " + metric + " | " + fmt(format, lantai) + " | " + fmt(format, floor) + " | " + ratio + " |");
    }

    private static String ratio(double lantai, double floor) {
        return Double.isNaN(lantai) || Double.isNaN(floor) || floor == 0 ? "—"
                : String.format(Locale.ROOT, "%.2f×", lantai / floor);
    }

    /** A target's factor as people write it: 2×, 0.5×. */
    private static String times(double factor) {
        return (factor == Math.rint(factor) ? String.format(Locale.ROOT, "%.0f", factor) : Double.toString(factor))
                + "×";
    }

    private static String ms(double v) {
        return fmt("%.1f", v);
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
