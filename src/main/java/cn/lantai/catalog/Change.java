package cn.lantai.catalog;

import java.time.Instant;

/** One field of one item changed by one operation: who, when, the old and the new value. */
public record Change(long operationId, String operation, String actor, Instant at, String field, String oldValue,
        String newValue) {
}
