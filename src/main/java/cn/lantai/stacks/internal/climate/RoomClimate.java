package cn.lantai.stacks.internal.climate;

import cn.lantai.stacks.Room;

/** A room on the climate overview: its latest reading (none yet: {@code null}) and its open alerts. */
public record RoomClimate(Room room, Reading latest, long openAlerts) {
}
