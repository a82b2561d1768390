package cn.lantai.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one-time passwords made at the server are kept in a file only the server's account may read. */
class InitialPasswordsTest {

    @TempDir
    Path dataDir;

    @Test
    void theOneTimePasswordsOfTheFirstStartAreWrittenToAFileReadableByTheServersAccountOnly() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        InitialPasswords passwords = new InitialPasswords(dataDir.resolve("lantai-data"));
        passwords.write("admin", "系统管理员", "Kq7mVt3xPz9wRb2n", "first start");
        passwords.write("auditor", "安全审计员", "Hn4cLw8sYd6fTg3k", "first start");

        Path file = dataDir.resolve("lantai-data").resolve("initial-passwords.txt");
        assertThat(passwords.file()).isEqualTo(file.toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).startsWith("# Lantai: one-time passwords").contains("admin (系统管理员)\tKq7mVt3xPz9wRb2n")
                .contains("auditor (安全审计员)\tHn4cLw8sYd6fTg3k");
        assertThat(text.lines().filter(l -> l.startsWith("#"))).hasSize(2);
    }

    @Test
    void aFileLoosenedMeanwhileIsTightenedBeforeTheNextPasswordGoesIn() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        InitialPasswords passwords = new InitialPasswords(dataDir);
        passwords.write("admin", "系统管理员", "Kq7mVt3xPz9wRb2n", "first start");
        Files.setPosixFilePermissions(passwords.file(), PosixFilePermissions.fromString("rw-r--r--"));
        passwords.write("secadmin", "安全保密管理员", "Wd5gHs2kLp8qNc4v", "reset at the server");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords.file())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(passwords.file())).contains("Kq7mVt3xPz9wRb2n").contains("Wd5gHs2kLp8qNc4v");
    }

    @Test
    void aSymbolicLinkInThePlaceOfTheFileIsNotFollowed() throws Exception {
        Path elsewhere = Files.writeString(dataDir.resolve("readable-by-all.txt"), "");
        Files.createSymbolicLink(dataDir.resolve("initial-passwords.txt"), elsewhere);
        InitialPasswords passwords = new InitialPasswords(dataDir);
        assertThatThrownBy(() -> passwords.write("admin", "系统管理员", "Kq7mVt3xPz9wRb2n", "first start"))
                .hasMessageContaining("initial-passwords.txt");
        assertThat(Files.readString(elsewhere)).isEmpty();
    }
}
