package cn.lantai.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the catalogue fixtures of {@code src/test/resources/imports/}, each named by the rule it tests. The xlsx
 * files are written part by part (as Excel does), because what they test is what a library writer never produces:
 * built-in number formats that exist only as an id (14, 22, 31, 58 …), a Chinese custom format beside them, and the
 * 1904 date system ({@code <workbookPr date1904="1"/>}). Run {@link #main} to write them again.
 */
public final class SheetFixtures {

    /**
     * A cell: a number with a style (index into the fixture's cell formats), or text when style is -1; with a formula,
     * {@code value} is its cached result, text ({@code t="str"}) when style is -1.
     */
    public record Cell(String value, int style, String formula) {

        public Cell(String value, int style) {
            this(value, style, null);
        }

        public static Cell formula(String formula, String cached, int style) {
            return new Cell(cached, style, formula);
        }

        static Cell text(String value) {
            return new Cell(value, -1);
        }

        static Cell number(Object value, int style) {
            return new Cell(String.valueOf(value), style);
        }
    }

    /**
     * The cell formats of every fixture workbook, by index: 0 General; 1–4 built-ins 14 (m/d/yyyy), 22 (m/d/yyyy
     * h:mm), 31 (yyyy"年"m"月"d"日" in Chinese Excel) and 57 (yyyy"年"m"月"); 5–8 custom formats 164–167.
     */
    static final String[] CUSTOM = {"yyyy\"年\"m\"月\"d\"日\"", "yyyy/mm/dd", "[$-804]yyyy年m月d日",
        "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\""};
    static final int[] FORMAT_IDS = {0, 14, 22, 31, 57, 164, 165, 166, 167};

    private SheetFixtures() {
    }

    public static void main(String[] args) {
        write(Path.of(args.length > 0 ? args[0] : "src/test/resources/imports"));
    }

    /** 2019-03-05 as an Excel serial of the 1900 date system. */
    static final int MARCH_5_2019 = 43529;
    /** The same day in the 1904 date system, 1,462 days fewer. */
    static final int MARCH_5_2019_IN_1904 = MARCH_5_2019 - 1462;

    public static void write(Path dir) {
        try {
            Files.createDirectories(dir);
            List<List<Cell>> rows = new ArrayList<>();
            rows.add(header("档号", "题名", "责任者", "日期", "单元格样式"));
            int n = 0;
            // the same day written in every style a catalogue holds it in
            for (int style = 1; style <= 8; style++) {
                rows.add(item("RQ19", ++n, Cell.number(MARCH_5_2019, style), "numFmtId " + FORMAT_IDS[style]));
            }
            rows.add(item("RQ19", ++n, Cell.number(MARCH_5_2019 + 0.75, 2), "日期时间 18:00"));
            rows.add(item("RQ19", ++n, Cell.text("2019年3月5日"), "文本"));
            rows.add(item("RQ19", ++n, Cell.text("2019.03.05"), "文本"));
            rows.add(item("RQ19", ++n, Cell.number(20190305, 0), "八位数字 常规格式"));
            xlsx(dir.resolve("excel_dates_in_every_style.xlsx"), rows, false);

            // Excel's 1900 leap-year bug: 1..59 count from 1900-01-01, 60 is the fictitious 1900-02-29, 61 is March 1
            List<List<Cell>> early = new ArrayList<>();
            early.add(header("档号", "题名", "责任者", "日期", "单元格样式"));
            early.add(item("RQ00", 1, Cell.number(1, 1), "serial 1"));
            early.add(item("RQ00", 2, Cell.number(59, 1), "serial 59"));
            early.add(item("RQ00", 3, Cell.number(61, 1), "serial 61"));
            early.add(item("RQ00", 4, Cell.number(60, 1), "serial 60"));
            xlsx(dir.resolve("excel_serials_below_61.xlsx"), early, false);

            List<List<Cell>> in1904 = new ArrayList<>();
            in1904.add(header("档号", "题名", "责任者", "日期", "单元格样式"));
            in1904.add(item("RQ04", 1, Cell.number(MARCH_5_2019_IN_1904, 1), "numFmtId 14"));
            in1904.add(item("RQ04", 2, Cell.number(MARCH_5_2019_IN_1904, 5), "yyyy年m月d日"));
            xlsx(dir.resolve("excel_1904_dates.xlsx"), in1904, true);

            csv(dir.resolve("gb18030_marked_headers.csv"), Charset.forName("GB18030"),
                    "*档号,题 名！,责任者（必填）,【必填】日期,文件编号：,页　数*,备注 (必填)\r\n"
                            + "GB18-WS·2019-Y-BGS-0001,关于开展档案安全检查的通知,区档案局,2019年3月5日,区档发〔2019〕5号,3,\r\n");
            csv(dir.resolve("header_repeats_a_column.csv"), StandardCharsets.UTF_8,
                    "档号,题名,题名,责任者,日期\r\n"
                            + "CF01-WS·2019-Y-BGS-0001,关于档案工作的通知,（旧题名）,区档案局,2019-03-05\r\n");
            csv(dir.resolve("no_header_row.csv"), StandardCharsets.UTF_8,
                    "NH01-WS·2019-Y-BGS-0001,关于档案工作的通知,区档案局,2019-03-05\r\n"
                            + "NH01-WS·2019-Y-BGS-0002,关于档案工作的报告,区档案局,2019-03-06\r\n");
            csv(dir.resolve("only_headers.csv"), StandardCharsets.UTF_8, "档号,题名,责任者,日期\r\n");
            csv(dir.resolve("empty_file.csv"), StandardCharsets.UTF_8, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Cell> header(String... names) {
        return java.util.Arrays.stream(names).map(Cell::text).toList();
    }

    /** An item of the fixture's own fonds: 档号, 题名, 责任者, 日期, how the date is written. */
    private static List<Cell> item(String fonds, int n, Cell date, String note) {
        return List.of(Cell.text(String.format("%s-WS·2019-Y-BGS-%04d", fonds, n)), Cell.text("日期样式：" + note),
                Cell.text("区档案局"), date, Cell.text(note));
    }

    private static void csv(Path file, Charset charset, String text) throws IOException {
        Files.write(file, text.getBytes(charset));
    }

    public static void xlsx(Path file, List<List<Cell>> rows, boolean date1904) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <workbookPr%s/>
                    <sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""".formatted(date1904 ? " date1904=\"1\"" : ""));
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    </Relationships>""");
            StringBuilder styles = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    """);
            styles.append("<numFmts count=\"").append(CUSTOM.length).append("\">");
            for (int i = 0; i < CUSTOM.length; i++) {
                styles.append("<numFmt numFmtId=\"").append(164 + i).append("\" formatCode=\"")
                        .append(escape(CUSTOM[i])).append("\"/>");
            }
            styles.append("</numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>")
                    .append("<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>")
                    .append("<borders count=\"1\"><border/></borders>")
                    .append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
                    .append("<cellXfs count=\"").append(FORMAT_IDS.length).append("\">");
            for (int id : FORMAT_IDS) {
                styles.append("<xf numFmtId=\"").append(id).append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"")
                        .append(id == 0 ? "" : " applyNumberFormat=\"1\"").append("/>");
            }
            styles.append("</cellXfs></styleSheet>");
            part(zip, "xl/styles.xml", styles.toString());
            StringBuilder sheet = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (int r = 0; r < rows.size(); r++) {
                sheet.append("<row r=\"").append(r + 1).append("\">");
                List<Cell> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String ref = (char) ('A' + c) + Integer.toString(r + 1);
                    Cell cell = row.get(c);
                    if (cell.formula() != null) {
                        sheet.append("<c r=\"").append(ref).append("\" s=\"").append(Math.max(0, cell.style()))
                                .append(cell.style() < 0 ? "\" t=\"str\"" : "\"").append("><f>")
                                .append(escape(cell.formula())).append("</f><v>").append(escape(cell.value()))
                                .append("</v></c>");
                    } else if (cell.style() < 0) {
                        sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>")
                                .append(escape(cell.value())).append("</t></is></c>");
                    } else {
                        sheet.append("<c r=\"").append(ref).append("\" s=\"").append(cell.style()).append("\"><v>")
                                .append(cell.value()).append("</v></c>");
                    }
                }
                sheet.append("</row>");
            }
            sheet.append("</sheetData></worksheet>");
            part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
    }

    private static void part(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
