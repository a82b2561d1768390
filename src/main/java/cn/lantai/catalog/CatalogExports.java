package cn.lantai.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.internal.Rights;
import cn.lantai.catalog.internal.EntryRules;
import cn.lantai.catalog.internal.Registry;
import cn.lantai.catalog.internal.sheets.CellSafety;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

/**
 * Exports a selection of the catalogue as .xlsx or .csv with the same Chinese headers the importer reads, so an
 * exported sheet imports back unchanged. Only what the viewer may see is exported; every text cell is neutralised
 * against formula injection.
 */
@Service
public class CatalogExports {

    /** Export file formats. */
    public enum Format { XLSX, CSV }

    private static final int BATCH = 2000;

    private final CatalogManagement catalog;
    private final Registry registry;

    private final AuditTrail trail;

    private final Rights rights;

    CatalogExports(CatalogManagement catalog, Registry registry, AuditTrail trail, Rights rights) {
        this.trail = trail;
        this.rights = rights;
        this.catalog = catalog;
        this.registry = registry;
    }

    /** Refuses (403, audited) before anything is sent when the viewer may not export. */
    public void requireExport(Viewer viewer, ItemFilter filter) {
        rights.require(viewer, CatalogRight.CATALOG_EXPORT, "export " + filter.auditTarget());
    }

    /** Writes the selection to {@code out}; CSV in UTF-8 with BOM unless another charset (GB18030) is asked for. */
    public void export(ItemFilter filter, Viewer viewer, Format format, Charset csvCharset, OutputStream out) {
        rights.require(viewer, CatalogRight.CATALOG_EXPORT, "export " + filter.auditTarget());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "catalog.export", filter.auditTarget(), null,
                format.name()));
        List<String> header = new ArrayList<>();
        header.add(EntryRules.ARCHIVAL_CODE_LABEL);
        for (DescriptionField f : DescriptionField.values()) {
            header.add(f.label());
        }
        Map<String, String> extraColumns = new LinkedHashMap<>();
        for (Category c : registry.categories()) {
            if (filter.category() == null || filter.category().equals(c.code())) {
                c.fields().forEach(f -> extraColumns.putIfAbsent(f.key(), f.label()));
            }
        }
        header.addAll(extraColumns.values());
        try {
            if (format == Format.XLSX) {
                xlsx(filter, viewer, header, extraColumns, out);
            } else {
                csv(filter, viewer, header, extraColumns, csvCharset == null ? StandardCharsets.UTF_8 : csvCharset, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(ItemFilter filter, Viewer viewer, List<String> header, Map<String, String> extraColumns,
            Charset charset, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, charset);
        if (charset.equals(StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
        }
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
        csv.printRecord(header);
        catalog.forEachItem(filter, viewer, BATCH, batch -> {
            try {
                for (Item item : batch) {
                    csv.printRecord(cells(item, extraColumns));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private void xlsx(ItemFilter filter, Viewer viewer, List<String> header, Map<String, String> extraColumns,
            OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Lantai", "1.0");
        Worksheet sheet = workbook.newWorksheet("著录");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        int[] row = {1};
        catalog.forEachItem(filter, viewer, BATCH, batch -> {
            for (Item item : batch) {
                List<String> cells = cells(item, extraColumns);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        sheet.value(row[0], c, cells.get(c));
                    }
                }
                row[0]++;
            }
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        workbook.finish();
    }

    private static List<String> cells(Item item, Map<String, String> extraColumns) {
        List<String> cells = new ArrayList<>();
        cells.add(item.archivalCode());
        Description d = item.description();
        for (DescriptionField f : DescriptionField.values()) {
            cells.add(CellSafety.neutralise(display(f, d.get(f))));
        }
        for (String key : extraColumns.keySet()) {
            cells.add(CellSafety.neutralise(item.extra().get(key)));
        }
        return cells;
    }

    /** Values as archivists write them: 秘密 rather than CONFIDENTIAL, 开放 rather than OPEN. */
    private static String display(DescriptionField f, String value) {
        if (value == null) {
            return null;
        }
        return switch (f.kind()) {
            case CLASSIFICATION -> Classification.valueOf(value) == Classification.NONE ? null
                    : Classification.valueOf(value).label();
            case OPEN_STATUS -> OpenStatus.valueOf(value).label();
            case INTEGER -> f == DescriptionField.ITEM_NO ? String.format("%04d", Integer.parseInt(value)) : value;
            default -> value;
        };
    }
}
