package cn.lantai.catalog.internal.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import cn.lantai.catalog.internal.sheets.CellSafety;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

/**
 * The error report of an import: a CSV (UTF-8 with BOM, so Excel opens it right) of row, column, value, reason, and
 * the row's 档号 and 题名 (last, so readers of the first four columns keep reading them where they were).
 */
final class ImportReport {

    private ImportReport() {
    }

    static void write(Path file, List<ReportLine> lines, MessageSource messages, Locale locale) {
        try (OutputStream out = Files.newOutputStream(file);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord(messages.getMessage("import.header.row", null, locale),
                    messages.getMessage("import.header.column", null, locale),
                    messages.getMessage("import.header.value", null, locale),
                    messages.getMessage("import.header.reason", null, locale),
                    messages.getMessage("importchange.header.code", null, locale),
                    messages.getMessage("importchange.header.title", null, locale));
            print(csv, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds lines found while writing (rows refused under the lock) to a report written by {@link #write}. */
    static void append(Path file, List<ReportLine> lines) {
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            print(csv, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter csv, List<ReportLine> lines) throws IOException {
        for (ReportLine line : lines) {
            csv.printRecord(line.row(), CellSafety.neutralise(line.column()), CellSafety.neutralise(line.value()),
                    line.reason(), CellSafety.neutralise(line.code()), CellSafety.neutralise(line.title()));
        }
        csv.flush();
    }
}
