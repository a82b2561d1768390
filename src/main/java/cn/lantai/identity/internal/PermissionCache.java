package cn.lantai.identity.internal;

import java.util.Optional;
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

    private final GenerationCache<String, Permissions> kept = new GenerationCache<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder computed = new LongAdder();

    /** The permissions computed under this generation, if any. */
    public Optional<Permissions> find(String username, long generation) {
        Optional<Permissions> found = kept.find(username, generation);
        if (found.isPresent()) {
            hits.increment();
        }
        return found;
    }

    /** Keeps permissions computed from what was read after the generation was read. */
    public void keep(String username, long generation, Permissions permissions) {
        computed.increment();
        kept.keep(username, generation, permissions);
    }

    /** Counts a computation that could not be kept (inside a transaction, or of no usable account). */
    public void computedWithoutKeeping() {
        computed.increment();
    }

    /** How many times permissions were computed from the database (not served from here), since the start. */
    public long computations() {
        return computed.sum();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("lantai.identity.permissions", hits, LongAdder::sum).tag("source", "cache")
                .description("Effective permissions served from the cache").register(registry);
        FunctionCounter.builder("lantai.identity.permissions", computed, LongAdder::sum).tag("source", "database")
                .description("Effective permissions computed from the database").register(registry);
    }
}
