package cn.lantai.preservation.internal.packages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes finished packages once they are older than {@code lantai.packages.keep} (default 7 days): a package is a
 * copy made to be fetched, and copies of controlled records should not pile up on the server. A package folder counts
 * as old when nothing in it changed for that long, so one still being written is never taken.
 */
@Component
public class PackageSweep {

    private static final Logger log = LoggerFactory.getLogger(PackageSweep.class);

    private final Path root;
    private final Duration keep;

    PackageSweep(PackageBuilder builder, @Value("${lantai.packages.keep:7d}") Duration keep) {
        this.root = builder.root();
        this.keep = keep;
    }

    @Scheduled(initialDelay = 60_000, fixedDelayString = "PT1H")
    void sweep() {
        removeOlderThanKept(Instant.now());
    }

    /** Removes the package folders nothing changed in since {@code now} minus the keeping time; answers how many. */
    public int removeOlderThanKept(Instant now) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant before = now.minus(keep);
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && lastChange(folder).isBefore(before)) {
                    remove(folder);
                    removed++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not sweep the packages folder {}", root, e);
        }
        if (removed > 0) {
            log.info("Removed {} package(s) older than {}", removed, keep);
        }
        return removed;
    }

    private static Instant lastChange(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(PackageSweep::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remove(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
