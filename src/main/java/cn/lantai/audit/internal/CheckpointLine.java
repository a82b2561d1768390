package cn.lantai.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the checkpoint file, or a receipt: {@code seq digest time signature}; the signature is over
 * {@link #body()}. {@code number} is its place in the file (or among the receipts), from 1.
 */
public record CheckpointLine(long number, long seq, String digest, Instant time, String body, String signature) {

    private static final String FORM = "((\\d{1,18}) ([0-9a-f]{64}) (\\S+)) ([A-Za-z0-9+/]+={0,2})";
    private static final Pattern LINE = Pattern.compile(FORM);
    /** The form inside a longer line (a log line), standing apart from the words around it. */
    private static final Pattern WITHIN = Pattern.compile("(?<!\\S)" + FORM + "(?!\\S)");

    /** The line as written, or empty when it is not a well-formed checkpoint line. */
    public static Optional<CheckpointLine> parse(String line, long number) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? of(m, number) : Optional.empty();
    }

    /** The checkpoint line inside a longer line, as the witness log or another log writes it. */
    public static Optional<CheckpointLine> find(String line, long number) {
        Matcher m = WITHIN.matcher(line);
        return m.find() ? of(m, number) : Optional.empty();
    }

    private static Optional<CheckpointLine> of(Matcher m, long number) {
        try {
            return Optional.of(new CheckpointLine(number, Long.parseLong(m.group(2)), m.group(3),
                    Instant.parse(m.group(4)), m.group(1), m.group(5)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The line as written: the signed body and its signature. */
    public String text() {
        return body + " " + signature;
    }
}
