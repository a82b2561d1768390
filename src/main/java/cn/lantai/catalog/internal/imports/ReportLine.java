package cn.lantai.catalog.internal.imports;

/**
 * One line of an import's report: row as the spreadsheet counts it, column, value, reason for people, and the row's
 * 档号 and 题名 where the row gives them (so the line can be found without the file at hand).
 */
record ReportLine(int row, String column, String value, String reason, String code, String title) {

    ReportLine(int row, String column, String value, String reason) {
        this(row, column, value, reason, null, null);
    }

    ReportLine about(String code, String title) {
        return new ReportLine(row, column, value, reason, this.code == null ? code : this.code,
                this.title == null ? title : this.title);
    }
}
