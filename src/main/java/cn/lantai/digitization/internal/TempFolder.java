package cn.lantai.digitization.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The one place where the module writes working copies of page images (OCR input, PDFBox's stream cache): under the
 * data directory ({@code lantai.digitization.temp}), not the system's temp folder, because pages of controlled records
 * must not leave it; emptied at every start, so what a crash left behind does not stay. Static callers (the page
 * readers are static) reach it through {@link #current()}; before the application has started (plain unit tests) it is
 * the system's temp folder.
 */
@Component
public class TempFolder {

    private static volatile Path current;

    private final Path folder;

    TempFolder(@Value("${lantai.digitization.temp}") Path folder) {
        this.folder = emptied(folder);
        current = this.folder;
    }

    /** Makes the folder, emptied of whatever an earlier run left in it; answers its absolute path. */
    static Path emptied(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            FileSystemUtils.deleteRecursively(absolute);
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the digitization temp folder " + absolute, e);
        }
        return absolute;
    }

    /** The folder (made, emptied at start). */
    public Path path() {
        return folder;
    }

    /** The application's temp folder for the module, or the system's before the application started. */
    public static Path current() {
        Path p = current;
        return p != null ? p : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A new empty file in the folder, for one page's working copy. */
    public Path newFile(String prefix, String suffix) throws IOException {
        Files.createDirectories(folder);
        return Files.createTempFile(folder, prefix, suffix);
    }

    /** A new empty folder in the folder. */
    public Path newFolder(String prefix) throws IOException {
        Files.createDirectories(folder);
        return Files.createTempDirectory(folder, prefix);
    }
}
