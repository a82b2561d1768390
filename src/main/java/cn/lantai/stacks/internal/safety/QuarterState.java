package cn.lantai.stacks.internal.safety;

import java.time.LocalDate;

/**
 * A quarter of the year as the ledger shows it: its check if done; else due (the current quarter, until its last day),
 * overdue (a quarter past) or not yet due (a quarter to come).
 */
public record QuarterState(int year, int quarter, LocalDate lastDay, State state, SafetyCheck check) {

    public enum State { DONE, DUE, OVERDUE, FUTURE }
}
