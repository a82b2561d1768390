package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;
import java.time.Instant;

/** A reading kept: when, what the room measured (℃, % RH), and which sensor (or {@code manual}) said so. */
public record Reading(String room, String sensor, Instant at, BigDecimal temperature, BigDecimal humidity) {
}
