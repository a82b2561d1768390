package cn.lantai.supervision;

import java.time.LocalDate;

/**
 * One item of a rectification notice: what must be put right, what the unit reports it did and when
 * ({@code null} before its report), and the follow-up review's outcome ({@code null} before it).
 */
public record RectificationItem(int position, String text, String fix, LocalDate fixedOn, ItemOutcome outcome) {
}
