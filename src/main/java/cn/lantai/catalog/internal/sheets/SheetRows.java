package cn.lantai.catalog.internal.sheets;

import java.util.List;

/**
 * The rows of a catalogue file, read one at a time: the header row first, then the data rows with their row numbers as
 * a spreadsheet user counts them (the header is row 1). Closing releases the file.
 */
public interface SheetRows extends AutoCloseable {

    List<String> header();

    /** The next data row, or null at the end. Blank rows are skipped. */
    Row next();

    /** What the file was read as: {@code xlsx}, {@code csv UTF-8}, {@code csv GB18030} … */
    String format();

    @Override
    void close();

    /** One data row. */
    record Row(int number, List<String> cells) {

        /** The row, or null when every cell is blank (such rows are skipped, as a person skims past them). */
        static Row unlessBlank(int number, List<String> cells) {
            for (String cell : cells) {
                if (cell != null && !cell.isBlank()) {
                    return new Row(number, cells);
                }
            }
            return null;
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }
}
