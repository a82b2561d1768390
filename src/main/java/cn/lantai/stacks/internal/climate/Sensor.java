package cn.lantai.stacks.internal.climate;

import java.time.Instant;

/** A sensor of a room: its code (as it names itself in readings), its room, and whether it may still post. */
public record Sensor(String code, String room, boolean enabled, Instant createdAt, String createdBy) {
}
