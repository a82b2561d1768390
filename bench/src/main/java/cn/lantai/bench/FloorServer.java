package cn.lantai.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.lucene.search.Query;

import tools.jackson.databind.ObjectMapper;

/**
 * The fair floor: the {@link Baseline}'s raw Lucene index served over HTTP by the JDK's own server, with nothing else
 * around it, so that Lantai's figures over HTTP are compared with the same rows behind the same kind of socket and
 * the ratio prices Lantai's own work, not HTTP. One endpoint a {@link Scenario}, each answering the top 20 as
 * {@code {"total":n,"hits":[{"archivalCode":…,"title":…}]}}:
 *
 * <ul>
 * <li>{@code GET /words?q=…}: every analysed word required over the one catch-all field;
 * <li>{@code GET /public?q=…}: the same, over rows open (开放) and unclassified only;
 * <li>{@code GET /blank}: every row (browsing);
 * <li>{@code GET /code?q=…}: the 档号 as an exact term.
 * </ul>
 */
final class FloorServer implements AutoCloseable {

    private static final byte[] MISSING_Q = "{\"status\":400,\"title\":\"q is required\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final Baseline baseline;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Starts serving the baseline's index on 127.0.0.1.
     *
     * @param port    0 for any free port
     * @param threads request threads (a few: the machine has few cores)
     */
    FloorServer(Baseline baseline, int port, int threads) throws IOException {
        this.baseline = baseline;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "floor-http");
            t.setDaemon(true);
            return t;
        });
        // as Tomcat does for Lantai: without TCP_NODELAY, Nagle's algorithm meets the client's delayed ACK and a lone
        // client waits ~40 ms for every answer (the JDK server reads this property once, when its class loads)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(executor);
        for (Scenario scenario : Scenario.values()) {
            server.createContext(scenario.floorPath(), exchange -> answer(exchange, scenario));
        }
        server.start();
    }

    /** Where the floor answers, e.g. {@code http://127.0.0.1:41234}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, Scenario scenario) throws IOException {
        try (exchange) {
            String q = query(exchange.getRequestURI()).get("q");
            boolean needsWords = scenario != Scenario.BLANK;
            if (needsWords && (q == null || q.isBlank())) {
                send(exchange, 400, "application/problem+json", MISSING_Q);
                return;
            }
            Query query = switch (scenario) {
                case WORDS -> baseline.words(q);
                case PUBLIC -> baseline.publicWords(q);
                case BLANK -> Baseline.browse();
                case CODE -> Baseline.archivalCode(q);
            };
            send(exchange, 200, "application/json", json.writeValueAsBytes(baseline.top20(query)));
        } catch (IOException | RuntimeException e) {
            send(exchange, 500, "application/problem+json", ("{\"status\":500,\"title\":\""
                    + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
