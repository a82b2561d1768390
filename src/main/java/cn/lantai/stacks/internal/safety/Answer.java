package cn.lantai.stacks.internal.safety;

/**
 * A checklist point answered in a safety check: in order, or a finding with its note and, if it concerns one, the
 * room (one of the rooms the check covered).
 */
public record Answer(long pointId, boolean finding, String note, String room) {
}
