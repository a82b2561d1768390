package cn.lantai.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client's search over HTTP, the same for the floor and for Lantai so that both pay the same client-side cost:
 * a GET of {@code path?size=20&q=…}, optionally with an {@code Authorization} header; anything but 200 is an error.
 * From the JSON it reads only the total and the first hit's 档号, with patterns rather than a parser, to keep the
 * clients' share of the cores small.
 */
final class HttpSearch implements SearchLoad.Searcher {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern FIRST_CODE = Pattern.compile("\"archivalCode\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http;
    private final URI base;
    private final String path;
    private final String authorization;

    /** @param authorization the header's value, or null to ask anonymously */
    HttpSearch(HttpClient http, URI base, String path, String authorization) {
        this.http = http;
        this.base = base;
        this.path = path;
        this.authorization = authorization;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public SearchLoad.Answer search(String input) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(input), BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + path);
        }
        return parse(r.body());
    }

    /** Sends one search and returns its status code, for checking that an endpoint is there at all. */
    int status(String input) throws IOException, InterruptedException {
        return http.send(request(input), BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(String input) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(Scenario.request(path, input)))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.GET().build();
    }

    static SearchLoad.Answer parse(String json) {
        Matcher total = TOTAL.matcher(json);
        Matcher first = FIRST_CODE.matcher(json);
        return new SearchLoad.Answer(total.find() ? Long.parseLong(total.group(1)) : -1,
                first.find() ? first.group(1) : null);
    }
}
