package cn.lantai.digitization.internal.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Whether the Tesseract command runs here with the language data an engine needs ({@code --list-langs}): the reason in
 * plain words, naming the Debian package that brings it, when not; {@code null} when it does.
 */
final class TesseractLanguages {

    private TesseractLanguages() {
    }

    static String missing(String command, String language, String debianPackage) {
        try {
            Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "Tesseract (" + command + ") did not answer --list-langs within 30 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                return "Tesseract (" + command + ") does not run: exit " + p.exitValue();
            }
            return out.lines().map(String::strip).anyMatch(language::equals) ? null
                    : "Tesseract has no language data " + language + " (Debian: apt-get install " + debianPackage + ")";
        } catch (IOException e) {
            return "Tesseract is not installed on this machine (" + command
                    + " not found; Debian: apt-get install tesseract-ocr " + debianPackage + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for Tesseract";
        }
    }
}
