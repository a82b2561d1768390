package cn.lantai.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import cn.lantai.identity.Permissions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The effective permissions computed at earlier requests, each kept with the {@link PermissionGeneration} it was
 * computed under and served only while that is still the current one. One node's memory: at most one entry per
 * account that signed in since the last permission change. Counted as {@code lantai.identity.permissions} (hits and
 * computations) for the metrics.
 */
@Component
public class PermissionCache implements MeterBinder {

    private record Entry(long generation, Permissions permissions) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder computed = new LongAdder();
    private volatile long newestSeen = Long.MIN_VALUE;

    /** The permissions computed under this generation, if any. */
    public Optional<Permissions> find(String username, long generation) {
        if (generation != newestSeen) {
            forgetBefore(generation);
        }
        Entry entry = entries.get(username);
        if (entry != null && entry.generation() == generation) {
            hits.increment();
            return Optional.of(entry.permissions());
        }
        return Optional.empty();
    }

    /** Keeps permissions computed from what was read after the generation was read. */
    public void keep(String username, long generation, Permissions permissions) {
        computed.increment();
        entries.merge(username, new Entry(generation, permissions),
                (old, fresh) -> old.generation() > fresh.generation() ? old : fresh);
    }

    /** Counts a computation that could not be kept (inside a transaction, or of no usable account). */
    public void computedWithoutKeeping() {
        computed.increment();
    }

    /** How many times permissions were computed from the database (not served from here), since the start. */
    public long computations() {
        return computed.sum();
    }

    private synchronized void forgetBefore(long generation) {
        if (generation > newestSeen) {
            newestSeen = generation;
            entries.values().removeIf(e -> e.generation() < generation);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("lantai.identity.permissions", hits, LongAdder::sum).tag("source", "cache")
                .description("Effective permissions served from the cache").register(registry);
        FunctionCounter.builder("lantai.identity.permissions", computed, LongAdder::sum).tag("source", "database")
                .description("Effective permissions computed from the database").register(registry);
    }
}
