package cn.lantai.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The four searches the benchmark loads, each served by Lantai and by the {@link FloorServer}: who asks, which
 * endpoint answers, and what the input is. Each is run with one client and with many.
 */
enum Scenario {
    /** An archivist with a personal access token searches words (检索词) from the titles. */
    WORDS("archivist, words", "/words", "/api/v1/search", true, Input.PHRASES),
    /** Anyone, signed in or not, searches the public catalogue: open (开放) and unclassified records only. */
    PUBLIC("anonymous, public search", "/public", "/api/v1/public/search", false, Input.PHRASES),
    /** An archivist browses: no words at all. */
    BLANK("archivist, blank query (browse)", "/blank", "/api/v1/search", true, Input.NONE),
    /** An archivist looks up one item by its 档号; the first hit must be that item. */
    CODE("archivist, 档号 lookup", "/code", "/api/v1/search", true, Input.CODES);

    /** What a scenario's queries carry. */
    enum Input {
        PHRASES, CODES, NONE
    }

    private final String label;
    private final String floorPath;
    private final String lantaiPath;
    private final boolean signedIn;
    private final Input input;

    Scenario(String label, String floorPath, String lantaiPath, boolean signedIn, Input input) {
        this.label = label;
        this.floorPath = floorPath;
        this.lantaiPath = lantaiPath;
        this.signedIn = signedIn;
        this.input = input;
    }

    String label() {
        return label;
    }

    String floorPath() {
        return floorPath;
    }

    String lantaiPath() {
        return lantaiPath;
    }

    /** True when the caller sends the archivist's token; false for the anonymous public. */
    boolean signedIn() {
        return signedIn;
    }

    /** True when the first hit of each answer must be the 档号 asked for. */
    boolean firstHitIsInput() {
        return input == Input.CODES;
    }

    /** The inputs the load draws from: phrases, 档号 of imported rows, or the one empty input of a blank query. */
    List<String> inputs(List<String> phrases, List<String> codes) {
        return switch (input) {
            case PHRASES -> phrases;
            case CODES -> codes;
            case NONE -> List.of("");
        };
    }

    /** Path and query string of one search, top 20; an empty input sends no {@code q}. */
    static String request(String path, String input) {
        return path + "?size=20" + (input.isEmpty() ? "" : "&q=" + URLEncoder.encode(input, StandardCharsets.UTF_8));
    }

    /** Parses {@code words,public,blank,code} (any case); null or empty means all. */
    static List<Scenario> parse(String list) {
        if (list == null || list.isBlank()) {
            return List.of(values());
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> valueOf(s.toUpperCase(Locale.ROOT))).distinct().toList();
    }
}
