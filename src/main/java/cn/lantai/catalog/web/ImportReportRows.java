package cn.lantai.catalog.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The first rows of an import's error report (row, column, value, reason), for the job page; the whole report is the
 * CSV download.
 */
record ImportReportRows(List<List<String>> rows, boolean more) {

    static final int SHOWN = 100;

    static ImportReportRows none() {
        return new ImportReportRows(List.of(), false);
    }

    static ImportReportRows read(Path report) {
        if (!Files.exists(report)) {
            return none();
        }
        try (Reader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            List<List<String>> rows = new ArrayList<>();
            boolean header = true;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                if (header) {
                    header = false;
                    continue;
                }
                if (rows.size() == SHOWN) {
                    return new ImportReportRows(rows, true);
                }
                rows.add(record.toList());
            }
            return new ImportReportRows(rows, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
