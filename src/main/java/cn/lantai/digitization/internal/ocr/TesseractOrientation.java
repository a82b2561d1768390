package cn.lantai.digitization.internal.ocr;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tesseract's orientation and script detection ({@code tesseract <page> - --psm 0}, language data {@code osd}, Debian
 * {@code tesseract-ocr-osd}): its {@code Rotate:} line is the clockwise turn that makes the page upright, trusted when
 * its {@code Orientation confidence:} reaches {@link #MIN_CONFIDENCE}. A page with too little text, a missing
 * {@code osd} or a Tesseract that fails or hangs gives "unknown", never an error: the page then stays as scanned.
 */
public class TesseractOrientation {

    /**
     * Tesseract's own confidence below which its answer is a guess; clean print scores 5 to 7, a blank or noisy page
     * below 1 (measured here on rendered Chinese pages turned by each quarter).
     */
    static final double MIN_CONFIDENCE = 2.0;
    private static final Pattern ROTATE = Pattern.compile("(?m)^Rotate:\\s*(\\d+)\\s*$");
    private static final Pattern CONFIDENCE = Pattern.compile("(?m)^Orientation confidence:\\s*([0-9.]+)\\s*$");

    private final String command;
    private final Duration deadline;

    public TesseractOrientation(String command, Duration deadline) {
        this.command = command;
        this.deadline = deadline;
    }

    /** The clockwise quarter turns that make the page upright, or empty when Tesseract cannot tell. */
    public OptionalInt detect(BufferedImage page) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lantai-osd-");
            Path input = dir.resolve("page.pgm");
            Path output = dir.resolve("osd.txt");
            Pgm.write(page, input);
            ProcessBuilder builder = new ProcessBuilder(List.of(command, input.toString(), "-", "--psm", "0"))
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return OptionalInt.empty();
            }
            if (process.exitValue() != 0) {
                return OptionalInt.empty();
            }
            return parse(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } finally {
            delete(dir);
        }
    }

    /** Reads the OSD report: the quarter turns of its {@code Rotate:} when confident enough. */
    static OptionalInt parse(String report) {
        Matcher rotate = ROTATE.matcher(report);
        Matcher confidence = CONFIDENCE.matcher(report);
        if (!rotate.find() || !confidence.find()) {
            return OptionalInt.empty();
        }
        try {
            int degrees = Integer.parseInt(rotate.group(1));
            double sure = Double.parseDouble(confidence.group(1));
            if (degrees % 90 != 0 || degrees >= 360 || !(sure >= MIN_CONFIDENCE)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(degrees / 90);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether Tesseract runs here with its orientation data; the reason in plain words when not. */
    public String unavailable() {
        return TesseractLanguages.missing(command, "osd", "tesseract-ocr-osd");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Tesseract OSD (%s)", command);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp file left behind is cleaned with the temp folder
        }
    }
}
