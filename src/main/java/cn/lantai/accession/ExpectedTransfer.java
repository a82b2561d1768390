package cn.lantai.accession;

import java.time.LocalDate;

/** What the archive expects a unit to transfer in a year (移交计划): counts of 件 and 卷, by when, and a note. */
public record ExpectedTransfer(String unit, int year, int items, int volumes, LocalDate dueOn, String note) {
}
