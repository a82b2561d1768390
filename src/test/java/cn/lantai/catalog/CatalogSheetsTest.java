package cn.lantai.catalog;

import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.lantai.support.Catalogues;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Catalogue sheets read and judged for other modules exactly as the import reads and judges them. */
@LantaiTest
class CatalogSheetsTest {

    @Autowired
    CatalogSheets sheets;
    @Autowired
    CatalogManagement catalog;

    @TempDir
    Path dir;

    @Test
    void columnsTheCatalogueDoesNotKnowComeBackByTheirHeaderAsWritten() {
        Path csv = Catalogues.withHeader("档号", "*题名", " 文件 ", "备注")
                .row("0012-WS·2019-Y-BGS-0001", "通知", "记录/1/正文.pdf;记录/1/图片.jpg", "")
                .csv(dir, StandardCharsets.UTF_8, true);

        CatalogSheets.Sheet sheet = sheets.read(csv, "catalogue.csv", 10);

        assertThat(sheet.format()).isEqualTo("csv UTF-8");
        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.entry().archivalCode()).isEqualTo("0012-WS·2019-Y-BGS-0001");
            assertThat(row.entry().fields()).containsEntry(DescriptionField.TITLE, "通知");
            assertThat(row.otherColumns()).isEqualTo(Map.of("文件", "记录/1/正文.pdf;记录/1/图片.jpg"));
        });
    }

    @Test
    void aSheetOfMoreRowsThanTheCallerTakesIsRefusedNotCutShort() {
        Path csv = Catalogues.standard().items("0012", 2019, 3).csv(dir, StandardCharsets.UTF_8, false);

        assertThatThrownBy(() -> sheets.read(csv, "catalogue.csv", 2)).isInstanceOf(CatalogSheets.UnreadableSheet.class)
                .extracting(e -> ((CatalogSheets.UnreadableSheet) e).code()).isEqualTo("import.too-many-rows");
    }

    @Test
    void aSheetWithoutAKnownHeaderOrWithTwoColumnsForOneFieldIsRefused() throws Exception {
        Path noHeader = Files.writeString(dir.resolve("a.csv"), "甲,乙\n1,2\n");
        Path twice = Catalogues.withHeader("题名", "标题").row("一", "二").csv(dir, StandardCharsets.UTF_8, false);

        assertThatThrownBy(() -> sheets.read(noHeader, "a.csv", 10)).extracting(e -> ((CatalogProblem) e).code())
                .isEqualTo("import.no-header");
        assertThatThrownBy(() -> sheets.read(twice, "b.csv", 10)).extracting(e -> ((CatalogProblem) e).code())
                .isEqualTo("import.repeated-column");
    }

    @Test
    void theJudgeAppliesTheCataloguesRulesAgainstTheFondsRegistered() {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "判定测试全宗"), Viewer.system());
        var judge = sheets.judge();

        CatalogSheets.Judgement good = judge.apply(new EntryInput(fonds + "-WS·2019-Y-BGS-0003", Map.of(
                DescriptionField.TITLE, "通知", DescriptionField.DATE, "2019-03-12", DescriptionField.CREATOR, "区政府"),
                Map.of()));
        CatalogSheets.Judgement unknownFonds = judge.apply(new EntryInput("ZZ99-WS·2019-Y-BGS-0001", Map.of(
                DescriptionField.TITLE, "通知", DescriptionField.DATE, "2019-03-12", DescriptionField.CREATOR, "区政府"),
                Map.of()));

        assertThat(good.valid()).isTrue();
        assertThat(good.description().itemNo()).isEqualTo(3);
        assertThat(unknownFonds.violations()).extracting(Violation::code).containsExactly("catalog.unknown-fonds");
    }

    @Test
    void aSheetPastTheSizeCapIsRefusedBeforeAByteOfItIsParsed() throws Exception {
        Path huge = dir.resolve("catalogue.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(CatalogSheets.MAX_SHEET_SIZE + 1);
        }

        assertThatThrownBy(() -> sheets.read(huge, "catalogue.csv", 10)).isInstanceOf(CatalogSheets.UnreadableSheet.class)
                .extracting(e -> ((CatalogProblem) e).code(), e -> List.of(((CatalogProblem) e).args()))
                .containsExactly("import.sheet-too-large", List.of(256L));
    }

    @Test
    void aQuoteNeverClosedIsRefusedAtItsRowInsteadOfTakingTheRestOfTheFileIntoOneCell() throws Exception {
        StringBuilder csv = new StringBuilder("档号,题名\n0012-WS·2019-Y-BGS-0001,\"通知\n");
        while (csv.length() <= CatalogSheets.MAX_ROW_SIZE) {
            csv.append("0012-WS·2019-Y-BGS-0002,没有结束的引号使此后各行都成了一个单元格\n");
        }
        Path unclosed = Files.writeString(dir.resolve("catalogue.csv"), csv, StandardCharsets.UTF_8);
        Path inGb18030 = Files.writeString(dir.resolve("gb.csv"), csv, Charset.forName("GB18030"));
        Path inUtf16 = Files.write(dir.resolve("utf16.csv"), csv.toString().getBytes(StandardCharsets.UTF_16));

        for (Path file : List.of(unclosed, inGb18030, inUtf16)) {
            assertThatThrownBy(() -> sheets.read(file, "catalogue.csv", 1_000_000)).as(file.toString())
                    .extracting(e -> ((CatalogProblem) e).code(), e -> List.of(((CatalogProblem) e).args()))
                    .containsExactly("import.row-too-large", List.of(2, 4));
        }
    }

    @Test
    void quotedCellsWithLineBreaksAndDoubledQuotesUnderTheCapAreReadAsWritten() throws Exception {
        Path csv = Files.writeString(dir.resolve("catalogue.csv"),
                "档号,题名\n0012-WS·2019-Y-BGS-0001,\"关于\"\"引号\"\"的\n通知\"\n0012-WS·2019-Y-BGS-0002,\"" + "长".repeat(100_000)
                        + "\"\n");

        CatalogSheets.Sheet sheet = sheets.read(csv, "catalogue.csv", 10);

        assertThat(sheet.rows()).extracting(r -> r.entry().fields().get(DescriptionField.TITLE))
                .containsExactly("关于\"引号\"的\n通知", "长".repeat(100_000));
    }
}
