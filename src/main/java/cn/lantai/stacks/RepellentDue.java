package cn.lantai.stacks;

import java.time.LocalDate;

/**
 * A room whose insect and mould repellent (防虫防霉药) is due: changed last on {@code lastChanged} (none if never), so
 * due on {@code due} (six months later; the day asked for if never changed), and whether that day has passed.
 */
public record RepellentDue(String room, LocalDate lastChanged, LocalDate due, boolean overdue) {
}
