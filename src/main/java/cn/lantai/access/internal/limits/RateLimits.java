package cn.lantai.access.internal.limits;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

/**
 * Per-address rate limits of the public surface (Bucket4j token buckets, one per address and tier, refilled whole at
 * the end of each period). The buckets live in a Caffeine cache bounded by {@code max-addresses} and forgotten a
 * period after their address was last seen: a flood from many addresses evicts buckets, it never grows memory.
 */
@Component
public class RateLimits {

    /** The limited parts of the public surface. */
    public enum Tier { PORTAL, IMAGES, VERIFY }

    /** The answer for one request: allowed, or refused until {@code retryAfterSeconds} have passed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final Decision ALLOWED = new Decision(true, 0);

    private final RateLimitSettings settings;
    private final ClientAddress addresses;
    private final Set<String> exempt;
    private final Cache<String, Bucket> buckets;

    RateLimits(RateLimitSettings settings) {
        this.settings = settings;
        this.addresses = new ClientAddress(settings.trustedProxies());
        this.exempt = Set.copyOf(settings.exempt().stream().map(a -> addresses.of(a, null)).toList());
        Duration longest = max(max(settings.portal().period(), settings.images().period()), settings.verify().period());
        this.buckets = Caffeine.newBuilder().maximumSize(settings.maxAddresses())
                .expireAfterAccess(longest.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** Takes one request of the tier from the caller's allowance. */
    public Decision take(Tier tier, String remoteAddress, String forwardedFor) {
        if (!settings.enabled()) {
            return ALLOWED;
        }
        String client = addresses.of(remoteAddress, forwardedFor);
        if (exempt.contains(client)) {
            return ALLOWED;
        }
        Bucket bucket = buckets.get(tier + " " + client, k -> bucket(limit(tier)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return ALLOWED;
        }
        return new Decision(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private RateLimitSettings.Tier limit(Tier tier) {
        return switch (tier) {
            case PORTAL -> settings.portal();
            case IMAGES -> settings.images();
            case VERIFY -> settings.verify();
        };
    }

    private static Bucket bucket(RateLimitSettings.Tier limit) {
        return Bucket.builder().addLimit(l -> l.capacity(limit.capacity())
                .refillIntervally(limit.capacity(), limit.period())).build();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
