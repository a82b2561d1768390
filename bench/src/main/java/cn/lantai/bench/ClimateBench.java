package cn.lantai.bench;

import cn.lantai.LantaiApplication;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.Room;
import cn.lantai.stacks.RoomKind;
import cn.lantai.stacks.Rooms;
import cn.lantai.stacks.internal.climate.Sensors;
import cn.lantai.support.Staff;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The climate store's benchmark (issue 13: "the store of readings holds years of one-minute readings from dozens of
 * rooms without slowing the pages"). In one run on one database: the climate pages are timed on a store holding a
 * single day of one-minute readings for R rooms, then the same calls again after D − 1 earlier days were added (the
 * ratio big / small prices the store's size); and the real intake ({@code POST /api/v1/stacks/readings}, batches of
 * 1,000, each checked, de-duplicated, rolled up and alert-checked) is timed against plain JDBC batch inserts of the
 * same rows into a plain table. The store is filled by the fast bulk path, not the intake (which refuses readings
 * older than a year and would take hours): JDBC batch inserts of the raw rows, then the daily rollup computed by one
 * {@code INSERT … SELECT … GROUP BY}; no alerts are raised for them (the readings stay within the paper norm).
 *
 * <pre>
 * java -Xmx1g -cp ... cn.lantai.bench.ClimateBench [--rooms 30] [--days 365] [--calls 50] [--intake-batches 20]
 *      [--postgres --jdbc-url jdbc:postgresql://... --jdbc-user u --jdbc-password p]
 *      [--work bench/work/climate] [--report docs/BENCHMARKS.md | --no-report] [--command "how it was started"]
 * </pre>
 */
public final class ClimateBench {

    static final int PER_DAY = 1440;
    static final int BATCH = 1000;
    private static final String KEEPER = "bench-keeper";

    /** What to fill and how often to call each page. */
    record Options(int rooms, int days, int calls, int intakeBatches) {
    }

    /** One page's latency in milliseconds on the small and on the big store. */
    record Latency(String page, String path, double smallP50, double smallP95, double bigP50, double bigP95) {

        double ratio() {
            return bigP50 / smallP50;
        }
    }

    /** What was measured; seconds unless named otherwise. */
    record Figures(String database, int rooms, int days, long rows, double fillSeconds, double rollupSeconds,
            long intakeRows, double intakeSeconds, double floorSeconds, List<Latency> pages, String loadBefore,
            String loadAfter) {

        double intakeRatio() {
            return (intakeRows / intakeSeconds) / (intakeRows / floorSeconds);
        }
    }

    /** How the pages and the API are reached: over HTTP in the bench, through MockMvc in the smoke test. */
    interface Caller {
        /** GET as the signed-in keeper; the status. */
        int get(String path) throws Exception;

        /** POST JSON with a bearer token; the status. */
        int post(String path, String bearer, String json) throws Exception;
    }

    private ClimateBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Options options = new Options(args.getInt("rooms", 30), args.getInt("days", 365), args.getInt("calls", 50),
                args.getInt("intake-batches", 20));
        Path work = Path.of(args.get("work", "bench/work/climate")).toAbsolutePath();
        Files.createDirectories(work);
        List<String> lantaiArgs = new ArrayList<>(List.of("--server.port=0",
                "--lantai.data-dir=" + work.resolve("data"),
                "--logging.level.root=warn", "--lantai.stacks.climate.deliveries-per-minute=1000000",
                "--lantai.admin-password=Bench-admin-" + System.nanoTime(),
                "--lantai.secadmin-password=Bench-secadmin-" + System.nanoTime(),
                "--lantai.auditor-password=Bench-auditor-" + System.nanoTime(),
                "--lantai.audit.key-file=" + work.resolve("keys/sm2-key.pem")));
        String database = "H2 (file, " + work.resolve("data") + ")";
        if (args.flag("postgres")) {
            lantaiArgs.add("--spring.profiles.active=postgres");
            String url = args.get("jdbc-url", null);
            if (url != null) {
                lantaiArgs.add("--spring.datasource.url=" + url);
                lantaiArgs.add("--spring.datasource.username=" + args.get("jdbc-user", "postgres"));
                lantaiArgs.add("--spring.datasource.password=" + args.get("jdbc-password", ""));
            }
            database = "PostgreSQL (" + (url == null ? "the postgres profile's default" : url) + ")";
        }
        try (ConfigurableApplicationContext lantai = new SpringApplicationBuilder(LantaiApplication.class)
                .run(lantaiArgs.toArray(String[]::new))) {
            keeper(lantai.getBean(Staff.class));
            URI base = URI.create("http://127.0.0.1:" + lantai.getEnvironment().getProperty("local.server.port"));
            Http caller = new Http(base, KEEPER, Staff.PASSWORD);
            if (args.flag("pages-only")) {
                String section = pagesOnly(lantai, caller, options.calls(), database,
                        args.get("command", "bench/climate"));
                System.out.println(section);
                if (!args.flag("no-report")) {
                    Report.append(Path.of(args.get("report", "docs/BENCHMARKS.md")), section);
                }
                return;
            }
            Figures figures = measure(lantai, caller, options, database);
            String section = section(figures, args.get("command", "bench/climate"));
            System.out.println(section);
            if (!args.flag("no-report")) {
                Report.append(Path.of(args.get("report", "docs/BENCHMARKS.md")), section);
            }
        }
    }

    /** Makes the keeper (role STACKS) the pages are called as; the smoke test and the bench both need one. */
    static void keeper(Staff staff) {
        staff.ensure(KEEPER, "基准测试库房保管员", null, Classification.NONE, List.of("STACKS"));
    }

    static String keeperName() {
        return KEEPER;
    }

    /** Fills the store, times the pages on a day's store and on the full store, and times the intake. */
    static Figures measure(ApplicationContext lantai, Caller caller, Options o, String database) throws Exception {
        String loadBefore = load();
        Staff staff = lantai.getBean(Staff.class);
        keeper(staff);
        Rooms rooms = lantai.getBean(Rooms.class);
        JdbcTemplate jdbc = lantai.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(lantai.getBean(PlatformTransactionManager.class));
        ZoneId zone = ZoneId.of(lantai.getEnvironment().getProperty("lantai.archive-zone", "Asia/Shanghai"));
        Viewer viewer = Viewer.staff(KEEPER, Classification.NONE, false);
        String prefix = "B" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        List<String> codes = new ArrayList<>();
        for (int r = 0; r < o.rooms(); r++) {
            String code = String.format(Locale.ROOT, "%s-%03d", prefix, r);
            staff.as(KEEPER, () -> rooms.add(new Room(code, "基准库房 " + code, RoomKind.PAPER, 4, 4, 4), viewer));
            codes.add(code);
        }
        LocalDate last = LocalDate.now(zone).minusDays(1);
        log("%s: %d rooms (%s-…), one day of one-minute readings (%s)", database, o.rooms(), prefix, last);
        fill(jdbc, tx, codes, last, last, zone);
        rollup(jdbc, prefix, last, last);
        List<Page> pages = pages(codes.get(0), last);
        List<double[]> small = new ArrayList<>();
        for (Page p : pages) {
            small.add(time(caller, p, o.calls()));
        }
        LocalDate first = last.minusDays(o.days() - 1L);
        long rows = (long) o.rooms() * o.days() * PER_DAY;
        log("filling %d rooms × %d days = %,d readings (%s … %s)", o.rooms(), o.days(), rows, first, last);
        double fill = 0;
        double rollup = 0;
        if (o.days() > 1) {
            fill = seconds(() -> fill(jdbc, tx, codes, first, last.minusDays(1), zone));
            log("filled in %.1f s (%,.0f rows/s); rolling up", fill, (rows - o.rooms() * PER_DAY) / fill);
            rollup = seconds(() -> rollup(jdbc, prefix, first, last.minusDays(1)));
            log("rolled up in %.1f s", rollup);
        }
        List<Latency> latencies = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            double[] big = time(caller, pages.get(i), o.calls());
            latencies.add(new Latency(pages.get(i).name(), pages.get(i).path(), small.get(i)[0], small.get(i)[1],
                    big[0], big[1]));
        }
        double[] intake = intake(lantai, caller, jdbc, tx, staff, rooms, viewer, prefix, o.intakeBatches());
        return new Figures(database, o.rooms(), o.days(), rows, fill, rollup, (long) o.intakeBatches() * BATCH,
                intake[0], intake[1], latencies, loadBefore, load());
    }

    /**
     * The pages alone on the store a run before left (its work directory kept: {@code --pages-only}, run directly
     * with the same {@code --work}): to time a fix of the application on the same big store without filling it again.
     */
    static String pagesOnly(ApplicationContext lantai, Caller caller, int calls, String database, String command)
            throws Exception {
        JdbcTemplate jdbc = lantai.getBean(JdbcTemplate.class);
        String room = jdbc.queryForObject("SELECT MAX(code) FROM stacks_room WHERE code LIKE 'B____-000'",
                String.class);
        LocalDate last = jdbc.queryForObject("SELECT MAX(reading_day) FROM stacks_climate_day WHERE room_code = ?",
                LocalDate.class, room);
        long rows = jdbc.queryForObject("SELECT SUM(reading_count) FROM stacks_climate_day", Long.class);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%n### Pages only, on the store kept from "
                + "the run before (%,d readings), %s%n%nCommand: `%s`%n%n| Page | Call | p50 | p95 |%n|---|---|---:|"
                + "---:|%n", rows, load(), command));
        for (Page p : pages(room, last)) {
            double[] t = time(caller, p, calls);
            s.append(String.format(Locale.ROOT, "| %s | `GET %s` | %.1f | %.1f |%n", p.name(),
                    p.path().replaceAll("B[0-9A-F]{4}-", "…-"), t[0], t[1]));
        }
        return s.append("\nDatabase: ").append(database).append('\n').toString();
    }

    record Page(String name, String path) {
    }

    private static List<Page> pages(String room, LocalDate last) {
        String chart = "/stacks/climate/" + room + "/chart.json?from=%s&to=" + last;
        return List.of(new Page("Climate overview (every room's latest reading, open alerts)", "/stacks/climate"),
                new Page("A room's page (the last two days)", "/stacks/climate/" + room),
                new Page("Chart, a day (raw readings)", String.format(chart, last)),
                new Page("Chart, a month (daily rollup)", String.format(chart, last.minusDays(29))),
                new Page("Chart, a year (daily rollup)", String.format(chart, last.minusDays(364))),
                new Page("Yearly analysis", "/stacks/climate/" + room + "/" + last.getYear()));
    }

    /** p50 and p95 in milliseconds over the calls, after five unmeasured ones. */
    private static double[] time(Caller caller, Page page, int calls) throws Exception {
        for (int i = 0; i < 5; i++) {
            check(caller.get(page.path()), page.path());
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            check(caller.get(page.path()), page.path());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {percentile(ms, 50), percentile(ms, 95)};
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void check(int status, String path) {
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + " from " + path);
        }
    }

    /** One-minute readings of every room over the days, by JDBC batches of 10,000, the rooms shared among workers. */
    static void fill(JdbcTemplate jdbc, TransactionTemplate tx, List<String> rooms, LocalDate from, LocalDate to,
            ZoneId zone) throws Exception {
        int workers = Math.min(rooms.size(), Runtime.getRuntime().availableProcessors());
        LocalDateTime received = LocalDateTime.now(ZoneOffset.UTC);
        inParallel(workers, rooms.size(), i -> {
            String room = rooms.get(i);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate d = day;
                LocalDateTime start = LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
                tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO stacks_reading (room_code, sensor, at, "
                        + "reading_day, temperature, humidity, entered_by, received_at) VALUES (?, ?, ?, ?, ?, ?, "
                        + "NULL, ?)", new BatchPreparedStatementSetter() {
                            @Override
                            public void setValues(PreparedStatement ps, int m) throws SQLException {
                                ps.setString(1, room);
                                ps.setString(2, "bench");
                                ps.setObject(3, start.plusMinutes(m));
                                ps.setObject(4, d);
                                ps.setBigDecimal(5, temperature(i, m));
                                ps.setBigDecimal(6, humidity(i, m));
                                ps.setObject(7, received);
                            }

                            @Override
                            public int getBatchSize() {
                                return PER_DAY;
                            }
                        }));
            }
        });
    }

    /** Within the paper norm (14–24 ℃, 45–60 %) and its daily spread: no alerts. */
    static BigDecimal temperature(int room, int minute) {
        return BigDecimal.valueOf(1900 + room % 7 * 10 + Math.round(60 * Math.sin(minute * Math.PI / 720)), 2);
    }

    static BigDecimal humidity(int room, int minute) {
        return BigDecimal.valueOf(5200 + room % 5 * 20 + Math.round(150 * Math.cos(minute * Math.PI / 720)), 2);
    }

    /** The daily rollup of the bench's rooms over the days, by one aggregate. */
    static void rollup(JdbcTemplate jdbc, String prefix, LocalDate from, LocalDate to) {
        jdbc.update("INSERT INTO stacks_climate_day (room_code, reading_day, min_temperature, max_temperature, "
                + "sum_temperature, min_humidity, max_humidity, sum_humidity, reading_count) "
                + "SELECT room_code, reading_day, MIN(temperature), MAX(temperature), SUM(temperature), MIN(humidity), "
                + "MAX(humidity), SUM(humidity), COUNT(*) FROM stacks_reading WHERE room_code LIKE ? "
                + "AND reading_day BETWEEN ? AND ? GROUP BY room_code, reading_day", prefix + "-%", from, to);
    }

    /**
     * The real intake over HTTP, batches of 1,000 one-minute readings of one sensor in a room of its own, ending now;
     * then the same rows by plain JDBC batches of 1,000 (a transaction each) into a plain table. Seconds of each.
     */
    private static double[] intake(ApplicationContext lantai, Caller caller, JdbcTemplate jdbc, TransactionTemplate tx,
            Staff staff, Rooms rooms, Viewer viewer, String prefix, int batches) throws Exception {
        String room = prefix + "-IN";
        staff.as(KEEPER, () -> rooms.add(new Room(room, "基准库房 " + room, RoomKind.PAPER, 1, 1, 1), viewer));
        String sensor = prefix + "-S";
        String token = staff.as(KEEPER, () -> lantai.getBean(Sensors.class).register(room, sensor, viewer)).token();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus((long) batches * BATCH, ChronoUnit.MINUTES);
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            StringBuilder json = new StringBuilder("[");
            for (int m = 0; m < BATCH; m++) {
                int minute = b * BATCH + m;
                json.append(m == 0 ? "" : ",").append("{\"room\":\"").append(room).append("\",\"sensor\":\"")
                        .append(sensor).append("\",\"at\":\"").append(start.plus(minute, ChronoUnit.MINUTES))
                        .append("\",\"temperature\":").append(temperature(0, minute % PER_DAY))
                        .append(",\"humidity\":").append(humidity(0, minute % PER_DAY)).append('}');
            }
            bodies.add(json.append(']').toString());
        }
        log("intake: %d batches of %,d readings over POST /api/v1/stacks/readings", batches, BATCH);
        double lantaiSeconds = seconds(() -> {
            for (String body : bodies) {
                check(caller.post("/api/v1/stacks/readings", token, body), "POST /api/v1/stacks/readings");
            }
        });
        jdbc.execute("CREATE TABLE bench_climate_floor (room_code VARCHAR(16), sensor VARCHAR(32), at TIMESTAMP, "
                + "temperature DECIMAL(5, 2), humidity DECIMAL(5, 2))");
        try {
            double floorSeconds = seconds(() -> {
                for (int b = 0; b < batches; b++) {
                    int first = b * BATCH;
                    tx.executeWithoutResult(s -> jdbc.batchUpdate("INSERT INTO bench_climate_floor (room_code, "
                            + "sensor, at, temperature, humidity) VALUES (?, ?, ?, ?, ?)",
                            new BatchPreparedStatementSetter() {
                                @Override
                                public void setValues(PreparedStatement ps, int m) throws SQLException {
                                    int minute = first + m;
                                    ps.setString(1, room);
                                    ps.setString(2, sensor);
                                    ps.setObject(3, LocalDateTime.ofInstant(start.plus(minute, ChronoUnit.MINUTES),
                                            ZoneOffset.UTC));
                                    ps.setBigDecimal(4, temperature(0, minute % PER_DAY));
                                    ps.setBigDecimal(5, humidity(0, minute % PER_DAY));
                                }

                                @Override
                                public int getBatchSize() {
                                    return BATCH;
                                }
                            }));
                }
            });
            return new double[] {lantaiSeconds, floorSeconds};
        } finally {
            jdbc.execute("DROP TABLE bench_climate_floor");
        }
    }

    static String section(Figures f, String command) {
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        StringBuilder s = new StringBuilder();
        s.append("## ").append(when).append(" — Stacks climate (issue 13): pages on a big store of readings\n\n");
        s.append("Command: `").append(command).append("`\n\n");
        s.append("- Machine: ").append(Report.Machine.describe()).append("; load average before ")
                .append(f.loadBefore()).append(", after ").append(f.loadAfter()).append("\n");
        s.append("- Database: ").append(f.database()).append("\n");
        s.append(String.format(Locale.ROOT, "- Store: %d rooms × %d days of one-minute readings = %,d raw rows, "
                + "filled by the bulk path (JDBC batches of 1,440, a transaction each, %.1f s, %,.0f rows/s), the "
                + "daily rollup by one INSERT … SELECT … GROUP BY (%.1f s)%n", f.rooms(), f.days(), f.rows(),
                f.fillSeconds(), f.fillSeconds() == 0 ? 0 : (f.rows() - (long) f.rooms() * PER_DAY) / f.fillSeconds(),
                f.rollupSeconds()));
        s.append("- Pages: each called by one client over HTTP as a keeper (role STACKS), first on the store with "
                + "the last day only, then with all the days; 5 unmeasured calls, then the measured ones; p50 / p95 "
                + "in ms; ratio = big p50 / small p50 (the claim holds near 1)\n\n");
        s.append("| Page | Call | Small p50 | Small p95 | Big p50 | Big p95 | Ratio (p50) |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Latency l : f.pages()) {
            s.append(String.format(Locale.ROOT, "| %s | `GET %s` | %.1f | %.1f | %.1f | %.1f | %.2f× |%n", l.page(),
                    l.path().replaceAll("B[0-9A-F]{4}-", "…-"), l.smallP50(), l.smallP95(), l.bigP50(), l.bigP95(),
                    l.ratio()));
        }
        s.append(String.format(Locale.ROOT, "%nIntake: %,d readings over `POST /api/v1/stacks/readings` in batches of "
                + "1,000 (one sensor, checked, de-duplicated, rolled up, alert-checked) in %.2f s = %,.0f readings/s; "
                + "plain JDBC batches of 1,000 (a transaction each) of the same rows into a plain table: %.2f s = "
                + "%,.0f rows/s; ratio %.2f×.%n", f.intakeRows(), f.intakeSeconds(), f.intakeRows() / f.intakeSeconds(),
                f.floorSeconds(), f.intakeRows() / f.floorSeconds(), f.intakeRatio()));
        return s.toString();
    }

    /** The pages over HTTP, signed in through the login form as the keeper; the API with the sensor's token. */
    static final class Http implements Caller {

        private static final Pattern CSRF = Pattern.compile(
                "name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        private final URI base;
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final HttpClient api = HttpClient.newHttpClient();

        Http(URI base, String user, String password) throws Exception {
            this.base = base;
            String login = browser.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(login);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                    + encode(m.group(1) != null ? m.group(1) : m.group(2));
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in refused for " + user);
            }
        }

        @Override
        public int get(String path) throws Exception {
            return browser.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public int post(String path, String bearer, String json) throws Exception {
            return api.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void log(String format, Object... args) {
        System.err.println("[climate-bench] " + String.format(Locale.ROOT, format, args));
    }
}
