package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.stacks.StacksProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readings as sensors send them: one JSON object {@code {"room", "sensor", "at", "temperature", "humidity"}} or an
 * array of them; {@code at} is ISO-8601 with its offset ({@code 2026-11-30T08:00:00+08:00}), the figures are JSON
 * numbers (decimals read exactly, never as binary floating point). Over MQTT the object also carries {@code token}.
 * A part of the wrong type counts as missing, and the intake says which reading lacks what.
 */
public final class ReadingJson {

    /** A reading published over MQTT with the sensor's token. */
    public record Message(ReadingInput reading, String token) {
    }

    /** The largest HTTP body or MQTT message read: a full batch of readings with room to spare. */
    public static final int MAX_BYTES = 512 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private ReadingJson() {
    }

    /**
     * The readings of an HTTP body.
     *
     * @throws StacksProblem 400 {@code stacks.reading.bad-json}, 422 {@code stacks.reading.too-many}
     */
    public static List<ReadingInput> readings(byte[] body) {
        JsonNode root = tree(body);
        if (root.isObject()) {
            return List.of(reading(root));
        }
        if (!root.isArray()) {
            throw new StacksProblem(400, "stacks.reading.bad-json");
        }
        if (root.size() > ReadingIntake.MAX_BATCH) {
            throw new StacksProblem(422, "stacks.reading.too-many", ReadingIntake.MAX_BATCH);
        }
        List<ReadingInput> readings = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            readings.add(node.isObject() ? reading(node) : null);
        }
        return readings;
    }

    /**
     * The reading of an MQTT message: one object with its sensor's token.
     *
     * @throws StacksProblem 400 {@code stacks.reading.bad-json}
     */
    public static Message message(byte[] payload) {
        JsonNode root = tree(payload);
        if (!root.isObject()) {
            throw new StacksProblem(400, "stacks.reading.bad-json");
        }
        return new Message(reading(root), text(root, "token"));
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode root = body == null || body.length == 0 ? null : MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new StacksProblem(400, "stacks.reading.bad-json");
            }
            return root;
        } catch (JacksonException e) {
            throw new StacksProblem(400, "stacks.reading.bad-json");
        }
    }

    private static ReadingInput reading(JsonNode node) {
        return new ReadingInput(text(node, "room"), text(node, "sensor"), instant(text(node, "at")),
                number(node, "temperature"), number(node, "humidity"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static BigDecimal number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    private static Instant instant(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
