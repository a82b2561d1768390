package cn.lantai.catalog.internal.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.OpenStatus;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.internal.ChangeLog;
import cn.lantai.catalog.internal.sheets.CellSafety;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The updates of an import, field by field (old → new), kept beside its report as {@code changes.csv}: row, 档号,
 * 题名, field (its Chinese label), old value, new value. Also how a hand edit's time is said in reports.
 */
public final class HandEdits {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private HandEdits() {
    }

    /** One row that updated an item, and the fields it changed. */
    record Updated(int row, Description description, List<ChangeLog.FieldChange> diff) {
    }

    /** One changed field of an updated row, as the report shows it. */
    public record Change(int row, String code, String title, String field, String oldValue, String newValue) {
    }

    public static String when(ChangeLog.HandEdit edit) {
        return WHEN.format(edit.at());
    }

    /** The Chinese label of a change-log field key: a description field's, or an extra field's key as it is. */
    public static String label(String key) {
        if (key.startsWith("extra.")) {
            return key.substring("extra.".length());
        }
        return DescriptionField.byKey(key).map(DescriptionField::label).orElse(key);
    }

    /** A stored value as people read it: retention, classification and open status by their Chinese names. */
    public static String shown(String key, String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return switch (key) {
            case "retention" -> Retention.parse(value).map(Retention::label).orElse(value);
            case "classification" -> Classification.parse(value).map(Classification::label).orElse(value);
            case "openStatus" -> OpenStatus.parse(value).map(OpenStatus::label).orElse(value);
            default -> value;
        };
    }

    static void appendChanges(Path file, List<Updated> updates) {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            for (Updated u : updates) {
                String code = u.description().itemNo() > 0 ? u.description().archivalCode().toString() : null;
                for (ChangeLog.FieldChange c : u.diff()) {
                    csv.printRecord(u.row(), CellSafety.neutralise(code),
                            CellSafety.neutralise(u.description().get(DescriptionField.TITLE)), label(c.field()),
                            CellSafety.neutralise(shown(c.field(), c.oldValue())),
                            CellSafety.neutralise(shown(c.field(), c.newValue())));
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code limit} changes of an import (none if it updated nothing). */
    public static List<Change> readChanges(Path file, int limit) {
        List<Change> changes = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return changes;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.parse(in)) {
                if (changes.size() == limit) {
                    break;
                }
                changes.add(new Change(Integer.parseInt(r.get(0)), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changes;
    }
}
