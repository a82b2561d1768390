package cn.lantai.bench;

import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatches;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.iiif.Pyramids;
import cn.lantai.digitization.internal.images.PageSamples;
import cn.lantai.catalog.ItemId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The IIIF tiles' benchmark (issue 11, item 9): a 600-dpi A4 page (4,960 × 7,016 px, greyscale text on a paper
 * texture, JPEG master) attached to an entry through a scan batch, then {@code --clients} clients asking Lantai over
 * HTTP (with an access token of {@code admin}) for tiles of the pyramid's levels at random positions, the tile size and
 * scale factors read from info.json; against a floor in the same run: the JDK's HTTP server handing out the same tile
 * files straight from the pyramid's folder, which shows what HTTP itself costs. The first request for a page whose
 * pyramid is not cut yet (its folder removed after the background cut) is measured apart. Target: p95 ≤ 50 ms at 8
 * clients.
 *
 * <pre>
 * java -Xmx1g -cp ... cn.lantai.bench.TileBench [--clients 8] [--warmup 5s] [--duration 20s] [--width 4960]
 *      [--height 7016] [--dpi 600] [--work bench/work/tile] [--report docs/BENCHMARKS.md | --no-report]
 * </pre>
 */
public final class TileBench {

    static final double TARGET_P95_MS = 50;
    static final String BATCH = "tile-batch";

    /** One tile of the pyramid: its IIIF request path and the tile file the floor serves for it. */
    record Tile(String iiif, String floor) {
    }

    /** One side's load: latencies in ms, sorted. */
    record Load(String side, int clients, double seconds, long requests, long errors, long bytes, double[] millis) {

        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (millis.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * millis.length) - 1;
            return millis[Math.max(0, Math.min(millis.length - 1, i))];
        }
    }

    record Figures(int width, int height, int dpi, long masterBytes, int tileSize, List<Integer> scaleFactors,
            int tiles, double attachSeconds, double backgroundCutSeconds, double ocrSeconds, double firstInfoMs,
            double firstTileMs, double secondTileMs, Load lantai, Load floor, String loadBefore, String loadAfter) {
    }

    private TileBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path work = Path.of(args.get("work", "bench/work/tile")).toAbsolutePath();
        DigitizationRig.deleteTree(work);
        Files.createDirectories(work);
        String password = "Tiles-Bench-" + Long.toString(System.nanoTime(), 36) + "-x9";
        try (ConfigurableApplicationContext lantai = DigitizationRig.start(work.resolve("data"),
                work.resolve("inbox"), password)) {
            Figures figures = run(lantai, work, password, args.getInt("width", 4960), args.getInt("height", 7016),
                    args.getInt("dpi", 600), args.getInt("clients", 8),
                    args.getDuration("warmup", Duration.ofSeconds(5)),
                    args.getDuration("duration", Duration.ofSeconds(20)));
            String section = section(figures, args.get("command", "bench/digitization tile"));
            System.out.println(section);
            if (!args.flag("no-report")) {
                Report.append(Path.of(args.get("report", "docs/BENCHMARKS.md")), section);
            }
        }
    }

    static Figures run(ApplicationContext lantai, Path work, String password, int width, int height, int dpi,
            int clients, Duration warmup, Duration duration) throws Exception {
        log("cataloguing one open entry, 页数 1");
        List<String> codes = DigitizationRig.catalogue(lantai, 1, work.resolve("entries.csv"), cells -> {
            cells[CatalogueGenerator.PAGES] = "1";
            cells[CatalogueGenerator.CLASSIFICATION] = "";
            cells[CatalogueGenerator.OPEN_STATUS] = "开放";
            return cells;
        });
        Path page = work.resolve("inbox").resolve(BATCH).resolve(codes.get(0)).resolve("0001.jpg");
        Files.createDirectories(page.getParent());
        log("drawing a %d × %d page at %d dpi", width, height, dpi);
        PageSamples.jpeg(PageCorpus.greyTextPage(width, height, 60, 7, true), dpi, false, page);
        long masterBytes = Files.size(page);

        Pyramids pyramids = lantai.getBean(Pyramids.class);
        long builtBefore = pyramids.built();
        long start = System.nanoTime();
        ScanBatch batch = DigitizationRig.submit(lantai, BATCH, BatchOptions.defaults());
        JobStatus ended = DigitizationRig.await(lantai.getBean(Jobs.class), batch.job(), Duration.ofMinutes(10));
        double attach = (System.nanoTime() - start) / 1e9;
        ScanBatch.Report report = lantai.getBean(ScanBatches.class).report(batch.id(), DigitizationRig.DIGITIZER);
        if (ended.state() != JobState.SUCCEEDED || report.batch().counts().attached() != 1) {
            throw new IllegalStateException("the page was not attached: " + ended.state() + " " + report.problems());
        }
        ItemId item = new ItemId(report.entries().get(0).itemId());
        ScanPage scanned = lantai.getBean(ScannedPages.class).page(item, 1).orElseThrow();
        long cutStart = System.nanoTime();
        while (pyramids.built() == builtBefore && System.nanoTime() - cutStart < 300_000_000_000L) {
            Thread.sleep(10);
        }
        double backgroundCut = (System.nanoTime() - start) / 1e9 - attach;
        // the OCR of the page, started on PagesAttached too, is let finish: it would share the cores with the load
        Jobs jobs = lantai.getBean(Jobs.class);
        while (jobs.unfinished("ocr", DigitizationRig.DIGITIZER.name()) > 0
                && System.nanoTime() - start < 900_000_000_000L) {
            Thread.sleep(50);
        }
        double ocrDone = (System.nanoTime() - start) / 1e9 - attach;
        Path pyramid = pyramids.dirOf(scanned);
        Path floorTiles = work.resolve("floor-tiles");
        copyTree(pyramid, floorTiles);

        int port = ((WebServerApplicationContext) lantai).getWebServer().getPort();
        URI base = URI.create("http://127.0.0.1:" + port);
        String token = LantaiRun.signIn(new LantaiRun.Options(base, "admin", password, null, null));
        String auth = "Bearer " + token;
        HttpClient http = HttpSearch.client();

        // the first request for a page without a pyramid: the cut done in the background is removed first
        DigitizationRig.deleteTree(pyramid);
        String id = scanned.imageId();
        long t0 = System.nanoTime();
        HttpResponse<String> info = http.send(get(base.resolve("/iiif/3/" + id + "/info.json"), auth),
                HttpResponse.BodyHandlers.ofString());
        double firstInfo = (System.nanoTime() - t0) / 1e6;
        if (info.statusCode() != 200) {
            throw new IllegalStateException("info.json: HTTP " + info.statusCode() + " " + info.body());
        }
        JsonNode json = new ObjectMapper().readTree(info.body());
        int w = json.path("width").asInt();
        int h = json.path("height").asInt();
        JsonNode tileInfo = json.path("tiles").path(0);
        int tile = tileInfo.path("width").asInt();
        List<Integer> factors = new ArrayList<>();
        tileInfo.path("scaleFactors").forEach(f -> factors.add(f.asInt()));
        List<List<Tile>> levels = tiles(id, w, h, tile, factors);
        int count = levels.stream().mapToInt(List::size).sum();
        // the first tile request after a cold info.json, and the first one when the pyramid is cut by a tile request
        Tile first = levels.get(0).get(0);
        long t1 = System.nanoTime();
        byte[] body = fetch(http, base.resolve(first.iiif()), auth);
        double firstTile = (System.nanoTime() - t1) / 1e6;
        if (body.length < 2 || (body[0] & 0xff) != 0xff || (body[1] & 0xff) != 0xd8) {
            throw new IllegalStateException("the first tile is not a JPEG");
        }
        DigitizationRig.deleteTree(pyramid);
        long t2 = System.nanoTime();
        fetch(http, base.resolve(first.iiif()), auth);
        double coldTile = (System.nanoTime() - t2) / 1e6;
        log("first info.json %.0f ms (pyramid cut), first tile then %.1f ms; a tile cutting the pyramid %.0f ms",
                firstInfo, firstTile, coldTile);

        String loadBefore = DigitizationRig.load();
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        HttpServer server = floorServer(floorTiles, serverThreads);
        URI floorBase = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Load floor;
        Load lantaiLoad;
        try {
            log("floor: %d clients, %s warm-up, %s", clients, warmup, duration);
            floor = load("floor", clients, warmup, duration, levels, t -> get(floorBase.resolve(t.floor()), null));
            log("Lantai: %d clients", clients);
            lantaiLoad = load("Lantai", clients, warmup, duration, levels, t -> get(base.resolve(t.iiif()), auth));
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        return new Figures(w, h, dpi, masterBytes, tile, factors, count, attach, backgroundCut, ocrDone, firstInfo,
                firstTile,
                coldTile, lantaiLoad, floor, loadBefore, DigitizationRig.load());
    }

    /** The floor: the JDK's HTTP server sending the tile files under {@code /tiles/<factor>/<column>_<row>.jpg}. */
    static HttpServer floorServer(Path tiles, ExecutorService threads) throws IOException {
        // without TCP_NODELAY the JDK's server waits out the client's delayed ACK (~40 ms) on each keep-alive answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(threads);
        server.createContext("/tiles/", exchange -> {
            try (exchange) {
                String rel = exchange.getRequestURI().getPath().substring("/tiles/".length());
                Path file = tiles.resolve(rel).normalize();
                if (!file.startsWith(tiles) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = Files.readAllBytes(file);
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return server;
    }

    /** The tiles of each level, as an IIIF viewer asks for them (region in full-size pixels, size {@code w,}). */
    static List<List<Tile>> tiles(String id, int width, int height, int tile, List<Integer> factors) {
        List<List<Tile>> levels = new ArrayList<>();
        for (int f : factors) {
            List<Tile> level = new ArrayList<>();
            int span = tile * f;
            for (int row = 0; row * span < height; row++) {
                for (int column = 0; column * span < width; column++) {
                    int x = column * span;
                    int y = row * span;
                    int w = Math.min(span, width - x);
                    int h = Math.min(span, height - y);
                    int outW = (w + f - 1) / f;
                    level.add(new Tile("/iiif/3/" + id + "/" + x + "," + y + "," + w + "," + h + "/" + outW
                            + ",/0/default.jpg", "/tiles/" + f + "/" + column + "_" + row + ".jpg"));
                }
            }
            levels.add(level);
        }
        return levels;
    }

    interface RequestFor {
        HttpRequest of(Tile tile);
    }

    /** Clients in a closed loop, each asking for a random tile of a random level; measured after the warm-up. */
    static Load load(String side, int clients, Duration warmup, Duration duration, List<List<Tile>> levels,
            RequestFor request) throws Exception {
        HttpClient http = HttpSearch.client();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<double[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                double[] mine = new double[1024];
                int n = 0;
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (true) {
                    List<Tile> level = levels.get(rnd.nextInt(levels.size()));
                    Tile t = level.get(rnd.nextInt(level.size()));
                    long s = System.nanoTime();
                    if (s >= end) {
                        break;
                    }
                    boolean ok;
                    long size = 0;
                    try {
                        HttpResponse<byte[]> r = http.send(request.of(t), HttpResponse.BodyHandlers.ofByteArray());
                        ok = r.statusCode() == 200;
                        size = r.body().length;
                    } catch (IOException e) {
                        ok = false;
                    }
                    long e = System.nanoTime();
                    if (s >= measureFrom && e <= end) {
                        if (!ok) {
                            errors.incrementAndGet();
                            continue;
                        }
                        bytes.addAndGet(size);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = (e - s) / 1e6;
                    }
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        List<double[]> all = new ArrayList<>();
        for (Future<double[]> f : results) {
            all.add(f.get());
        }
        pool.shutdownNow();
        double[] millis = all.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Load(side, clients, duration.toNanos() / 1e9, millis.length, errors.get(), bytes.get(), millis);
    }

    private static HttpRequest get(URI uri, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.GET().build();
    }

    private static byte[] fetch(HttpClient http, URI uri, String auth) throws Exception {
        HttpResponse<byte[]> r = http.send(get(uri, auth), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + ": HTTP " + r.statusCode());
        }
        return r.body();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static String section(Figures f, String command) {
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder s = new StringBuilder();
        s.append("## ").append(when).append(" — Digitization (issue 11): IIIF tiles\n\n");
        s.append("Command: `").append(command).append("`\n\n");
        s.append("- Machine: ").append(Report.Machine.describe()).append("; load average before ")
                .append(f.loadBefore()).append(", after ").append(f.loadAfter()).append("\n");
        s.append(String.format(Locale.ROOT, "- Page: %,d × %,d px at %d dpi, greyscale text on a paper texture, JPEG "
                + "master of %s, attached by a scan batch in %.1f s (its pyramid then cut in the background in %.1f s "
                + "more; its OCR, also started on attaching, ended %.1f s after the attach and was let finish "
                + "before the load); info.json: tiles of %d px, scale factors %s, %d tiles in all%n", f.width(),
                f.height(),
                f.dpi(), AttachBench.mib(f.masterBytes()), f.attachSeconds(), f.backgroundCutSeconds(),
                f.ocrSeconds(), f.tileSize(),
                f.scaleFactors(), f.tiles()));
        s.append(String.format(Locale.ROOT, "- First request for the page without a pyramid (cuts it): info.json "
                + "%.0f ms, then its first tile %.1f ms; a tile request that has to cut the pyramid itself %.0f ms%n",
                f.firstInfoMs(), f.firstTileMs(), f.secondTileMs()));
        s.append(String.format(Locale.ROOT, "- Load: %d clients in a closed loop, each tile of a random level at a "
                + "random position (`/iiif/3/{id}/x,y,w,h/w,/0/default.jpg`, with a personal access token); floor: the "
                + "JDK's `HttpServer` (8 threads) sending the same tile files from disk (page cache)%n%n",
                f.lantai().clients()));
        s.append("| Side | Requests/s | p50 (ms) | p95 (ms) | p99 (ms) | Mean tile (KiB) | Errors |\n");
        s.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Load l : List.of(f.lantai(), f.floor())) {
            s.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %d |%n", l.side(),
                    l.perSecond(), l.percentile(50), l.percentile(95), l.percentile(99),
                    l.requests() == 0 ? 0 : l.bytes() / 1024.0 / l.requests(), l.errors()));
        }
        double p95 = f.lantai().percentile(95);
        s.append(String.format(Locale.ROOT, "%nTarget: p95 ≤ %.0f ms at 8 clients — %s (p95 %.1f ms at %d clients; "
                + "the floor's %.1f ms).%n", TARGET_P95_MS, p95 <= TARGET_P95_MS && f.lantai().errors() == 0
                        ? "met" : "**not met**", p95, f.lantai().clients(), f.floor().percentile(95)));
        return s.toString();
    }

    private static void log(String format, Object... args) {
        System.err.println("[tile-bench] " + String.format(Locale.ROOT, format, args));
    }
}
