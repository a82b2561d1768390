package cn.lantai.preservation.internal.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The quarantine folder ({@code <data-dir>/quarantine/<yyyy-MM-dd>/}): an infected file is moved here, never into the
 * store, as {@code <uuid>-<its name>} with {@code <same>.reason} beside it saying why, from where and when. The
 * folders are 0700 and the files 0600 where the file system has POSIX permissions, so only the application's user
 * can reach them. The uuid keeps two files of one name apart; the name is cut to fit the file system's 255 bytes.
 */
public final class Quarantine {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** 255 bytes per name on ext4/xfs, less the uuid, its dash and ".reason". */
    private static final int MAX_NAME_BYTES = 255 - 37 - ".reason".length();

    private final Path root;
    private final Clock clock;

    public Quarantine(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Moves the file in, writes its reason, and answers its new place. */
    public Path hold(Path file, String reason) {
        try {
            Path day = folder(root.resolve(LocalDate.now(clock).toString()));
            Path target = day.resolve(UUID.randomUUID() + "-" + safeName(file));
            Path reasonFile = target.resolveSibling(target.getFileName() + ".reason");
            Files.writeString(reasonFile, reasonText(file, reason), StandardCharsets.UTF_8);
            ownerOnly(reasonFile, OWNER_ONLY_FILE);
            moveOrForget(file, target, reasonFile);
            ownerOnly(target, OWNER_ONLY_FILE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot quarantine " + file.getFileName(), e);
        }
    }

    private static void moveOrForget(Path file, Path target, Path reasonFile) throws IOException {
        try {
            Files.move(file, target);
        } catch (IOException e) {
            Files.deleteIfExists(reasonFile);
            throw e;
        }
    }

    private String reasonText(Path file, String reason) {
        return "reason: " + oneLine(reason) + "\nfrom: " + oneLine(file.toAbsolutePath().toString())
                + "\nat: " + Instant.now(clock) + "\n";
    }

    /** Line breaks in a finding or a name cannot forge another line of the reason file. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\u2028\\u2029]", " ");
    }

    private Path folder(Path day) throws IOException {
        for (Path dir : new Path[] {root, day}) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            ownerOnly(dir, OWNER_ONLY_DIR);
        }
        return day;
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** The file's own name without control characters, cut at a character boundary to fit. */
    static String safeName(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "file" : fileName.toString().replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "_");
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(MAX_NAME_BYTES);
        CharBuffer in = CharBuffer.wrap(name);
        encoder.encode(in, out, true);
        return name.substring(0, in.position());
    }
}
