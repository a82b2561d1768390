package cn.lantai.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The digest that chains the trail: SM3 (GB/T 32905-2016) over the previous entry's digest and the entry's canonical
 * content. The content is unambiguous: a fixed tag, then in this order the previous digest (hex text), seq and the
 * time in epoch microseconds (8 bytes each, big-endian), then actor, address, action, target, before and after; each
 * text is its length in bytes (4 bytes, big-endian) and its UTF-8 bytes, and a null text is the length -1 alone.
 */
public final class ChainDigest {

    /** The digest "before" the first entry: the empty trail. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] TAG = "lantai-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private ChainDigest() {
    }

    public static String of(String previous, long seq, long atMicros, String actor, String address, String action,
            String target, String before, String after) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(TAG, 0, TAG.length);
        text(sm3, previous);
        number(sm3, seq);
        number(sm3, atMicros);
        text(sm3, actor);
        text(sm3, address);
        text(sm3, action);
        text(sm3, target);
        text(sm3, before);
        text(sm3, after);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static void number(SM3Digest sm3, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            sm3.update((byte) (value >>> shift));
        }
    }

    private static void text(SM3Digest sm3, String value) {
        if (value == null) {
            length(sm3, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length(sm3, bytes.length);
        sm3.update(bytes, 0, bytes.length);
    }

    private static void length(SM3Digest sm3, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            sm3.update((byte) (value >>> shift));
        }
    }
}
