package cn.lantai.access.internal.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public surface's per-address limits ({@code lantai.access.rate-limits.*}). Each tier lets an address make
 * {@code capacity} requests, all given back at the end of each {@code period}.
 *
 * @param enabled        false turns every limit off (a closed intranet behind its own limiter)
 * @param portal         the portal's pages and the public API ({@code /portal/**}, {@code /api/v1/public/**})
 * @param images         anonymous IIIF images and manifests ({@code /iiif/**}): a viewer panning asks for tiles by
 *                       the dozen, so its allowance is larger
 * @param verify         certificate verification ({@code /verify/**}, {@code /api/v1/public/certificates/**}): strict,
 *                       against guessing certificate numbers
 * @param maxAddresses   most addresses whose buckets are kept at once; the least recently seen are forgotten first, so
 *                       a flood of addresses cannot exhaust memory
 * @param trustedProxies addresses of the reverse proxies whose {@code X-Forwarded-For} is believed; empty (the
 *                       default) believes none and limits by the connection's own address
 * @param exempt         addresses never limited (the reading room's own terminals; the tests' loopback)
 */
@ConfigurationProperties("lantai.access.rate-limits")
public record RateLimitSettings(@DefaultValue("true") boolean enabled,
        Tier portal, Tier images, Tier verify, @DefaultValue("100000") int maxAddresses,
        @DefaultValue({}) List<String> trustedProxies, @DefaultValue({}) List<String> exempt) {

    /** Defaults for a district portal: 120 pages a minute, 1,200 image tiles a minute, 10 verifications a minute. */
    public RateLimitSettings {
        portal = portal == null ? new Tier(120, Duration.ofMinutes(1)) : portal;
        images = images == null ? new Tier(1200, Duration.ofMinutes(1)) : images;
        verify = verify == null ? new Tier(10, Duration.ofMinutes(1)) : verify;
        if (maxAddresses < 1) {
            throw new IllegalArgumentException("lantai.access.rate-limits.max-addresses must be at least 1");
        }
        trustedProxies = List.copyOf(trustedProxies);
        exempt = List.copyOf(exempt);
    }

    /** {@code capacity} requests per {@code period}. */
    public record Tier(long capacity, Duration period) {

        public Tier {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive period");
            }
        }
    }
}
