package cn.lantai.stacks.internal.climate;

import java.time.Duration;

import cn.lantai.stacks.StacksProblem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a sensor may deliver (HTTP calls and MQTT messages together): a Bucket4j token bucket per sensor,
 * {@code lantai.stacks.climate.deliveries-per-minute} (default 60; a call may carry up to
 * {@link ReadingIntake#MAX_BATCH} readings), refilled whole each minute; the buckets live in a bounded Caffeine cache.
 * A flood beyond it is refused with 429 and the seconds to wait.
 */
@Component
public class SensorLimits {

    private final long perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    SensorLimits(@Value("${lantai.stacks.climate.deliveries-per-minute:60}") long perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Takes one delivery from the sensor's allowance.
     *
     * @throws StacksProblem 429 {@code stacks.reading.flood} with the seconds to wait
     */
    public void take(String sensor) {
        Bucket bucket = buckets.get(sensor, k -> Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new StacksProblem(429, "stacks.reading.flood", seconds);
        }
    }
}
