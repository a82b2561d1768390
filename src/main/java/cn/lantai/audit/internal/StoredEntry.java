package cn.lantai.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import cn.lantai.audit.AuditEntry;

/** An entry as its row holds it, with the digest of the entry before it. */
public record StoredEntry(long seq, long atMicros, String actor, String address, String action, String target,
        String before, String after, String prevDigest, String digest) {

    /** Whether the row's digest is the one its content would have at number {@code asSeq}. */
    public boolean hashesAt(long asSeq) {
        return Objects.equals(digest, ChainDigest.of(prevDigest, asSeq, atMicros, actor, address, action, target,
                before, after));
    }

    public AuditEntry toEntry() {
        return new AuditEntry(seq, instant(atMicros), actor, address, action, target, before, after, digest);
    }

    public static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    public static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
