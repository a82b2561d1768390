package cn.lantai.audit;

import java.time.Instant;

/** A stored entry: its number in the chain ({@code seq}, from 1, without gaps) and its SM3 digest (hex). */
public record AuditEntry(long seq, Instant at, String actor, String address, String action, String target,
        String before, String after, String digest) {
}
