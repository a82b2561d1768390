package cn.lantai.supervision;

import java.time.LocalDate;

/** What the unit reports it did about one item of a rectification notice, and when. */
public record ItemFix(String done, LocalDate on) {
}
