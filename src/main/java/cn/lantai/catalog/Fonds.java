package cn.lantai.catalog;

/** A fonds (全宗): all records of one creating unit, under a 4-character code. */
public record Fonds(String code, String name) {
}
