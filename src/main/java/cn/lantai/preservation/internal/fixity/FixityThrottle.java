package cn.lantai.preservation.internal.fixity;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fixity audit's read rate, shared by all its readers ({@code lantai.fixity.max-mb-per-second}, 0 = as fast as
 * the disks allow): an audit over the whole store must not starve the workbench and the ingest of disk bandwidth. A
 * Bucket4j token bucket of bytes, refilled greedily, so the rate holds over any second and a reader waits only for
 * the bytes it is about to read.
 */
@Component
public class FixityThrottle {

    private static final long MB = 1024 * 1024;

    private final long bytesPerSecond;
    private final Bucket bucket;
    private final AtomicLong bytesTaken = new AtomicLong();

    FixityThrottle(@Value("${lantai.fixity.max-mb-per-second:0}") long maxMbPerSecond) {
        if (maxMbPerSecond < 0) {
            throw new IllegalArgumentException("lantai.fixity.max-mb-per-second must be 0 (unthrottled) or more");
        }
        this.bytesPerSecond = maxMbPerSecond * MB;
        this.bucket = bytesPerSecond == 0 ? null : Bucket.builder()
                .addLimit(limit -> limit.capacity(bytesPerSecond).refillGreedy(bytesPerSecond, Duration.ofSeconds(1)))
                .build();
    }

    /** A throttle of its own, for a benchmark or a test that sets the rate. */
    public static FixityThrottle of(long maxMbPerSecond) {
        return new FixityThrottle(maxMbPerSecond);
    }

    /** Waits until {@code bytes} more may be read (at once when unthrottled). */
    public void take(long bytes) {
        bytesTaken.addAndGet(bytes);
        if (bucket == null) {
            return;
        }
        try {
            for (long left = bytes; left > 0; ) {
                long now = Math.min(left, bytesPerSecond); // a bucket never holds more than one second's bytes
                bucket.asBlocking().consume(now);
                left -= now;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fixity audit interrupted while throttled", e);
        }
    }

    /** The configured rate in bytes a second; 0 when unthrottled. */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Every byte readers asked for since this throttle was made. */
    public long bytesTaken() {
        return bytesTaken.get();
    }
}
