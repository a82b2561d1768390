package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;

/**
 * A month (1–12; 0 for the whole year) of a room's climate: extremes and averages of temperature (℃) and relative
 * humidity (%) (null without readings), readings, days with a reading out of the norm, days that swung beyond ±2 ℃ /
 * ±5 % RH, finished days with fewer than two readings since the watch began, and the alerts raised by kind.
 */
public record MonthFigures(int month, BigDecimal minTemperature, BigDecimal maxTemperature,
        BigDecimal averageTemperature, BigDecimal minHumidity, BigDecimal maxHumidity, BigDecimal averageHumidity,
        long readings, long daysOutOfNorm, long swingDays, long thinDays, long outOfRangeAlerts, long swingAlerts,
        long thinDayAlerts) {
}
