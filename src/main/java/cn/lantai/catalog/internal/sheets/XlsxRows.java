package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * The first sheet of an xlsx workbook, streamed row by row (fastexcel-reader). Numbers in a date format (built-in or
 * custom, see {@link DateFormats}) come out as the ISO date Excel shows; other numbers as plain decimals.
 */
final class XlsxRows implements SheetRows {

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

    static final String FORMAT = "xlsx";

    static XlsxRows open(Path file) {
        ZipGuard.check(file);
        return openChecked(file);
    }

    /** Opens a workbook that {@link ZipGuard} already passed. */
    static XlsxRows openChecked(Path file) {
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

    private String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        DateFormats.Kind kind = DateFormats.kind(cell.getDataFormatId(), cell.getDataFormatString());
        // a formula's cached result may be text that looks like a number (=TEXT(A2,"0000") gives 0012): it is read as
        // a number only where the cell shows a date
        if (cell.getType() == CellType.NUMBER || cell.getType() == CellType.FORMULA && kind != DateFormats.Kind.NUMBER
                && cell.getRawValue() != null && isNumber(cell.getRawValue())) {
            BigDecimal number = new BigDecimal(cell.getRawValue().strip());
            if (kind != DateFormats.Kind.NUMBER && number.signum() >= 0
                    && number.compareTo(BigDecimal.valueOf(MAX_SERIAL)) < 0) {
                return dateText(cell, number, kind);
            }
            return number.stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.FORMULA) {
            return cell.getRawValue();
        }
        return cell.getText();
    }

    /** 9999-12-31, the last day Excel shows. */
    private static final long MAX_SERIAL = 2_958_466;

    /**
     * The date (or time) Excel shows for a serial, by the library's conversion: it reads the workbook's 1904 date
     * system and Excel's 1900 leap-year bug (serials below 61 count from 1900-01-01 without the fictitious day).
     * Serial 60 of the 1900 system is that fictitious 1900-02-29: it comes out as written, so the date rules refuse
     * it by name rather than an import moving it to another day.
     */
    private String dateText(Cell cell, BigDecimal serial, DateFormats.Kind kind) {
        if (kind == DateFormats.Kind.TIME) {
            return cell.asDate().toLocalTime().toString();
        }
        if (!workbook.isDate1904() && serial.intValue() == 60) {
            return "1900-02-29";
        }
        return cell.asDate().toLocalDate().toString();
    }

    private static boolean isNumber(String raw) {
        try {
            new BigDecimal(raw.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String format() {
        return FORMAT;
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
