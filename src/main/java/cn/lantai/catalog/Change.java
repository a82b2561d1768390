package cn.lantai.catalog;

import java.time.Instant;

/**
 * One field of one item changed by one operation: who, when, the old and the new value. {@code salt} is the salt
 * under which the audit trail recorded the values' digests ({@code ValueDigest}): with it, someone who may read the
 * record shows that these values are the ones the trail's chain holds. Null where the trail keeps the field in clear,
 * and for changes recorded before the trail kept digests.
 */
public record Change(long operationId, String operation, String actor, Instant at, String field, String oldValue,
        String newValue, String salt) {
}
