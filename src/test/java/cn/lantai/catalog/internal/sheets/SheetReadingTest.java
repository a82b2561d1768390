package cn.lantai.catalog.internal.sheets;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.lantai.catalog.DescriptionField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Catalogue files as units and archivists really send them: dates in every style Excel keeps them, the 1904 date
 * system, the headers of unit templates that mark mandatory columns, GB18030 text, and files that are not catalogues.
 * Fixtures: {@code src/test/resources/imports/}, written by {@code cn.lantai.support.SheetFixtures}.
 */
class SheetReadingTest {

    static Path fixture(String name) {
        try {
            return Path.of(SheetReadingTest.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 日期 column (the fourth) of every data row. */
    static List<String> dates(String name) {
        List<String> dates = new ArrayList<>();
        try (SheetRows rows = Sheets.open(fixture(name), name)) {
            SheetRows.Row row;
            while ((row = rows.next()) != null) {
                dates.add(row.cell(3));
            }
        }
        return dates;
    }

    @Test
    void everyDateStyleOfASheetImportsAsTheDateExcelShows() {
        // numFmtId 14, 22, 31, 57, yyyy"年"m"月"d"日", yyyy/mm/dd, [$-804]yyyy年m月d日, [DBNum1] Chinese numerals,
        // a date with a time, text in two spellings, and 20190305 as a plain number
        assertThat(dates("excel_dates_in_every_style.xlsx")).containsExactly("2019-03-05", "2019-03-05", "2019-03-05",
                "2019-03-05", "2019-03-05", "2019-03-05", "2019-03-05", "2019-03-05", "2019-03-05", "2019年3月5日",
                "2019.03.05", "20190305");
    }

    @Test
    void serialsBelowSixtyOneAreNotADayEarlyAndTheFictitiousLeapDayIsNotMovedToAnotherDay() {
        assertThat(dates("excel_serials_below_61.xlsx")).containsExactly("1900-01-01", "1900-02-28", "1900-03-01",
                "1900-02-29");
    }

    @Test
    void aWorkbookInThe1904DateSystemIsReadInIt() {
        assertThat(dates("excel_1904_dates.xlsx")).containsExactly("2019-03-05", "2019-03-05");
    }

    @Test
    void numberFormatsThatAreNotDatesStayNumbers() {
        assertThat(DateFormats.ofText("0.00")).isEqualTo(DateFormats.Kind.NUMBER);
        assertThat(DateFormats.ofText("#,##0")).isEqualTo(DateFormats.Kind.NUMBER);
        assertThat(DateFormats.ofText("General")).isEqualTo(DateFormats.Kind.NUMBER);
        assertThat(DateFormats.ofText("0.00E+00")).isEqualTo(DateFormats.Kind.NUMBER);
        assertThat(DateFormats.ofText("\"第\"0\"页\"")).isEqualTo(DateFormats.Kind.NUMBER);
        assertThat(DateFormats.ofText("h:mm")).isEqualTo(DateFormats.Kind.TIME);
        assertThat(DateFormats.ofText("[h]:mm:ss")).isEqualTo(DateFormats.Kind.TIME);
        assertThat(DateFormats.ofText("yyyy-mm-dd;@")).isEqualTo(DateFormats.Kind.DATE);
        assertThat(DateFormats.kind(14, null)).isEqualTo(DateFormats.Kind.DATE);
        assertThat(DateFormats.kind(0, null)).isEqualTo(DateFormats.Kind.NUMBER);
        assertThat(DateFormats.kind(2, null)).isEqualTo(DateFormats.Kind.NUMBER);
    }

    @Test
    void headersThatMarkMandatoryColumnsMapLikeThePlainOnes() {
        List<String> marked = List.of("*题名", "题名*", "题名!", "题名！", "题名（必填）", "题名(必填)", "题名【必填】",
                "【必填】题名", "题 名", "题\u3000名", " 题名：", "题名:", "\uFEFF题名", "＊题名", "题名 (必填)");
        for (String header : marked) {
            ColumnMapping mapping = ColumnMapping.of(List.of(header), Map.of(), List.of());
            assertThat(mapping.columns()).as(header)
                    .containsEntry(0, new ColumnMapping.FieldColumn(DescriptionField.TITLE));
        }
        assertThat(ColumnMapping.of(List.of("机构（问题）代码*"), Map.of(), List.of()).columns())
                .containsEntry(0, new ColumnMapping.FieldColumn(DescriptionField.ORG));
    }

    @Test
    void aGb18030CsvWithMarkedHeadersMapsEveryColumn() {
        try (SheetRows rows = Sheets.open(fixture("gb18030_marked_headers.csv"), "gb18030_marked_headers.csv")) {
            assertThat(rows.format()).isEqualTo("csv GB18030");
            ColumnMapping mapping = ColumnMapping.of(rows.header(), Map.of(), List.of());
            assertThat(mapping.columns().values()).containsExactly(new ColumnMapping.ArchivalCodeColumn(),
                    new ColumnMapping.FieldColumn(DescriptionField.TITLE),
                    new ColumnMapping.FieldColumn(DescriptionField.CREATOR),
                    new ColumnMapping.FieldColumn(DescriptionField.DATE),
                    new ColumnMapping.FieldColumn(DescriptionField.DOC_NUMBER),
                    new ColumnMapping.FieldColumn(DescriptionField.PAGES),
                    new ColumnMapping.FieldColumn(DescriptionField.NOTES));
            assertThat(rows.next().cell(1)).isEqualTo("关于开展档案安全检查的通知");
        }
    }

    @Test
    void aHeaderThatRepeatsAColumnIsNamedAndTheMappingStepPicksOneByItsPlace() {
        List<String> header = List.of("档号", "题名", "题名", "责任者", "日期");
        ColumnMapping guessed = ColumnMapping.of(header, Map.of(), List.of());
        assertThat(guessed.repeated()).containsExactly(
                new ColumnMapping.Repeated(new ColumnMapping.FieldColumn(DescriptionField.TITLE), List.of(1, 2)));
        assertThat(guessed.repeated().get(0).messageArgs()).containsExactly("题名", "2、3");
        ColumnMapping picked = ColumnMapping.of(header, Map.of("#3", ""), List.of());
        assertThat(picked.repeated()).isEmpty();
        assertThat(picked.columns()).containsEntry(1, new ColumnMapping.FieldColumn(DescriptionField.TITLE))
                .doesNotContainKey(2);
    }

    @Test
    void anEmptyFileAndAFileOfOnlyHeadersHaveNoRows() {
        try (SheetRows rows = Sheets.open(fixture("only_headers.csv"), "only_headers.csv")) {
            assertThat(rows.header()).containsExactly("档号", "题名", "责任者", "日期");
            assertThat(rows.next()).isNull();
        }
        assertThatThrownBy(() -> Sheets.open(fixture("empty_file.csv"), "empty_file.csv"))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.code()).isEqualTo("import.empty-file"));
    }

    @Test
    void aFormulaShowingTextKeepsItsTextAndOneShowingADateIsThatDate(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("formulas.xlsx");
        cn.lantai.support.SheetFixtures.xlsx(file, java.util.List.of(
                java.util.List.of(cn.lantai.support.SheetFixtures.Cell.formula("A1", "件号", -1),
                        cn.lantai.support.SheetFixtures.Cell.formula("B1", "日期", -1)),
                java.util.List.of(cn.lantai.support.SheetFixtures.Cell.formula("TEXT(7,\"0000\")", "0007", -1),
                        cn.lantai.support.SheetFixtures.Cell.formula("DATE(2019,3,12)", "43536", 1))), false);
        try (SheetRows rows = Sheets.open(file, "formulas.xlsx")) {
            SheetRows.Row row = rows.next();
            assertThat(row.cell(0)).as("a text result, not the number 7").isEqualTo("0007");
            assertThat(row.cell(1)).isEqualTo("2019-03-12");
        }
    }
}
