package cn.lantai.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier requests read from the database, each value kept with the {@link PermissionGeneration} it was read
 * under and served only while that is still the current one: every committed change that could alter such a value
 * moves the generation on, so the very next request reads afresh. One node's memory; the entries of older
 * generations are dropped as soon as a newer one is seen.
 */
final class GenerationCache<K, V> {

    private record Entry<V>(long generation, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private volatile long newestSeen = Long.MIN_VALUE;

    /** The value read under this generation, if any. */
    Optional<V> find(K key, long generation) {
        if (generation != newestSeen) {
            forgetBefore(generation);
        }
        Entry<V> entry = entries.get(key);
        return entry != null && entry.generation() == generation ? Optional.of(entry.value()) : Optional.empty();
    }

    /** Keeps a value read after the generation was read. */
    void keep(K key, long generation, V value) {
        entries.merge(key, new Entry<>(generation, value),
                (old, fresh) -> old.generation() > fresh.generation() ? old : fresh);
    }

    private synchronized void forgetBefore(long generation) {
        if (generation > newestSeen) {
            newestSeen = generation;
            entries.values().removeIf(e -> e.generation() < generation);
        }
    }
}
