package cn.lantai.stacks.internal.climate;

import java.time.LocalDate;
import java.util.List;

import cn.lantai.stacks.Room;

/**
 * A room's climate over a range of archive days: the raw readings when the range is a week or less, else the days'
 * rollup (one of the two lists is empty).
 */
public record ChartData(Room room, LocalDate from, LocalDate to, boolean raw, List<Reading> readings,
        List<ClimateDay> days) {
}
