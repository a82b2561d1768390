package cn.lantai.stacks.internal.climate;

import java.util.List;

import cn.lantai.stacks.Room;

/** A room's yearly climate analysis: twelve months and the year's total (month 0). */
public record YearReport(Room room, int year, List<MonthFigures> months, MonthFigures total) {
}
