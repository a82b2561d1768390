package cn.lantai.stacks.internal.climate;

/**
 * What came of a batch of readings: how many were kept, and how many were already kept (the same sensor at the same
 * moment: sent twice, they count once).
 */
public record Intake(int stored, int duplicates) {
}
