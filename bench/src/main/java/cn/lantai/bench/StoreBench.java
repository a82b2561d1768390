package cn.lantai.bench;

import cn.lantai.LantaiApplication;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.FixityAuditStart;
import cn.lantai.preservation.internal.fixity.FixityAuditStarter;
import cn.lantai.preservation.internal.store.StorageRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The archival store's benchmark (issue 10, item 10), Lantai and its floor side by side in one run on the same files:
 * ingest through {@link ArchivalStore#deposit} (one OCFL version per record: both digests, the copy, the SM3 fixity
 * entry, description and PREMIS) against a plain {@code cp -r} of the same files and {@code sha256sum} of the copies;
 * the fixity audit (SHA-256 and SM3 of every stored file, a PREMIS event written per object) against {@code sha256sum}
 * over the same storage root; and SM3 alone, and the JDK's SHA-256 alone, over the same files against
 * {@code sha256sum}. Every side uses as many workers as there are processors ({@code xargs -P} for the floor).
 *
 * <pre>
 * java -Xmx1g -cp ... cn.lantai.bench.StoreBench [--records 10000] [--files-per-record 10] [--mean-kb 20] [--seed 42]
 *      [--work bench/work/store] [--report docs/BENCHMARKS.md | --no-report] [--command "how it was started"]
 * </pre>
 */
public final class StoreBench {

    static final double INGEST_TARGET = 0.5, FIXITY_TARGET = 0.8;
    private static final long BASE_ID = 1_000_000_000L;

    /** Seconds each side took; a ratio is the floor's time over Lantai's (≥ 1: Lantai as fast). */
    record Figures(long records, long files, long bytes, int workers, double lantaiIngest, double floorIngest,
            double lantaiAudit, double floorAudit, long auditedFiles, long auditedBytes, double sm3Alone,
            double sha256Alone, double floorSha256Store, String loadBefore, String loadAfter) {

        double ingestRatio() {
            return floorIngest / lantaiIngest;
        }

        double auditRatio() {
            return floorAudit / lantaiAudit;
        }
    }

    private StoreBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        StoreCorpus.Options options = new StoreCorpus.Options(args.getInt("records", 10_000),
                args.getInt("files-per-record", 10), args.getInt("mean-kb", 20) * 1024, args.getLong("seed", 42));
        Path work = Path.of(args.get("work", "bench/work/store")).toAbsolutePath();
        deleteTree(work);
        log("writing %,d records of %d files (mean %,d bytes) under %s", options.records(), options.filesPerRecord(),
                options.meanBytes(), work);
        List<StoreCorpus.CorpusRecord> corpus = StoreCorpus.write(options, work.resolve("corpus"));
        try (ConfigurableApplicationContext lantai = new SpringApplicationBuilder(LantaiApplication.class)
                .run("--server.port=0", "--lantai.data-dir=" + work.resolve("data"), "--lantai.fixity.schedule=-",
                        "--logging.level.root=warn", "--lantai.admin-password=Bench-admin-" + System.nanoTime(),
                        "--lantai.secadmin-password=Bench-secadmin-" + System.nanoTime(),
                        "--lantai.auditor-password=Bench-auditor-" + System.nanoTime(),
                        "--lantai.audit.key-file=" + work.resolve("keys/sm2-key.pem"))) {
            List<Item> items = new ArrayList<>();
            for (StoreCorpus.CorpusRecord r : corpus) {
                items.add(item(BASE_ID + r.number()));
            }
            Figures figures = measure(lantai, items, corpus, work);
            String section = section(figures, args.get("command", "bench/store"));
            System.out.println(section);
            if (!args.flag("no-report")) {
                Report.append(Path.of(args.get("report", "docs/BENCHMARKS.md")), section);
            }
        }
    }

    /** Runs both sides on the corpus with the application's store; items pair with the corpus's records in order. */
    static Figures measure(ApplicationContext lantai, List<Item> items, List<StoreCorpus.CorpusRecord> corpus,
            Path work) throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        String loadBefore = load();
        Path copy = work.resolve("floor-copy");
        deleteTree(copy);
        Path source = corpus.get(0).files().get(0).path().getParent().getParent();
        log("floor: cp -r and sha256sum");
        double floorIngest = seconds(() -> sh("cp -r '" + source + "' '" + copy + "' && " + sha256sum(copy, workers)));

        ArchivalStore store = lantai.getBean(ArchivalStore.class);
        log("Lantai: deposit");
        double lantaiIngest = seconds(() -> inParallel(workers, corpus.size(), i -> store.deposit(new Deposit(
                items.get(i), corpus.get(i).files().stream().map(f -> new ContentFile(f.name(), f.path(), f.format()))
                .toList(), List.of(), "bench", "benchmark"))));

        Path root = lantai.getBean(StorageRoot.class).path();
        log("floor: sha256sum over the store");
        double floorAudit = seconds(() -> sh(sha256sum(root, workers)));
        log("Lantai: fixity audit");
        long[] audited = new long[2];
        double lantaiAudit = seconds(() -> audited(lantai, audited));
        List<Path> stored;
        try (Stream<Path> files = Files.walk(root)) {
            stored = files.filter(Files::isRegularFile).toList();
        }
        log("SM3 alone, SHA-256 alone");
        double sm3 = seconds(() -> digestAll(stored, workers, StoreBench::sm3));
        double sha256 = seconds(() -> digestAll(stored, workers, StoreBench::sha256));
        double floorStore = seconds(() -> sh(sha256sum(root, workers)));
        return new Figures(corpus.size(), StoreCorpus.files(corpus), StoreCorpus.bytes(corpus), workers, lantaiIngest,
                floorIngest, lantaiAudit, floorAudit, audited[0], audited[1], sm3, sha256, floorStore, loadBefore,
                load());
    }

    /** Starts an audit (or joins the one under way), waits for its end and answers its files and bytes. */
    private static void audited(ApplicationContext lantai, long[] filesAndBytes) throws InterruptedException {
        FixityAuditStart start = lantai.getBean(FixityAuditStarter.class).begin("bench", null);
        Jobs jobs = lantai.getBean(Jobs.class);
        JobStatus job = jobs.status(start.id());
        while (job.finishedAt() == null) {
            Thread.sleep(20);
            job = jobs.status(start.id());
        }
        if (!"fixity.ok".equals(job.message())) {
            log("the audit ended with %s (%s)", job.state(), job.message());
        }
        lantai.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT files_checked, bytes_checked FROM fixity_audit WHERE job_id = ?").param(start.id().value())
                .query(rs -> {
                    filesAndBytes[0] = rs.getLong(1);
                    filesAndBytes[1] = rs.getLong(2);
                });
    }

    static String section(Figures f, String command) {
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder s = new StringBuilder();
        s.append("## ").append(when).append(" — archival store: ingest and fixity audit (issue 10)\n\n");
        s.append("Command: `").append(command).append("`\n\n");
        s.append("- Machine: ").append(Report.Machine.describe()).append("; load average before ")
                .append(f.loadBefore()).append(", after ").append(f.loadAfter()).append("\n");
        s.append(String.format(Locale.ROOT, "- Data: %,d records, %,d files, %s (mean %,d bytes a file: PDF, JPEG, PNG "
                + "signatures over random bytes, sizes log-normal); %d workers on each side; files in the page cache on "
                + "both sides%n", f.records(), f.files(), mib(f.bytes()), f.files() == 0 ? 0 : f.bytes() / f.files(),
                f.workers()));
        s.append(String.format(Locale.ROOT, "- Fixity audit re-read %,d files, %s (content, description.json and "
                + "premis.xml of each head; the floor hashes every file under the storage root, inventories too)%n%n",
                f.auditedFiles(), mib(f.auditedBytes())));
        s.append("| Step | Lantai (s) | Floor (s) | Ratio (floor time / Lantai's) | Target | Met? |\n");
        s.append("|---|---:|---:|---:|---|---|\n");
        s.append(row("Ingest: `ArchivalStore.deposit` vs `cp -r` + `sha256sum`", f.lantaiIngest(), f.floorIngest(),
                INGEST_TARGET));
        s.append(row("Fixity audit (SHA-256 + SM3, PREMIS event per object) vs `sha256sum` of the store",
                f.lantaiAudit(), f.floorAudit(), FIXITY_TARGET));
        s.append(row("SM3 alone (BouncyCastle) vs `sha256sum`, same files", f.sm3Alone(), f.floorSha256Store(), null));
        s.append(row("SHA-256 alone (JDK) vs `sha256sum`, same files", f.sha256Alone(), f.floorSha256Store(), null));
        s.append(String.format(Locale.ROOT, "%nThroughput: ingest %s/s (Lantai) vs %s/s; audit %s/s vs %s/s; "
                + "SM3 alone %s/s, SHA-256 alone %s/s.%n", mib(rate(f.bytes(), f.lantaiIngest())),
                mib(rate(f.bytes(), f.floorIngest())), mib(rate(f.auditedBytes(), f.lantaiAudit())),
                mib(rate(f.auditedBytes(), f.floorAudit())), mib(rate(f.auditedBytes(), f.sm3Alone())),
                mib(rate(f.auditedBytes(), f.sha256Alone()))));
        return s.toString();
    }

    private static String row(String step, double lantai, double floor, Double target) {
        double ratio = floor / lantai;
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f× | %s | %s |%n", step, lantai, floor, ratio,
                target == null ? "—" : "≥ " + target + "×", target == null ? "—" : ratio >= target ? "yes" : "**no**");
    }

    private static Item item(long id) {
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.put(DescriptionField.FONDS, "0001");
        fields.put(DescriptionField.CATEGORY, "WS");
        fields.put(DescriptionField.YEAR, "2024");
        fields.put(DescriptionField.RETENTION, "Y");
        fields.put(DescriptionField.ORG, "BGS");
        fields.put(DescriptionField.TITLE, "关于基准测试第 " + id + " 件的通知");
        return new Item(new ItemId(id), "0001-WS·2024-Y-BGS-" + id, new Description(fields), Map.of(), 1,
                Instant.now());
    }

    private static String sha256sum(Path dir, int workers) {
        return "find '" + dir + "' -type f -print0 | xargs -0 -P " + workers + " -n 256 sha256sum > /dev/null";
    }

    private static void sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed (" + p.exitValue() + "): " + command);
        }
    }

    private static void digestAll(List<Path> files, int workers, Consumer<Path> digest) throws Exception {
        inParallel(workers, files.size(), i -> digest.accept(files.get(i)));
    }

    private static void sm3(Path file) {
        SM3Digest sm3 = new SM3Digest();
        read(file, sm3::update);
        sm3.doFinal(new byte[32], 0);
    }

    private static void sha256(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            read(file, sha::update);
            sha.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    private static void read(Path file, Sink sink) {
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sink.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private interface Indexed {
        void run(int i) throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void inParallel(int workers, int count, Indexed task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += workers) {
                        task.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long rate(long bytes, double seconds) {
        return (long) (bytes / seconds);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[store-bench] " + String.format(Locale.ROOT, format, args));
    }
}
