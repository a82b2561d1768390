package cn.lantai.catalog.internal.imports;

/** One line of an import's error report: row as the spreadsheet counts it, column, value, reason for people. */
record ReportLine(int row, String column, String value, String reason) {
}
