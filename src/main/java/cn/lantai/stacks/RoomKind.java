package cn.lantai.stacks;

import java.math.BigDecimal;

/**
 * The kinds of rooms in the stacks and the climate each must keep (JGJ 25-2010, 档案库房技术管理暂行规定): temperature
 * in ℃ and relative humidity in %, both bounds inclusive.
 */
public enum RoomKind {
    /** 纸质档案库. */
    PAPER(14, 24, 45, 60),
    /** 特藏库. */
    SPECIAL_COLLECTIONS(14, 20, 45, 55),
    /** 音像磁带库. */
    AUDIO_VIDEO_TAPE(14, 24, 40, 60),
    /** 胶片拷贝片库. */
    FILM_COPIES(14, 24, 40, 60),
    /** 胶片母片库. */
    FILM_MASTERS(13, 15, 35, 45),
    /** 光盘库. */
    OPTICAL_DISCS(4, 20, 20, 50);

    /** The most a room's temperature may swing in a day either way (±2 ℃) and its relative humidity (±5 %). */
    public static final BigDecimal DAILY_SWING_TEMPERATURE = BigDecimal.valueOf(2);
    public static final BigDecimal DAILY_SWING_HUMIDITY = BigDecimal.valueOf(5);

    private final BigDecimal minTemperature;
    private final BigDecimal maxTemperature;
    private final BigDecimal minHumidity;
    private final BigDecimal maxHumidity;

    RoomKind(int minTemperature, int maxTemperature, int minHumidity, int maxHumidity) {
        this.minTemperature = BigDecimal.valueOf(minTemperature);
        this.maxTemperature = BigDecimal.valueOf(maxTemperature);
        this.minHumidity = BigDecimal.valueOf(minHumidity);
        this.maxHumidity = BigDecimal.valueOf(maxHumidity);
    }

    public BigDecimal minTemperature() {
        return minTemperature;
    }

    public BigDecimal maxTemperature() {
        return maxTemperature;
    }

    public BigDecimal minHumidity() {
        return minHumidity;
    }

    public BigDecimal maxHumidity() {
        return maxHumidity;
    }

    /** Whether a temperature (℃) is within this kind's norm. */
    public boolean temperatureWithin(BigDecimal celsius) {
        return celsius.compareTo(minTemperature) >= 0 && celsius.compareTo(maxTemperature) <= 0;
    }

    /** Whether a relative humidity (%) is within this kind's norm. */
    public boolean humidityWithin(BigDecimal percent) {
        return percent.compareTo(minHumidity) >= 0 && percent.compareTo(maxHumidity) <= 0;
    }
}
