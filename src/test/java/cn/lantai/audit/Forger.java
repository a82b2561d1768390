package cn.lantai.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * What an attacker who read the documentation can compute: an entry's digest by the published layout, with SM3 from
 * BouncyCastle and nothing of Lantai's own code.
 */
final class Forger {

    private Forger() {
    }

    static String digest(String previous, long seq, long atMicros, String actor, String address, String action,
            String target, String before, String after) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("lantai-audit-v1".getBytes(StandardCharsets.US_ASCII));
        text(content, previous);
        content.writeBytes(ByteBuffer.allocate(16).putLong(seq).putLong(atMicros).array());
        for (String field : new String[] {actor, address, action, target, before, after}) {
            text(content, field);
        }
        return sm3(content.toByteArray());
    }

    static String sm3(byte[] bytes) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static void text(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
