package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;

/** A change of a room's insect and mould repellent (防虫防霉药): the day, the agent or product, who changed it. */
public record RepellentChange(long id, String room, LocalDate changedOn, String agent, String changedBy) {
}
