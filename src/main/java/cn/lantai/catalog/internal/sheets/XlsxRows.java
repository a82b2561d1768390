package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/** The first sheet of an xlsx workbook, streamed row by row (fastexcel-reader); dates typed as dates come out ISO. */
final class XlsxRows implements SheetRows {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> stream;
    private final Iterator<org.dhatim.fastexcel.reader.Row> rows;
    private final List<String> header;

    private XlsxRows(ReadableWorkbook workbook, Stream<org.dhatim.fastexcel.reader.Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        Row first = next();
        this.header = first == null ? List.of() : first.cells();
    }

    static XlsxRows open(Path file) {
        ZipGuard.check(file);
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            return new XlsxRows(workbook, workbook.getFirstSheet().openStream());
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw new UnreadableFile("import.not-xlsx");
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() {
        try {
            while (rows.hasNext()) {
                org.dhatim.fastexcel.reader.Row row = rows.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                Row read = Row.unlessBlank(row.getRowNum(), cells);
                if (read != null) {
                    return read;
                }
            }
            return null;
        } catch (RuntimeException e) {
            throw new UnreadableFile("import.not-xlsx");
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            String format = cell.getDataFormatString();
            if (format != null && looksLikeDateFormat(format) && number.signum() > 0
                    && number.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
                return EXCEL_EPOCH.plusDays(number.longValue()).toString();
            }
            return number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.FORMULA) {
            return cell.getRawValue();
        }
        return cell.getText();
    }

    private static boolean looksLikeDateFormat(String format) {
        String f = format.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return f.contains("yy") || f.contains("d") && f.contains("m") || f.contains("年");
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public void close() {
        stream.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
