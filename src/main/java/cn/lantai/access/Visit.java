package cn.lantai.access;

import java.time.Instant;

/** One visit to the reading room: one person served (人次), with its purpose and the clerk at the desk. */
public record Visit(long id, long visitorId, Purpose purpose, Instant startedAt, String clerk) {
}
