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
 * A flood beyond it is refused with 429 and the seconds to wait. MQTT messages refused before a sensor is known are
 * counted the same way per topic room, so that a publisher of wrong tokens cannot cost a lookup each without bound.
 */
@Component
public class SensorLimits {

    private final long perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> rejections = Caffeine.newBuilder().maximumSize(10_000)
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
        Bucket bucket = buckets.get(sensor, this::bucket);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new StacksProblem(429, "stacks.reading.flood", seconds);
        }
    }

    /**
     * Whether MQTT messages on the room's topic are still looked at: a publisher whose messages keep being refused
     * (a wrong token, nonsense, too large) has its room's topic ignored, without a token digest or database lookup,
     * once the same allowance per minute is spent; a sensor's own valid messages of that room wait with it.
     */
    public boolean hearsTopic(String room) {
        return rejections.get(room, this::bucket).getAvailableTokens() > 0;
    }

    /** Counts one refused MQTT message against the room's topic. */
    public void refusedOnTopic(String room) {
        rejections.get(room, this::bucket).tryConsume(1);
    }

    private Bucket bucket(String key) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1))).build();
    }
}
