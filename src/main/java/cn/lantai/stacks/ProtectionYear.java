package cn.lantai.stacks;

/**
 * A year of the eight protections (八防), as the yearly statistics count it: safety checks done, their findings, the
 * findings closed, repellent changes done, and incidents logged.
 */
public record ProtectionYear(int year, long safetyChecks, long findings, long findingsClosed, long repellentChanges,
        long incidents) {
}
