package cn.lantai.digitization.internal.ocr;

import cn.lantai.digitization.PageText;
import cn.lantai.digitization.internal.TempFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * Tesseract 5 through its command line ({@code tesseract <page> stdout -l chi_sim tsv}), one process per page with
 * one thread ({@code OMP_THREAD_LIMIT=1}), so pages run in parallel as processes and a crash or a hang of Tesseract
 * or Leptonica costs one page, never the application: a page past the deadline is killed and reported. The page
 * goes in as a greyscale PGM (written without compression: cheaper than a PNG, and Leptonica reads it); words come
 * back with their boxes from the TSV output and are joined as Chinese is written ({@link CjkText}).
 */
public class TesseractEngine implements OcrEngine {

    private final String command;
    private final String language;
    private final Duration deadline;
    private volatile String unavailable;
    private volatile boolean checked;
    private final TesseractOrientation orientation;

    public TesseractEngine(String command, String language, Duration deadline) {
        this.command = command;
        this.language = language;
        this.deadline = deadline;
        this.orientation = new TesseractOrientation(command, deadline);
    }

    /** Tesseract's own orientation and script detection ({@link TesseractOrientation}). */
    @Override
    public OptionalInt orientation(BufferedImage page) {
        return orientation.detect(page);
    }

    @Override
    public String name() {
        return "tesseract-" + language;
    }

    @Override
    public String unavailable() {
        if (!checked) {
            unavailable = check();
            checked = true;
        }
        return unavailable;
    }

    private String check() {
        return TesseractLanguages.missing(command, language, "tesseract-ocr-chi-sim");
    }

    @Override
    public Reading read(BufferedImage page, int dpi) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(TempFolder.current(), "lantai-ocr-");
            Path input = dir.resolve("page.pgm");
            Path output = dir.resolve("out.tsv");
            Path errors = dir.resolve("err.txt");
            Pgm.write(page, input);
            List<String> args = new ArrayList<>(List.of(command, input.toString(), "stdout", "-l", language,
                    "--psm", "3"));
            if (dpi >= 70) {
                args.addAll(List.of("--dpi", Integer.toString(dpi)));
            }
            args.add("tsv");
            ProcessBuilder builder = new ProcessBuilder(args).redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new OcrFailed("Tesseract did not finish the page within " + deadline.toSeconds()
                        + " s and was stopped");
            }
            if (process.exitValue() != 0) {
                throw new OcrFailed("Tesseract failed (exit " + process.exitValue() + "): " + tail(errors));
            }
            return parseTsv(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OcrFailed("Tesseract could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrFailed("interrupted while reading a page", e);
        } finally {
            delete(dir);
        }
    }

    /**
     * Tesseract's TSV: level, page, block, paragraph, line, word, left, top, width, height, confidence, text; level 5
     * rows are words, in reading order. A line's words are joined, lines apart by newlines.
     */
    static Reading parseTsv(String tsv) {
        List<PageText.Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> line = new ArrayList<>();
        String lineKey = null;
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !"5".equals(c[0])) {
                continue;
            }
            String word = c[11].strip();
            if (word.isEmpty()) {
                continue;
            }
            String key = c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4];
            if (!key.equals(lineKey)) {
                endLine(text, line);
                lineKey = key;
            }
            line.add(word);
            try {
                words.add(new PageText.Word(word, Integer.parseInt(c[6]), Integer.parseInt(c[7]),
                        Integer.parseInt(c[8]), Integer.parseInt(c[9])));
            } catch (NumberFormatException e) {
                // a row Tesseract wrote oddly: its text still counts, its box does not
            }
        }
        endLine(text, line);
        return new Reading(text.toString().strip(), words);
    }

    private static void endLine(StringBuilder text, List<String> line) {
        if (line.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(CjkText.join(line));
        line.clear();
    }

    private static String tail(Path errors) {
        try {
            String s = Files.readString(errors, StandardCharsets.UTF_8).strip();
            return s.length() > 300 ? s.substring(s.length() - 300) : s;
        } catch (IOException e) {
            return "(no message)";
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // a temp file left behind is cleaned with the temp folder
        }
    }
}
