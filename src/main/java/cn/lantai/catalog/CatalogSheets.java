package cn.lantai.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.lantai.catalog.internal.Entry;
import cn.lantai.catalog.internal.EntryJudge;
import cn.lantai.catalog.internal.imports.RowReader;
import cn.lantai.catalog.internal.sheets.ColumnMapping;
import cn.lantai.catalog.internal.sheets.SheetRows;
import cn.lantai.catalog.internal.sheets.Sheets;
import cn.lantai.catalog.internal.sheets.UnreadableFile;
import org.springframework.stereotype.Service;

/**
 * Catalogue sheets (xlsx, or CSV in UTF-8 or GB18030) read and judged for other modules exactly as the import reads
 * and judges them: the same encoding detection, zip-bomb guard, header matching and DA/T 18/22 rules. Accession reads
 * the catalogue inside a unit's transfer package with it, whose extra columns (such as {@code 文件}, the record's files)
 * the catalogue does not know and hands back as they are.
 */
@Service
public class CatalogSheets {

    /**
     * The largest sheet read: a catalogue of 1,000,000 rows of DA/T 18's fields takes about 250 MB as CSV; past this
     * the file is refused before a byte of it is parsed, since its rows are held in memory.
     */
    public static final long MAX_SHEET_SIZE = 256L << 20;
    /**
     * The longest row of a text sheet, in bytes: a row (or one cell in quotes) past it, such as a quote that is never
     * closed, is refused before parsing, which would otherwise take the rest of the file into one cell.
     */
    public static final int MAX_ROW_SIZE = 4 << 20;

    private final EntryJudge judge;

    CatalogSheets(EntryJudge judge) {
        this.judge = judge;
    }

    /** A sheet read whole: what it was read as ({@code xlsx}, {@code csv GB18030} …), its header and its data rows. */
    public record Sheet(String format, List<String> header, List<SheetRow> rows) {
    }

    /**
     * One data row: its number as the spreadsheet counts (the header is row 1), the entry its known columns give, and
     * the other non-blank cells by their header as written.
     */
    public record SheetRow(int number, EntryInput entry, Map<String, String> otherColumns) {
    }

    /** An entry judged by the catalogue's rules: its normal description and the rules it breaks (none when valid). */
    public record Judgement(Description description, List<Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * Reads a sheet's header and every row, mapping columns as the import does without a mapping step.
     *
     * @throws UnreadableSheet when the file is no catalogue (not xlsx or text, unknown encoding, a zip bomb, no known
     *                         header, two columns for one field) or past {@link #MAX_SHEET_SIZE} or
     *                         {@link #MAX_ROW_SIZE}; its code is an {@code import.*} message key
     */
    public Sheet read(Path file, String fileName, int maxRows) {
        checkSize(file);
        try (SheetRows rows = Sheets.open(file, fileName)) {
            if (rows.header().isEmpty()) {
                throw new UnreadableSheet("import.empty-file");
            }
            ColumnMapping columns = ColumnMapping.of(rows.header(), Map.of(), judge.snapshot().categories());
            if (columns.mapsNothing()) {
                throw new UnreadableSheet("import.no-header", String.join(", ", rows.header().stream()
                        .map(String::valueOf).limit(20).toList()));
            }
            if (!columns.repeated().isEmpty()) {
                throw new UnreadableSheet("import.repeated-column", columns.repeated().get(0).messageArgs());
            }
            RowReader reader = new RowReader(columns, Map.of());
            List<SheetRow> read = new ArrayList<>();
            for (SheetRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (read.size() == maxRows) {
                    throw new UnreadableSheet("import.too-many-rows", maxRows);
                }
                read.add(new SheetRow(row.number(), reader.read(row), others(rows.header(), columns, row)));
            }
            return new Sheet(rows.format(), rows.header(), List.copyOf(read));
        } catch (UnreadableFile e) {
            throw new UnreadableSheet(e.code(), e.args());
        }
    }

    /** Refuses a sheet past {@link #MAX_SHEET_SIZE}, and a text sheet with a row past {@link #MAX_ROW_SIZE}. */
    private static void checkSize(Path file) {
        try {
            if (Files.size(file) > MAX_SHEET_SIZE) {
                throw new UnreadableSheet("import.sheet-too-large", MAX_SHEET_SIZE >> 20);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                in.mark(4);
                byte[] head = in.readNBytes(4);
                in.reset();
                boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
                if (!zip) {
                    checkRows(in, head.length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                            || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF));
                }
            }
        } catch (IOException e) {
            throw new UnreadableSheet("import.unreadable", e.getMessage());
        }
    }

    /**
     * Measures each row of delimited text as a CSV parser splits it: a line break ends a row only outside quotes
     * (quotes inside a quoted cell are doubled, so the count of quotes tells). Bytes suffice for UTF-8 and GB18030,
     * whose multi-byte characters never contain a quote or a line break; UTF-16 is read in pairs.
     */
    private static void checkRows(InputStream in, boolean utf16) throws IOException {
        Reader text = utf16 ? new InputStreamReader(in, StandardCharsets.UTF_16)
                : new InputStreamReader(in, StandardCharsets.ISO_8859_1);
        int unit = utf16 ? 2 : 1;
        char[] chunk = new char[1 << 16];
        long length = 0;
        int row = 1;
        boolean quoted = false;
        for (int n = text.read(chunk); n >= 0; n = text.read(chunk)) {
            for (int i = 0; i < n; i++) {
                quoted ^= chunk[i] == '"';
                length = chunk[i] == '\n' && !quoted ? 0 : length + unit;
                row += length == 0 ? 1 : 0;
                if (length > MAX_ROW_SIZE) {
                    throw new UnreadableSheet("import.row-too-large", row, MAX_ROW_SIZE >> 20);
                }
            }
        }
    }

    private static Map<String, String> others(List<String> header, ColumnMapping columns, SheetRows.Row row) {
        Map<String, String> others = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = row.cell(i);
            if (!columns.columns().containsKey(i) && header.get(i) != null && value != null && !value.isBlank()) {
                others.putIfAbsent(header.get(i).strip(), value);
            }
        }
        return others;
    }

    /**
     * A judge bound to the fonds and categories registered now (read once, as an import judges all its rows against
     * one snapshot): each entry on its own, as {@link CatalogManagement#create} would before looking at its group.
     */
    public Function<EntryInput, Judgement> judge() {
        EntryJudge.Snapshot snapshot = judge.snapshot();
        return input -> {
            Entry entry = snapshot.judge(input);
            return new Judgement(entry.description(), entry.violations());
        };
    }

    /** The file cannot be read as a catalogue; the message key ({@code import.*}) and arguments say why, for people. */
    public static class UnreadableSheet extends CatalogProblem {

        public UnreadableSheet(String code, Object... args) {
            super(code, args);
        }
    }
}
