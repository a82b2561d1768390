package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reading as it arrives (by hand, HTTP or MQTT), not yet checked: any part may be missing. Temperature in ℃,
 * relative humidity in %.
 */
public record ReadingInput(String room, String sensor, Instant at, BigDecimal temperature, BigDecimal humidity) {
}
