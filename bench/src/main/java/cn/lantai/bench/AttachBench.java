package cn.lantai.bench;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatches;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.iiif.Pyramids;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scan batches' benchmark (issue 11, item 9): attaching (挂接) a whole inbox folder of page images against a floor
 * that only walks the same folder and hashes every file, in the same run on the same files.
 *
 * <p>It catalogues {@code --entries} entries (the catalogue generator's rows, 页数 = {@code --pages-per-entry})
 * through the catalogue import, writes their pages into the inbox as DA/T 31 names them
 * ({@code <档号>/0001.jpg …}: greyscale text pages of {@code --width × --height} pixels at {@code --dpi}, each file
 * distinct), then measures
 * <ul>
 * <li>the floor: a walk of the folder and the SHA-256 of every file, on as many threads as there are processors
 * (and once more on one thread);</li>
 * <li>Lantai: one scan batch of the whole folder ({@link ScanBatches#submitInbox}, default options: 200 dpi, blank and
 * skew looks), from the submit to its job's SUCCEEDED, checking that every entry is attached and every page is in
 * {@code scan_page}.</li>
 * </ul>
 * With {@code --profile}, the Lantai half runs under a JFR recording ({@code <work>/attach.jfr}) and the section lists
 * where the time went ({@code --summarise FILE} prints that for a recording made earlier). Target: Lantai within 1.5×
 * the floor's time.
 *
 * <pre>
 * java -Xmx1g -cp ... cn.lantai.bench.AttachBench [--entries 10000] [--pages-per-entry 10] [--width 1000]
 *      [--height 1400] [--dpi 200] [--profile] [--work bench/work/attach] [--report docs/BENCHMARKS.md | --no-report]
 * </pre>
 */
public final class AttachBench {

    static final double TARGET = 1.5;
    static final String BATCH = "bench-batch";

    /** Seconds; the ratio is Lantai's time over the floor's (≤ 1.5 meets the target). */
    record Figures(int entries, int pagesPerEntry, long files, long bytes, int width, int height, int dpi,
            int threads, double floorWalk, double floorWalkOneThread, double lantai, JobState state, int attached,
            int held, int problems, long scanPages, long pyramidsBuilt, String loadBefore, String loadAfter,
            List<String> profile) {

        double ratio() {
            return lantai / floorWalk;
        }

        long pages() {
            return (long) entries * pagesPerEntry;
        }
    }

    private AttachBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        if (args.get("summarise", null) != null) {
            profileSummary(Path.of(args.get("summarise")), 12).forEach(System.out::println);
            return;
        }
        int entries = args.getInt("entries", 10_000);
        int pagesPerEntry = args.getInt("pages-per-entry", 10);
        Path work = Path.of(args.get("work", "bench/work/attach")).toAbsolutePath();
        DigitizationRig.deleteTree(work);
        Files.createDirectories(work);
        try (ConfigurableApplicationContext lantai = DigitizationRig.start(work.resolve("data"),
                work.resolve("inbox"), "Bench-admin-" + System.nanoTime())) {
            Figures figures = run(lantai, work, work.resolve("inbox"), null, entries, pagesPerEntry,
                    args.getInt("width", 1000), args.getInt("height", 1400), args.getInt("dpi", 200),
                    args.flag("profile"));
            String section = section(figures, args.get("command", "bench/digitization attach"));
            System.out.println(section);
            if (!args.flag("no-report")) {
                Report.append(Path.of(args.get("report", "docs/BENCHMARKS.md")), section);
            }
            if (figures.state() != JobState.SUCCEEDED || figures.scanPages() != figures.pages()) {
                System.exit(1);
            }
        }
    }

    /**
     * Catalogues, writes the pages into a new folder of the application's inbox and measures both sides with the
     * running application; {@code fonds}, when given, replaces the generator's fonds (so that a run shares no 档号 with
     * records already there).
     */
    static Figures run(ApplicationContext lantai, Path work, Path inbox, String fonds, int entries, int pagesPerEntry,
            int width, int height, int dpi, boolean profile) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        log("cataloguing %,d entries (页数 %d) through the catalogue import", entries, pagesPerEntry);
        List<String> codes = DigitizationRig.catalogue(lantai, entries, work.resolve("entries.csv"), cells -> {
            cells[CatalogueGenerator.PAGES] = Integer.toString(pagesPerEntry);
            if (fonds != null) {
                cells[CatalogueGenerator.CODE] = fonds + cells[CatalogueGenerator.CODE].substring(4);
                cells[CatalogueGenerator.FONDS] = fonds;
            }
            return cells;
        });
        String folder = BATCH + "-" + Long.toString(System.nanoTime(), 36);
        Path batch = inbox.resolve(folder);
        List<byte[]> bases = PageCorpus.basePages(6, width, height, dpi, work);
        long start = System.nanoTime();
        long bytes = PageCorpus.writeInbox(batch, codes, pagesPerEntry, bases, threads);
        log("wrote %,d pages (%s) in %.1f s", (long) entries * pagesPerEntry, mib(bytes),
                (System.nanoTime() - start) / 1e9);
        String loadBefore = DigitizationRig.load();

        log("floor: walk and SHA-256 of every file, %d threads", threads);
        long[] files = new long[1];
        double floor = seconds(() -> files[0] = walkAndHash(batch, threads));
        log("floor: %.2f s; again on one thread", floor);
        double floorOne = seconds(() -> walkAndHash(batch, 1));

        Pyramids pyramids = lantai.getBean(Pyramids.class);
        long builtBefore = pyramids.built();
        Recording recording = null;
        if (profile) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
        }
        log("Lantai: one scan batch of the inbox folder");
        ScanBatch[] submitted = new ScanBatch[1];
        JobStatus[] ended = new JobStatus[1];
        double seconds = seconds(() -> {
            submitted[0] = DigitizationRig.submit(lantai, folder, BatchOptions.defaults());
            ended[0] = DigitizationRig.await(lantai.getBean(Jobs.class), submitted[0].job(), Duration.ofHours(12));
        });
        List<String> summary = List.of();
        if (recording != null) {
            recording.stop();
            Path jfr = work.resolve("attach.jfr");
            recording.dump(jfr);
            recording.close();
            summary = profileSummary(jfr, 12);
        }
        ScanBatch.Report report = lantai.getBean(ScanBatches.class).report(submitted[0].id(),
                DigitizationRig.DIGITIZER);
        ScanBatch.Counts c = report.batch().counts();
        report.problems().stream().limit(5).forEach(p -> log("problem: %s", p));
        ScannedPages scanned = lantai.getBean(ScannedPages.class);
        long scanPages = report.entries().stream().filter(e -> e.itemId() != null)
                .mapToLong(e -> scanned.of(new ItemId(e.itemId())).size()).sum();
        log("Lantai: %.2f s, job %s, %d attached, %d held, %d problems, %,d pages in scan_page", seconds,
                ended[0].state(), c.attached(), c.held(), c.problems(), scanPages);
        return new Figures(entries, pagesPerEntry, files[0], bytes, width, height, dpi, threads, floor, floorOne,
                seconds, ended[0].state(), c.attached(), c.held(), c.problems(), scanPages,
                pyramids.built() - builtBefore, loadBefore, DigitizationRig.load(), summary);
    }

    /** The floor: every regular file under the folder, found by a plain walk and hashed (SHA-256); answers how many. */
    static long walkAndHash(Path folder, int threads) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        PageCorpus.Parallel.run(threads, files.size(), (worker, i) -> sha256(files.get(i)));
        return files.size();
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }

    /**
     * Where the time of a JFR recording went: for the job threads (the scan batch's, and the jobs its attaching starts),
     * their samples (Java and native code) by
     * the first frame of Lantai's own code on the stack and by the top frame, and the time they spent parked or blocked
     * by where; for the other threads (the background IIIF cutting, the web server) their samples by Lantai frame.
     */
    static List<String> profileSummary(Path jfr, int top) throws IOException {
        Map<String, Integer> jobOwn = new HashMap<>();
        Map<String, Integer> jobSelf = new HashMap<>();
        Map<String, Integer> otherOwn = new HashMap<>();
        Map<String, Double> jobWaits = new HashMap<>();
        int jobSamples = 0;
        int otherSamples = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                boolean sample = type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample");
                boolean waiting = type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter")
                        || type.equals("jdk.JavaMonitorWait") || type.equals("jdk.ThreadSleep");
                if ((!sample && !waiting) || e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                String thread = thread(e);
                boolean job = thread.startsWith("job-");
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (waiting) {
                    if (job) {
                        jobWaits.merge(type.substring(4) + " in " + firstOutside(frames), e.getDuration().toNanos()
                                / 1e9, Double::sum);
                    }
                    continue;
                }
                String self = name(frames.get(0));
                if (type.equals("jdk.NativeMethodSample") && (self.equals("Net.accept") || self.equals("EPoll.wait")
                        || self.startsWith("Unsafe.park") || self.startsWith("Object.wait"))) {
                    continue; // idle threads waiting for work, not work
                }
                String own = "(" + thread + ")";
                for (RecordedFrame f : frames) {
                    String t = f.getMethod().getType().getName();
                    if (t.startsWith("cn.lantai.") && !t.startsWith("cn.lantai.bench.")) {
                        own = name(f);
                        break;
                    }
                }
                if (job) {
                    jobSamples++;
                    jobOwn.merge(own, 1, Integer::sum);
                    jobSelf.merge(self, 1, Integer::sum);
                } else {
                    otherSamples++;
                    otherOwn.merge(own + " [" + thread + "]", 1, Integer::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "The job threads (the scan batch's, and the OCR and derivative jobs "
                + "started on attaching): %,d samples (Java and native code)", jobSamples));
        lines.add(" by the first Lantai frame on the stack:");
        lines.addAll(topOf(jobOwn, jobSamples, top));
        lines.add(" by the top frame:");
        lines.addAll(topOf(jobSelf, jobSamples, top / 2));
        lines.add(" parked or blocked (seconds, events over the recording's thresholds):");
        jobWaits.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .forEach(en -> lines.add(String.format(Locale.ROOT, "%7.1f s  %s", en.getValue(), en.getKey())));
        lines.add(String.format(Locale.ROOT, "Other threads: %,d samples (background IIIF cutting, web server, …)",
                otherSamples));
        lines.addAll(topOf(otherOwn, otherSamples, top / 2));
        return lines;
    }

    /** The first frame outside the JDK's locking and Hikari's pool internals: what waited. */
    private static String firstOutside(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (!t.startsWith("jdk.internal.") && !t.startsWith("java.util.concurrent.")
                    && !t.startsWith("java.lang.")) {
                return name(f);
            }
        }
        return name(frames.get(frames.size() - 1));
    }

    private static String thread(RecordedEvent e) {
        jdk.jfr.consumer.RecordedThread t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
        String name = t == null ? null : t.getJavaName();
        return name == null ? "?" : name.replaceAll("[0-9]+", "N");
    }

    private static List<String> topOf(Map<String, Integer> counts, int samples, int top) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top).map(en -> String.format(Locale.ROOT, "%5.1f %%  %s", 100.0 * en.getValue()
                        / Math.max(1, samples), en.getKey())).toList();
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    static String section(Figures f, String command) {
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder s = new StringBuilder();
        s.append("## ").append(when).append(" — Digitization (issue 11): attaching a scan batch\n\n");
        s.append("Command: `").append(command).append("`\n\n");
        s.append("- Machine: ").append(Report.Machine.describe()).append("; load average before ")
                .append(f.loadBefore()).append(", after ").append(f.loadAfter()).append("\n");
        s.append(String.format(Locale.ROOT, "- Data: %,d entries × %d pages = %,d page images (%,d files walked), %s; "
                + "greyscale JPEG %d × %d px at %d dpi, text lines, each file distinct (own COM segment); in the "
                + "page cache for both sides%n", f.entries(), f.pagesPerEntry(), f.pages(), f.files(), mib(f.bytes()),
                f.width(), f.height(), f.dpi()));
        s.append(String.format(Locale.ROOT, "- Lantai: one scan batch of the inbox folder (`ScanBatches.submitInbox`, "
                + "default options: ≥ 200 dpi, blank and skew looks), submit → job %s; %,d entries attached, %d held, "
                + "%d problems; %,d rows in `scan_page` for its entries; %,d IIIF pyramids cut in the background "
                + "meanwhile%n",
                f.state(), f.attached(), f.held(), f.problems(), f.scanPages(), f.pyramidsBuilt()));
        s.append(String.format(Locale.ROOT, "- Floor: `Files.walk` of the folder + SHA-256 (JDK) of every file on %d "
                + "threads (%.2f s on one thread)%n%n", f.threads(), f.floorWalkOneThread()));
        s.append("| Step | Lantai (s) | Floor (s) | Ratio (Lantai / floor) | Pages/s Lantai | Pages/s floor | Target | "
                + "Met? |\n|---|---:|---:|---:|---:|---:|---|---|\n");
        s.append(String.format(Locale.ROOT, "| Attach the whole folder vs walk + SHA-256 | %.2f | %.2f | %.1f× | %,.0f "
                + "| %,.0f | ≤ %.1f× | %s |%n", f.lantai(), f.floorWalk(), f.ratio(), f.pages() / f.lantai(),
                f.pages() / f.floorWalk(), TARGET, f.ratio() <= TARGET && f.state() == JobState.SUCCEEDED
                        && f.scanPages() == f.pages() ? "yes" : "**no**"));
        if (!f.profile().isEmpty()) {
            s.append("\nWhere Lantai's time went (JFR, `profile` settings, during the batch):\n\n```\n");
            f.profile().forEach(l -> s.append(l).append('\n'));
            s.append("```\n");
        }
        return s.toString();
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }

    private static void log(String format, Object... args) {
        System.err.println("[attach-bench] " + String.format(Locale.ROOT, format, args));
    }
}
