package cn.lantai.preservation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The two digests every stored file carries, as lower-case hex: SHA-256 (the OCFL digest) and SM3 (GB/T 32905, kept
 * beside it because Chinese government systems ask for it). Both are computed in one pass over the bytes.
 */
public record Digests(String sha256, String sm3) {

    private static final int BUFFER = 1 << 20;

    /** Reads the file once and digests it both ways. */
    public static Digests of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads the stream to its end (without closing it) and digests it both ways. */
    public static Digests of(InputStream in) throws IOException {
        Both both = new Both();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
            both.update(buffer, 0, n);
        }
        return both.digests();
    }

    /** SM3 alone, for manifests that list only it. */
    public static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** SHA-256 alone, of bytes in memory (a description, a definitions file). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both digests fed piece by piece, for callers that already read the bytes for something else. */
    public static final class Both {
        private final MessageDigest sha256;
        private final SM3Digest sm3 = new SM3Digest();
        private long size;

        public Both() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        public void update(byte[] bytes, int offset, int length) {
            sha256.update(bytes, offset, length);
            sm3.update(bytes, offset, length);
            size += length;
        }

        /** How many bytes went in so far. */
        public long size() {
            return size;
        }

        public Digests digests() {
            byte[] sm3Out = new byte[sm3.getDigestSize()];
            sm3.doFinal(sm3Out, 0);
            return new Digests(HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sm3Out));
        }
    }
}
