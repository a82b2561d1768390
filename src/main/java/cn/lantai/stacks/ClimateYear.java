package cn.lantai.stacks;

/**
 * A year of the rooms' climate, as the yearly statistics count it: the readings kept (by hand, HTTP or MQTT), and the
 * alerts raised on them: readings out of the room kind's range, days whose swing passed ±2 ℃ or ±5 % RH, and days with
 * fewer than two readings.
 */
public record ClimateYear(int year, long readings, long outOfRange, long swings, long thinDays) {
}
