package cn.lantai.audit;

import java.time.Instant;

/**
 * Entries of one operation taken together: all entries of a catalogue operation (an import of 30,000 rows writes one
 * entry a record, all naming {@code op:<n>}), or a single entry that belongs to no operation ({@code operation} null,
 * {@code count} 1, {@code target} its target). {@code address} is the one the operation came from.
 */
public record AuditGroup(String action, String actor, String address, Long operation, long count, long firstSeq,
        long lastSeq, Instant from, Instant to, String target) {
}
