package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a catalogue file by what it is, not only by its name: xlsx (a zip) or delimited text. */
public final class Sheets {

    private Sheets() {
    }

    public static SheetRows open(Path file, String originalName) {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadableFile("import.unreadable", e.getMessage());
        }
        if (n <= 0) {
            throw new UnreadableFile("import.empty-file");
        }
        String name = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
        boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = n >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF;
        if (name.endsWith(".xlsx") || zip) {
            if (!zip) {
                throw new UnreadableFile(ole2 ? "import.unsupported-format" : "import.not-xlsx");
            }
            return XlsxRows.open(file);
        }
        if (name.endsWith(".xls") || ole2) {
            throw new UnreadableFile("import.unsupported-format");
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv") || name.isEmpty()) {
            return CsvRows.open(file);
        }
        throw new UnreadableFile("import.unsupported-format");
    }

    /**
     * Opens again a file that {@link #open} already read through as {@code format} (its {@link SheetRows#format()}):
     * the server's own copy, unchanged since, so the whole-file checks (encoding detection, the zip's inflated size)
     * are not paid again. Reading still refuses a malformed byte. An unknown format opens as new.
     */
    public static SheetRows reopen(Path file, String originalName, String format) {
        if (XlsxRows.FORMAT.equals(format)) {
            return XlsxRows.openChecked(file);
        }
        if (format != null && format.startsWith(CsvRows.FORMAT_PREFIX)) {
            try {
                return CsvRows.open(file, Charset.forName(format.substring(CsvRows.FORMAT_PREFIX.length())));
            } catch (IllegalArgumentException e) {
                return open(file, originalName);
            }
        }
        return open(file, originalName);
    }
}
