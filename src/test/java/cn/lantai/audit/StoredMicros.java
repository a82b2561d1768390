package cn.lantai.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, in the trail's epoch microseconds. */
final class StoredMicros {

    private StoredMicros() {
    }

    static long now() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
