package cn.lantai.supervision;

import java.time.LocalDate;

/**
 * One line of a unit's history as its page shows it: the day, what happened ({@link Kind}), a short text (a topic, a
 * title, a grade code, a state) and the id it points to ({@code 0} when none).
 */
public record HistoryEntry(LocalDate on, Kind kind, String text, long id) {

    /** What happened. */
    public enum Kind { INSPECTION, GUIDANCE, TRAINING, GRADE, TRANSFER }
}
