package cn.lantai.stacks.internal.climate;

/**
 * Why a room's day was flagged: a reading outside the room kind's norm, readings that spread beyond ±2 ℃ or ±5 % RH
 * in the day, or fewer than two readings in a finished day.
 */
public enum AlertKind {
    OUT_OF_RANGE, SWING, THIN_DAY
}
