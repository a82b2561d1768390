package cn.lantai.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of the checkpoint file: {@code seq digest time signature}; the signature is over {@link #body()}. */
public record CheckpointLine(long number, long seq, String digest, Instant time, String body, String signature) {

    private static final Pattern LINE =
            Pattern.compile("((\\d{1,18}) ([0-9a-f]{64}) (\\S+)) ([A-Za-z0-9+/]+={0,2})");

    /** The line as written, or empty when it is not a well-formed checkpoint line. */
    public static Optional<CheckpointLine> parse(String line, long number) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CheckpointLine(number, Long.parseLong(m.group(2)), m.group(3),
                    Instant.parse(m.group(4)), m.group(1), m.group(5)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
