package cn.lantai.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lantai as the harness runs it ({@code bench/run --start-lantai}): {@code java -Xmx… -jar lantai.jar} on a data
 * directory and port of the harness's choosing, as the evaluation administrator (so {@code admin} may do archive
 * work), with its output in a log file. It can be stopped and started again on the same data directory, to time
 * how long a restarted Lantai takes until it serves searches again. Its heap is read from its own GC log (the heap
 * used before each collection is the peak between two), which costs Lantai nothing while it is measured and needs no
 * access to the actuator's metrics, a workbench page a token does not open.
 */
final class LantaiProcess implements AutoCloseable {

    /** How to start Lantai. */
    record Options(Path jar, String heap, int port, Path dataDir, Path log) {
        URI url() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /** A collection in the unified GC log: {@code … GC(3) Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M)}. */
    private static final Pattern COLLECTION = Pattern.compile("GC\\(\\d+\\).* (\\d+)([KMG])->(\\d+)([KMG])\\(");

    private final Options options;
    /** What the next start runs: the built jar, or a laid-out one with its class archive ({@link #restartLaidOut}). */
    private Path jar;
    private Path classArchive;
    private final List<Path> gcLogs = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private LantaiProcess(Options options) {
        this.options = options;
        this.jar = options.jar();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-lantai"));
    }

    /** Starts Lantai on an empty data directory (an earlier run's is removed) and waits until it is healthy. */
    static LantaiProcess startFresh(Options options, Duration timeout) throws IOException, InterruptedException {
        deleteTree(options.dataDir());
        LantaiProcess lantai = new LantaiProcess(options);
        lantai.start();
        lantai.await(timeout, () -> true, "healthy");
        return lantai;
    }

    private static final String UPLOAD_LIMIT = "8GB";

    private void start() throws IOException {
        Files.createDirectories(options.log().toAbsolutePath().getParent());
        Path gcLog = options.log().resolveSibling("lantai-gc-" + (gcLogs.size() + 1) + ".log");
        Files.deleteIfExists(gcLog);
        gcLogs.add(gcLog);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + options.heap(),
                "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
        if (classArchive != null) {
            command.add("-XX:SharedArchiveFile=" + classArchive.toAbsolutePath());
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--lantai.data-dir=" + options.dataDir().toAbsolutePath(), "--server.port=" + options.port(),
                // a million rows with body text make a CSV of about 2.2 GB, past the default 1 GB upload limit
                "--lantai.import.max-upload-size=" + UPLOAD_LIMIT,
                // every client of the harness comes from one address: the public tier's limit per address (120 a
                // minute) would refuse the public-search load, so it is raised, not turned off, and its cost stays in
                // what is measured
                "--lantai.access.rate-limits.portal.capacity=1000000000",
                "--lantai.access.rate-limits.portal.period=1m"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(options.log().toFile()));
        // the harness signs in as admin, who (for this local run only) may also do archive work
        pb.environment().put("LANTAI_EVALUATION_ADMIN", "true");
        process = pb.start();
        log("started Lantai (pid %d, -Xmx%s, port %d, data in %s, log in %s)", process.pid(), options.heap(),
                options.port(), options.dataDir(), options.log());
    }

    /** The running Lantai's process id. */
    long pid() {
        return process.pid();
    }

    /** The heap limit Lantai runs with (its -Xmx), in bytes. */
    long heapLimitBytes() {
        return bytes(Long.parseLong(options.heap().replaceAll("[^0-9]", "")),
                options.heap().replaceAll("[0-9]", "").toUpperCase(Locale.ROOT));
    }

    /** The most heap Lantai used, over every start so far: the largest heap-before-collection in its GC logs. */
    long maxHeapUsedBytes() throws IOException {
        long max = -1;
        for (Path log : gcLogs) {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = COLLECTION.matcher(line);
                    if (m.find()) {
                        max = Math.max(max, bytes(Long.parseLong(m.group(1)), m.group(2)));
                    }
                }
            }
        }
        return max;
    }

    private static long bytes(long value, String unit) {
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> value;
        };
    }

    /**
     * Stops Lantai and starts it again on the same data directory; returns the seconds from the start of the new
     * process until {@code /actuator/health} is UP and {@code serves} holds (a search answers).
     */
    double restart(BooleanSupplier serves, Duration timeout) throws IOException, InterruptedException {
        stop();
        long start = System.nanoTime();
        start();
        await(timeout, serves, "serving searches after the restart");
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * As {@link #restart}, but from the jar as {@code bin/lantai-layout} lays it out for a server: extracted, with the
     * class-data-sharing archive of a training start. This and every later start run that layout.
     */
    double restartLaidOut(Path layout, BooleanSupplier serves, Duration timeout)
            throws IOException, InterruptedException {
        jar = layout.resolve("lantai.jar");
        classArchive = layout.resolve("lantai.jsa");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classArchive)) {
            throw new IOException("no laid-out Lantai in " + layout + "; run bin/lantai-layout first");
        }
        return restart(serves, timeout);
    }

    /** Polls health, then {@code ready}, every 100 ms (the resolution of the start-to-serving figure). */
    private void await(Duration timeout, BooleanSupplier ready, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(healthy() && ready.getAsBoolean())) {
            if (!process.isAlive()) {
                throw new IOException("Lantai exited with " + process.exitValue() + "; see " + options.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Lantai not " + what + " within " + timeout + "; see " + options.log());
            }
            Thread.sleep(100);
        }
    }

    private boolean healthy() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(options.url().resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString()).body()
                    .contains("\"status\":\"UP\""); // details are not shown to the anonymous
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops Lantai as an operator would (SIGTERM, a graceful shutdown), forcibly after a minute. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        log("stopping Lantai (pid %d)", process.pid());
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(format, args));
    }
}
