package cn.lantai.stacks.internal.locations;

import cn.lantai.stacks.Kept;

/** A 卷 or 件 of the catalogue as the stacks name it: its kind, id, 档号 and title. */
public record Entry(Kept kind, long id, String archivalCode, String title) {
}
