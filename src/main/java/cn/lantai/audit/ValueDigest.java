package cn.lantai.audit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * What the trail keeps of a value that some of its readers may not see (a classified record's 范围和提要): a salted
 * SM3 digest (GB/T 32905) instead of the value. The salt is 128 random bits, one per recorded change, kept with the
 * value itself where only those cleared for it read it (the catalogue's history). Without the salt nobody can match a
 * digest by hashing guesses, however few the candidates (a date, a year); with the salt and the value anyone can show
 * that the value is the one the chain recorded.
 *
 * <p>The digest is SM3 over the tag {@code lantai-audit-value-v1}, then the salt and the value, each as its UTF-8
 * length in 4 bytes (big-endian) and its UTF-8 bytes; written {@code sm3:} and 64 hex digits. A null value has no
 * digest: the trail then shows that the field was empty.
 */
public final class ValueDigest {

    public static final String PREFIX = "sm3:";

    private static final byte[] TAG = "lantai-audit-value-v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ValueDigest() {
    }

    /** A fresh salt: 16 random bytes as 32 hex digits. */
    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** {@code sm3:} and the digest of the value under this salt; null for a null value. */
    public static String of(String salt, String value) {
        if (value == null) {
            return null;
        }
        SM3Digest sm3 = new SM3Digest();
        sm3.update(TAG, 0, TAG.length);
        text(sm3, salt);
        text(sm3, value);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return PREFIX + HexFormat.of().formatHex(out);
    }

    private static void text(SM3Digest sm3, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int shift = 24; shift >= 0; shift -= 8) {
            sm3.update((byte) (bytes.length >>> shift));
        }
        sm3.update(bytes, 0, bytes.length);
    }
}
