package cn.lantai.search.internal.lucene;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index directory: one sub-directory per generation ({@code g-1}, {@code g-2}, …) and the file {@code CURRENT}
 * naming the live one, rewritten atomically at a swap. An index written before generations sits in the root itself
 * ({@link #LEGACY}) until the first rebuild replaces it.
 */
final class IndexRoot {

    /** The name of an index written in the root itself, before generations. */
    static final String LEGACY = ".";
    private static final String CURRENT = "CURRENT";

    private final Path root;

    IndexRoot(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    Path generationDir(String name) {
        return LEGACY.equals(name) ? root : root.resolve(name);
    }

    /** CURRENT's generation; else the root itself if it holds an index written before generations; else g-1. */
    String liveGenerationName() throws IOException {
        Path current = root.resolve(CURRENT);
        if (Files.exists(current)) {
            return Files.readString(current, StandardCharsets.UTF_8).strip();
        }
        try (Directory d = FSDirectory.open(root)) {
            if (DirectoryReader.indexExists(d)) {
                return LEGACY;
            }
        }
        return "g-1";
    }

    String nextGenerationName() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            int max = dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("g-\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring(2))).max().orElse(0);
            return "g-" + (max + 1);
        }
    }

    /** Atomically: a crash leaves either the old name or the new one. */
    void writeCurrent(String name) throws IOException {
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name, StandardCharsets.UTF_8);
        try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes CURRENT at the first start (or the first start after an index written before generations). */
    void recordLiveIfUnrecorded(String name) throws IOException {
        if (!Files.exists(root.resolve(CURRENT))) {
            writeCurrent(name);
        }
    }

    /** Generations a crash left behind (a rebuild that never swapped, an old one not yet deleted). */
    void removeGenerationsBut(String liveName) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches("g-\\d+"))
                    .filter(p -> !p.getFileName().toString().equals(liveName))
                    .forEach(IndexGeneration::deleteTree);
        }
    }

    /** The files of an index written before generations, once a generation replaced it. */
    void removeLegacyFiles() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(CURRENT))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            // harmless: not read any more
                        }
                    });
        }
    }
}
