package cn.lantai.preservation.internal.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.StoredFile;

/**
 * Entries of a package's zip, streamed: a stored file is copied from the store and its SHA-256 recomputed on the way,
 * so a file whose bytes no longer match the store's digest fails the package instead of going out with a lying
 * manifest; small documents are written from memory and digested.
 */
final class ZipParts {

    private static final int BUFFER = 1 << 16;

    private final ZipOutputStream zip;
    private final ArchivalStore store;

    ZipParts(ZipOutputStream zip, ArchivalStore store) {
        this.zip = zip;
        this.store = store;
    }

    /** Copies the stored file into the entry; fails if its bytes do not have the SHA-256 the store recorded. */
    void storedFile(String entry, ItemId item, StoredFile file) throws IOException {
        String actual;
        try (InputStream in = store.open(item, file.name())) {
            actual = copy(entry, in);
        }
        if (!actual.equalsIgnoreCase(file.sha256())) {
            throw new PackageFixityMismatch(item, file.name(), file.sha256(), actual);
        }
    }

    void bytes(String entry, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(content);
        zip.closeEntry();
    }

    /** Copies a file written aside (a manifest, a METS part) into the entry and answers its SHA-256. */
    String file(String entry, Path source) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return copy(entry, in);
        }
    }

    /** Writes the stream into a new entry, digesting what passes, and answers its SHA-256. */
    private String copy(String entry, InputStream in) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha256.update(buffer, 0, n);
            zip.write(buffer, 0, n);
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(sha256.digest());
    }
}
