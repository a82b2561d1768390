package cn.lantai.identity.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.lantai.audit.AuditEvent;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused access tokens (forged, revoked, expired, of a disabled or locked account), counted per address in windows of
 * one minute. The trail gets the first refusal of each address and holder in a window at once, and the rest as one
 * entry when the window ends ("N more from this address"), not one entry per request. An address with
 * {@code lantai.security.token-refusals-per-minute} (default 30) refusals in the current window is refused without
 * its tokens being looked up until the window ends. A counter of our own rather than a rate-limit library: the count
 * that limits is the count the trail needs, and both reset together.
 */
@Component
public class TokenRefusals {

    /** Addresses tracked in one window; beyond them (an attacker with many addresses) they share one count. */
    private static final int MAX_ADDRESSES = 10_000;
    private static final String OTHER_ADDRESSES = "*";
    private static final int MAX_TOKEN_IDS = 10;

    private final IdentityTrail trail;
    private final int perMinute;
    /** Read without the lock by {@link #throttled} (every token call); replaced and written under it. */
    private volatile Window window = new Window();

    TokenRefusals(IdentityTrail trail, @Value("${lantai.security.token-refusals-per-minute:30}") int perMinute) {
        this.trail = trail;
        this.perMinute = perMinute;
    }

    private record Key(String address, String holder) {
    }

    /** Refusals after the first of their address and holder in this window, and the token ids they named. */
    private static final class Tally {
        int more;
        final Set<String> tokenIds = new LinkedHashSet<>();
    }

    private static final class Window {
        final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
        final Map<Key, Tally> byHolder = new HashMap<>();
    }

    /**
     * True when the address has used up its refusals for this window: its tokens are not looked up. Asked on every
     * call with a token, so it takes no lock: a window without refusals answers at once.
     */
    public boolean throttled(String address) {
        Window current = window;
        return !current.byAddress.isEmpty()
                && current.byAddress.getOrDefault(tracked(current, address), 0) >= perMinute;
    }

    /** Counts a refusal; the first of its address and holder in this window is audited at once. */
    public void refused(String address, String holder, String tokenId) {
        boolean first;
        synchronized (this) {
            String tracked = tracked(window, address);
            window.byAddress.merge(tracked, 1, Integer::sum);
            Tally tally = window.byHolder.get(new Key(tracked, holder));
            first = tally == null;
            if (first) {
                window.byHolder.put(new Key(tracked, holder), new Tally());
            } else {
                tally.more++;
                if (tokenId != null && tally.tokenIds.size() < MAX_TOKEN_IDS) {
                    tally.tokenIds.add(tokenId);
                }
            }
        }
        if (first) {
            trail.recordAs(holder, address, "token.refused", tokenId, null, null);
        }
    }

    /** Ends the window: one entry per address and holder refused more than once in it. */
    @Scheduled(fixedRate = 60_000, initialDelay = 60_000)
    @PreDestroy
    public void flush() {
        Window ended;
        synchronized (this) {
            ended = window;
            window = new Window();
        }
        List<AuditEvent> events = new ArrayList<>();
        ended.byHolder.forEach((key, tally) -> {
            if (tally.more > 0) {
                events.add(new AuditEvent(key.holder(), key.address(), "token.refused",
                        tally.tokenIds.isEmpty() ? null : String.join(",", tally.tokenIds), null,
                        tally.more + " more in the last minute"));
            }
        });
        trail.recordAll(events);
    }

    private static String tracked(Window window, String address) {
        String a = address == null ? "" : address;
        return window.byAddress.size() < MAX_ADDRESSES || window.byAddress.containsKey(a) ? a : OTHER_ADDRESSES;
    }
}
