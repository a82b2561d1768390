package cn.lantai.stacks;

/**
 * A room of the stacks (库房): its code as written on labels and locations (e.g. {@code K01}), its name, its kind (which
 * sets its climate norm) and its layout: rows (列) of sections (节) of shelves (层).
 */
public record Room(String code, String name, RoomKind kind, int rows, int sections, int shelves) {
}
