package cn.lantai.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The uploads folder ({@code <data-dir>/uploads}): a catalogue file lives here from its upload until its import takes
 * it over, its preview ends, or it is refused. What nobody came back for (a mapping step left open) is removed by a
 * sweep at start and every ten minutes, once older than {@code lantai.import.abandoned-after} (default 2 hours).
 */
@Component
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final Path dir;
    private final Duration abandonedAfter;

    Uploads(@Value("${lantai.data-dir}") Path dataDir,
            @Value("${lantai.import.abandoned-after:2h}") Duration abandonedAfter) {
        this.dir = dataDir.resolve("uploads");
        this.abandonedAfter = abandonedAfter;
    }

    /** Stores the content as a new upload and closes it; a failed copy leaves nothing behind. */
    public Path store(InputStream content) {
        Path target = null;
        try (InputStream in = content) {
            Files.createDirectories(dir);
            target = Files.createTempFile(dir, "upload-", ".part");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            discard(target);
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an upload that will not be imported (refused, previewed, replaced). */
    public void discard(Path upload) {
        if (upload == null) {
            return;
        }
        try {
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            log.warn("Could not remove the upload {}", upload, e);
        }
    }

    /** Removes the uploads older than the abandoned age; answers how many. */
    @Scheduled(initialDelay = 0, fixedDelayString = "PT10M")
    public int sweep() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant before = Instant.now().minus(abandonedAfter);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    discard(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not sweep the uploads folder {}", dir, e);
        }
        if (removed > 0) {
            log.info("Removed {} abandoned upload(s) older than {}", removed, abandonedAfter);
        }
        return removed;
    }
}
