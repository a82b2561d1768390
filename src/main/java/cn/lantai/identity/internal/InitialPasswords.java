package cn.lantai.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-time passwords made at the server (the three administrators' at the first start, an administrator's reset
 * with {@code --lantai.security.reset-password}), kept in {@code <data-dir>/initial-passwords.txt} beside the log line,
 * so whoever installs the archive finds them without searching a log that may travel to a central collector. The file
 * is created readable and writable by the account running Lantai only (POSIX 0600) before a byte is written, and
 * tightened to that again if it was loosened; a symbolic link in its place is refused, so nobody with the data
 * directory can redirect the passwords elsewhere. Lines are appended, never rewritten.
 */
@Component
public class InitialPasswords {

    static final String FILE_NAME = "initial-passwords.txt";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    InitialPasswords(@Value("${lantai.data-dir}") Path dataDir) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** Where the passwords are written, as the log line names it. */
    public Path file() {
        return file;
    }

    /** Appends one account's one-time password; the file is the server account's alone before anything is in it. */
    public synchronized void write(String username, String displayName, String password, String occasion) {
        try {
            Files.createDirectories(file.getParent());
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
                if (posix) {
                    // an existing file keeps its mode when opened: tighten it before the password goes in
                    Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                            .setPermissions(OWNER_ONLY);
                }
                StringBuilder text = new StringBuilder();
                if (channel.size() == 0) {
                    text.append("# Lantai: one-time passwords made at the server. Each must be changed at its first ")
                            .append("login (it then no longer opens anything);\n# delete this file once every ")
                            .append("account below has signed in and chosen its own password.\n");
                }
                text.append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\t').append(occasion).append('\t')
                        .append(username).append(" (").append(displayName).append(")\t").append(password).append('\n');
                channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the one-time passwords to " + file, e);
        }
    }
}
