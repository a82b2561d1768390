package cn.lantai.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The same work as {@link Baseline}, done through a running Lantai over HTTP: uploads the catalogue file to
 * {@code POST /api/v1/imports} (mode KEEP_VALID), polls {@code GET /api/v1/jobs/{id}} until the job succeeds, then
 * polls {@code GET /api/v1/search} until the last valid row is found; the time from the upload to that moment is
 * "imported and searchable". The searches of each {@link Scenario} go through {@link #searcher}: the archivist's
 * with a personal access token made through the workbench (never HTTP Basic, whose password check would be measured
 * too), the public's anonymously. Heap used is sampled throughout from the actuator metric {@code jvm.memory.used}
 * (area heap), or with {@code jstat} when a process id is given.
 *
 * <p>Lantai is started by {@link LantaiProcess} or separately ({@code java -Xmx1g -jar target/lantai-*.jar}); see
 * bench/README.md.
 */
public final class LantaiRun {

    /** Where Lantai runs and how to log in; {@code pid} (optional) switches heap sampling to jstat. */
    public record Options(URI url, String user, String password, String token, Long pid) {
    }

    /** Figures of the import, seconds measured from the start of the upload. */
    public record ImportResult(long rows, long accepted, long rejected, double uploadSeconds, double jobSeconds,
            double seconds, double rowsPerSecond, String jobId, String probe) {
    }

    /** What the harness needs to know about a catalogue file. */
    public record FileFacts(long rows, String lastCode, String lastTitle, List<String> sampledTitles,
            List<String> sampledCodes) {
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The search load's own connections, apart from the heap sampler's and the import's. */
    private final HttpClient searchHttp = HttpSearch.client();
    private final ObjectMapper json = new ObjectMapper();
    private final String auth;

    public LantaiRun(Options options) {
        this.options = options;
        this.auth = "Bearer " + (options.token() != null ? options.token() : signIn(options));
    }

    /** Starts sampling Lantai's heap every 500 ms (jstat: every second); close it to stop. */
    public HeapSampler heapSampler() {
        LongSupplier source = options.pid() != null ? () -> jstatHeapUsed(options.pid()) : () -> {
            JsonNode m = getJson("/actuator/metrics/jvm.memory.used?tag=area:heap");
            return (long) m.path("measurements").path(0).path("value").asDouble(-1);
        };
        return new HeapSampler("lantai", options.pid() != null ? 1000 : 500, source);
    }

    /** Heap limit of Lantai's JVM in bytes (jvm.memory.max, area heap), or -1 when not available. */
    public long heapMaxBytes() {
        try {
            JsonNode m = getJson("/actuator/metrics/jvm.memory.max?tag=area:heap");
            return (long) m.path("measurements").path(0).path("value").asDouble(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Uploads the file and waits until the job has succeeded and {@code lastCode} is found by searching.
     *
     * @param lastCode  档号 of the last valid row of the file; {@code lastTitle} its 题名
     */
    public ImportResult importFile(Path file, long rows, String lastCode, String lastTitle, Duration timeout)
            throws IOException, InterruptedException {
        registerFondsAndCategory();
        String boundary = "----lantai-bench-" + UUID.randomUUID();
        String contentType = file.toString().endsWith(".xlsx")
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nKEEP_VALID\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest post = request("/api/v1/imports").timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        BodyPublishers.ofFile(file), BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        HttpResponse<String> created = http.send(post, BodyHandlers.ofString());
        if (created.statusCode() / 100 != 2) {
            throw new IOException("import upload: HTTP " + created.statusCode() + ": " + created.body());
        }
        double uploadSeconds = seconds(start);
        String jobId = json.readTree(created.body()).path("id").asText();
        JsonNode job;
        long lastReport = System.nanoTime();
        while (true) {
            job = getJson("/api/v1/jobs/" + jobId);
            String state = job.path("state").asText();
            if ("SUCCEEDED".equals(state)) {
                break;
            }
            if ("FAILED".equals(state)) {
                throw new IOException("import job " + jobId + " failed: " + job);
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                System.err.printf("  lantai import %s: %s %s/%s after %.0f s%n", jobId, state, job.path("done"),
                        job.path("total"), seconds(start));
                lastReport = System.nanoTime();
            }
            checkDeadline(deadline, "import job " + jobId + " did not finish");
            Thread.sleep(500);
        }
        double jobSeconds = seconds(start);
        // probe once a second, by 档号 first (an exact-term query): probing harder would take CPU from the indexing
        // being measured, and the baseline is not probed at all
        String probe = null;
        while (probe == null) {
            if (lastCode.equals(firstHit(lastCode))) {
                probe = "archival code";
            } else if (lastCode.equals(firstHit(lastTitle))) {
                probe = "title";
            } else {
                checkDeadline(deadline, lastCode + " did not become searchable");
                Thread.sleep(1000);
            }
        }
        double seconds = seconds(start);
        return new ImportResult(rows, job.path("accepted").asLong(-1), job.path("rejected").asLong(-1),
                uploadSeconds, jobSeconds, seconds, rows / seconds, jobId, probe);
    }

    /** The generated rows belong to fonds 0001… and category WS: Lantai accepts rows only of registered ones. */
    private void registerFondsAndCategory() throws IOException, InterruptedException {
        for (int f = 1; f <= CatalogueGenerator.FONDS_COUNT; f++) {
            String code = String.format("%04d", f);
            put("/api/v1/fonds/" + code, "{\"name\":\"临江区全宗" + code + "\"}");
        }
        put("/api/v1/categories/WS", "{\"name\":\"文书\",\"fields\":[]}");
    }

    private void put(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("PUT " + path + ": HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private String firstHit(String q) {
        JsonNode hits = getJson("/api/v1/search?size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .path("hits");
        return hits.isArray() && !hits.isEmpty() ? hits.get(0).path("archivalCode").asText() : null;
    }

    /** The searches of a scenario as its caller's client sends them: the archivist with the token, the public without. */
    HttpSearch searcher(Scenario scenario) {
        return new HttpSearch(searchHttp, options.url(), scenario.lantaiPath(), scenario.signedIn() ? auth : null);
    }

    /**
     * Why a scenario cannot run against this Lantai (its endpoint answers anything but 200 to one search, e.g. 404 or
     * 401 while the public search is not there yet), or null when it can.
     */
    String unavailable(Scenario scenario, String sampleInput) {
        try {
            int status = searcher(scenario).status(sampleInput);
            return status == 200 ? null : "HTTP " + status + " from GET " + scenario.lantaiPath();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Hits of the public search that were checked, and how many of them the public should not have seen. */
    public record PublicCheck(int queries, long hits, long closed) {
    }

    /**
     * Checks the public search's first pages for some phrases, outside the measured load: every hit must be open
     * (开放) and unclassified, as the public may see only those.
     */
    PublicCheck checkPublic(List<String> phrases, int queries) throws IOException, InterruptedException {
        long hits = 0, closed = 0;
        int asked = Math.min(queries, phrases.size());
        for (String phrase : phrases.subList(0, asked)) {
            HttpResponse<String> r = searchHttp.send(HttpRequest.newBuilder(options.url().resolve(
                    Scenario.request(Scenario.PUBLIC.lantaiPath(), phrase))).header("Accept", "application/json")
                    .GET().build(), BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("public search: HTTP " + r.statusCode());
            }
            for (JsonNode hit : json.readTree(r.body()).path("hits")) {
                hits++;
                String open = hit.path("openStatus").asText(""), secret = hit.path("classification").asText("");
                if (!Set.of("OPEN", "开放").contains(open) || !Set.of("", "NONE", "无").contains(secret)) {
                    closed++;
                }
            }
        }
        return new PublicCheck(asked, hits, closed);
    }

    /** True when a search for the 档号 answers and finds that item first; false on any failure (still starting). */
    boolean finds(String code) {
        try {
            return code.equals(searcher(Scenario.CODE).search(code).firstCode());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(options.url().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", "application/json");
    }

    private JsonNode getJson(String path) {
        try {
            HttpResponse<String> r = http.send(request(path).GET().build(), BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode() + ": " + r.body());
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Heap used of a local JVM by {@code jstat -gc}: survivor, eden and old generation used, in bytes. */
    static long jstatHeapUsed(long pid) {
        try {
            Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            p.waitFor();
            String[] names = lines.get(0).trim().split("\\s+");
            String[] values = lines.get(1).trim().split("\\s+");
            double kb = 0;
            for (int i = 0; i < names.length; i++) {
                if (Set.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                    kb += Double.parseDouble(values[i]);
                }
            }
            return (long) (kb * 1024);
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Counts the data rows and finds the last valid row of a CSV (the one to wait for), sampling titles. */
    public static FileFacts scan(Path csv) throws IOException {
        QueryPhrases.Sample titles = new QueryPhrases.Sample(4000, 7);
        QueryPhrases.Sample codes = new QueryPhrases.Sample(4000, 13);
        Set<String> seen = new HashSet<>();
        long rows = 0;
        String[] last = null;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(QueryPhrases.skipBom(in), QueryPhrases.csvFormat())) {
            for (CSVRecord r : parser) {
                rows++;
                String[] cells = new String[CatalogueGenerator.HEADERS.size()];
                for (int c = 0; c < CatalogueGenerator.BODY; c++) {
                    cells[c] = r.get(CatalogueGenerator.HEADERS.get(c));
                }
                if (Baseline.valid(cells, seen)) {
                    last = cells;
                    titles.offer(cells[CatalogueGenerator.TITLE]);
                    codes.offer(cells[CatalogueGenerator.CODE]);
                }
            }
        }
        if (last == null) {
            throw new IllegalArgumentException(csv + " has no valid row");
        }
        return new FileFacts(rows, last[CatalogueGenerator.CODE], last[CatalogueGenerator.TITLE], titles.values(),
                codes.values());
    }

    private static void checkDeadline(long deadline, String message) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException(message + " within the timeout");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * An access token from {@code --token} or LANTAI_TOKEN; else the harness signs in with {@code --user} (admin) and
     * {@code --password} (LANTAI_ADMIN_PASSWORD) through the login form and makes itself a one-day token.
     */
    static Options options(Args args) {
        return options(args, args.get("url", "http://127.0.0.1:8080"));
    }

    /** As {@link #options(Args)}, for a Lantai at the given address. */
    static Options options(Args args, String url) {
        String token = args.get("token", System.getenv("LANTAI_TOKEN"));
        String password = args.get("password", System.getenv("LANTAI_ADMIN_PASSWORD"));
        if ((token == null || token.isEmpty()) && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("set LANTAI_TOKEN or LANTAI_ADMIN_PASSWORD, or pass --token or --password");
        }
        String pid = args.get("pid");
        return new Options(URI.create(url), args.get("user", "admin"), password,
                token == null || token.isEmpty() ? null : token, pid == null ? null : Long.valueOf(pid));
    }

    /** The CSRF token of a workbench page: the layout's meta tag or a form's hidden input. */
    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"[^>]*content=\"([^\"]+)\"|name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** Where the account page shows a newly issued token's secret. */
    private static final Pattern ISSUED_SECRET = Pattern.compile("id=\"issued-secret\"[^>]*>([^<]+)<");

    /** Signs in through the workbench's login form and asks the account page for a one-day access token. */
    static String signIn(Options options) {
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String login = browser.send(HttpRequest.newBuilder(options.url().resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String form = "username=" + encode(options.user()) + "&password=" + encode(options.password())
                    + "&_csrf=" + encode(csrf(login));
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(options.url().resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("sign-in refused for " + options.user());
            }
            String page = browser.send(HttpRequest.newBuilder(options.url().resolve("/account")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> token = browser.send(HttpRequest.newBuilder(options.url().resolve("/account/tokens"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("name=bench&days=1&_csrf=" + encode(csrf(page))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() == 200 && token.body().contains("\"secret\"")) {
                return new ObjectMapper().readTree(token.body()).path("secret").asText();
            }
            // the form as a person sends it: redirected to the account page, which shows the new secret once
            String shown = browser.send(HttpRequest.newBuilder(options.url().resolve("/account")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher secret = ISSUED_SECRET.matcher(shown);
            if (token.statusCode() / 100 != 3 || !secret.find()) {
                throw new IllegalStateException("no access token issued: HTTP " + token.statusCode() + " from "
                        + "POST /account/tokens");
            }
            return secret.group(1).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        var m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * {@code --csv file [--url u] [--password p] [--pid n] [--clients 32] [--warmup 5s] [--duration 20s]
     * [--scenarios words,public,blank,code]}: imports, then runs each scenario with 1 client and with many.
     */
    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path csv = Path.of(args.get("csv", "bench/work/rows.csv"));
        FileFacts facts = scan(csv);
        LantaiRun run = new LantaiRun(options(args));
        try (HeapSampler heap = run.heapSampler()) {
            if (!args.flag("no-import")) { // --no-import: the rows are in that Lantai already
                ImportResult imported = run.importFile(csv, facts.rows(), facts.lastCode(), facts.lastTitle(),
                        args.getDuration("timeout", Duration.ofMinutes(60)));
                System.out.println(imported);
            }
            List<String> phrases = QueryPhrases.fromTitles(facts.sampledTitles(), 1000, 5);
            for (Scenario scenario : Scenario.parse(args.get("scenarios"))) {
                List<String> inputs = scenario.inputs(phrases, facts.sampledCodes());
                String unavailable = run.unavailable(scenario, inputs.get(0));
                if (unavailable != null) {
                    System.out.println(scenario.label() + ": unavailable, " + unavailable);
                    continue;
                }
                for (int clients : new int[] {1, args.getInt("clients", 32)}) {
                    System.out.println(scenario.label() + ": " + SearchLoad.run(inputs, clients,
                            args.getDuration("warmup", Duration.ofSeconds(5)),
                            args.getDuration("duration", Duration.ofSeconds(20)), Long.MAX_VALUE, 11,
                            scenario.firstHitIsInput(), run.searcher(scenario)));
                }
            }
            System.out.printf("heap used, max sampled: %.0f MiB%n", heap.maxBytes() / 1048576.0);
        }
    }
}
