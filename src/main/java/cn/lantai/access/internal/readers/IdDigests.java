package cn.lantai.access.internal.readers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.lantai.access.IdType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed digest a visitor is found again by ({@code access_visitor.id_digest}): HMAC-SHA256 over the ID type and
 * the normalised number, with a key of the archive's own. Without the key the digest cannot be matched against a list
 * of guessed numbers (an 18-digit resident ID has few unknown digits once region and birth date are guessed). The key
 * is {@code lantai.access.id-digest-key} (base64, at least 32 bytes) where configured, else the file
 * {@code <data-dir>/access/id-digest.key}, made with 32 random bytes on first start (owner-only where the file system
 * has POSIX permissions). A lost key loses no statistics: visitors are then found only after registering again.
 */
@Component
public class IdDigests {

    private static final String FILE = "access/id-digest.key";

    private final SecretKeySpec key;

    IdDigests(@Value("${lantai.access.id-digest-key:}") String configured, @Value("${lantai.data-dir}") Path dataDir) {
        byte[] bytes = configured.isBlank() ? fromFile(dataDir.resolve(FILE)) : Base64.getDecoder().decode(configured.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("lantai.access.id-digest-key must hold at least 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The digest of a normalised number of the given type, 64 hex digits. */
    public String digest(IdType type, String normalisedNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] out = mac.doFinal((type.name() + ":" + normalisedNumber).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.CREATE_NEW);
                    ownerOnly(file);
                } catch (FileAlreadyExistsException e) {
                    // another start made it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the ID digest key " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
    }
}
