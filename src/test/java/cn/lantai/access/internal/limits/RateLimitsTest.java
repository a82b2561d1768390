package cn.lantai.access.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import cn.lantai.access.internal.limits.RateLimits.Tier;
import org.junit.jupiter.api.Test;

/**
 * Whose allowance a request takes: the connection's address, or behind a trusted proxy the first address it did not
 * write itself; IPv6 by its /64; never a name looked up; exempt addresses and a switched-off limiter let all through.
 */
class RateLimitsTest {

    private static final RateLimitSettings.Tier TWO = new RateLimitSettings.Tier(2, Duration.ofHours(1));

    private static RateLimits limits(List<String> proxies, List<String> exempt, boolean enabled) {
        return new RateLimits(new RateLimitSettings(enabled, TWO, TWO, TWO, 1000, proxies, exempt));
    }

    private static int served(RateLimits limits, Tier tier, String address, String forwardedFor, int calls) {
        int served = 0;
        for (int i = 0; i < calls; i++) {
            if (limits.take(tier, address, forwardedFor).allowed()) {
                served++;
            }
        }
        return served;
    }

    @Test
    void eachAddressAndTierHasItsOwnAllowance() {
        RateLimits limits = limits(List.of(), List.of(), true);
        assertThat(served(limits, Tier.PORTAL, "192.0.2.1", null, 5)).isEqualTo(2);
        RateLimits.Decision refused = limits.take(Tier.PORTAL, "192.0.2.1", null);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 3600L);
        assertThat(served(limits, Tier.VERIFY, "192.0.2.1", null, 5)).isEqualTo(2);
        assertThat(served(limits, Tier.PORTAL, "192.0.2.2", null, 5)).isEqualTo(2);
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxyAndOnlyItsLastUntrustedHop() {
        RateLimits limits = limits(List.of("198.51.100.1", "198.51.100.2"), List.of(), true);
        assertThat(served(limits, Tier.PORTAL, "198.51.100.1", "203.0.113.7", 5)).isEqualTo(2);
        assertThat(served(limits, Tier.PORTAL, "198.51.100.2", "203.0.113.8, 198.51.100.1", 5))
                .as("through two trusted proxies").isEqualTo(2);
        assertThat(served(limits, Tier.PORTAL, "198.51.100.1", "1.1.1.1, 203.0.113.7", 5))
                .as("a hop the client wrote itself, left of the real one, buys nothing").isZero();
        assertThat(served(limits, Tier.PORTAL, "203.0.113.50", "203.0.113.9", 5))
                .as("from no proxy the header is not read: the connection's allowance").isEqualTo(2);
        assertThat(served(limits, Tier.PORTAL, "203.0.113.50", "203.0.113.10", 5)).isZero();
        assertThat(served(limits, Tier.PORTAL, "198.51.100.1", "localhost.invalid", 5))
                .as("a name is no address: the proxy's own allowance, and nothing looked up").isEqualTo(2);
        assertThat(served(limits, Tier.PORTAL, "198.51.100.1", "999.1.1.1", 5)).isZero();
    }

    @Test
    void anIpv6NetworkSharesOneAllowanceWhoeverWalksThroughIt() {
        RateLimits limits = limits(List.of(), List.of(), true);
        assertThat(served(limits, Tier.PORTAL, "2001:db8:1:2::1", null, 1)
                + served(limits, Tier.PORTAL, "2001:db8:1:2:ffff::9", null, 1)
                + served(limits, Tier.PORTAL, "2001:db8:1:2:abcd:ef01:2345:6789", null, 3)).isEqualTo(2);
        assertThat(served(limits, Tier.PORTAL, "2001:db8:1:3::1", null, 3)).isEqualTo(2);
    }

    @Test
    void exemptAddressesAndASwitchedOffLimiterLetEverythingThrough() {
        assertThat(served(limits(List.of(), List.of("127.0.0.1"), true), Tier.VERIFY, "127.0.0.1", null, 50))
                .isEqualTo(50);
        assertThat(served(limits(List.of(), List.of(), false), Tier.VERIFY, "192.0.2.9", null, 50)).isEqualTo(50);
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimitSettings.Tier(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitSettings(true, null, null, null, 0, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits(List.of("proxy.example.org"), List.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted-proxies");
    }
}
