package cn.lantai.stacks.internal.climate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import cn.lantai.stacks.RoomKind;

/**
 * A room's day by the archive's calendar, rolled up from its readings: extremes, sums and count of temperature (℃) and
 * relative humidity (%).
 */
public record ClimateDay(String room, LocalDate day, BigDecimal minTemperature, BigDecimal maxTemperature,
        BigDecimal sumTemperature, BigDecimal minHumidity, BigDecimal maxHumidity, BigDecimal sumHumidity,
        long readings) {

    /** The most a day's readings may spread: ±2 ℃ and ±5 % RH around the day's level, so 4 ℃ and 10 % from end to end. */
    public static final BigDecimal MAX_TEMPERATURE_SPREAD = RoomKind.DAILY_SWING_TEMPERATURE
            .multiply(BigDecimal.valueOf(2));
    public static final BigDecimal MAX_HUMIDITY_SPREAD = RoomKind.DAILY_SWING_HUMIDITY
            .multiply(BigDecimal.valueOf(2));

    public BigDecimal averageTemperature() {
        return sumTemperature.divide(BigDecimal.valueOf(readings), 2, RoundingMode.HALF_UP);
    }

    public BigDecimal averageHumidity() {
        return sumHumidity.divide(BigDecimal.valueOf(readings), 2, RoundingMode.HALF_UP);
    }

    /** The day's readings spread beyond ±2 ℃ or ±5 % RH (每昼夜温度波动幅度不得大于±2℃，相对湿度不得大于±5%). */
    public boolean swung() {
        return maxTemperature.subtract(minTemperature).compareTo(MAX_TEMPERATURE_SPREAD) > 0
                || maxHumidity.subtract(minHumidity).compareTo(MAX_HUMIDITY_SPREAD) > 0;
    }

    /** Some reading of the day was outside the room kind's norm. */
    public boolean outOfNorm(RoomKind kind) {
        return !kind.temperatureWithin(minTemperature) || !kind.temperatureWithin(maxTemperature)
                || !kind.humidityWithin(minHumidity) || !kind.humidityWithin(maxHumidity);
    }

    /** Fewer than two readings: the day's climate was not watched. */
    public boolean thin() {
        return readings < 2;
    }
}
