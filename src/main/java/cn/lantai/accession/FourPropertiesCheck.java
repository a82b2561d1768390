package cn.lantai.accession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.lantai.accession.TransferPackage.PackageRecord;
import cn.lantai.accession.TransferPackage.PayloadFile;
import cn.lantai.accession.internal.BagCheck;
import cn.lantai.accession.internal.ContentCheck;
import cn.lantai.accession.internal.FileDigests;
import cn.lantai.accession.internal.Finding;
import cn.lantai.accession.internal.RecordCheck;
import cn.lantai.catalog.CatalogSheets;
import cn.lantai.preservation.ContentInspection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The four-properties check (四性检测, DA/T 70-2018) of a transfer package at receipt: authenticity, integrity,
 * usability and security of its bag, its catalogue's records and their files. Records are judged by the catalogue's
 * own rules; content is inspected by preservation's {@link ContentInspection} (format by content, ClamAV). It changes
 * nothing but the quarantine: an infected file leaves the work folder at once. The caller records that the check ran
 * (the security property's "process logged") in the audit trail.
 */
@Service
public class FourPropertiesCheck {

    private final CatalogSheets sheets;
    private final MessageSource messages;
    private final ContentInspection inspection;

    FourPropertiesCheck(CatalogSheets sheets, MessageSource messages, ContentInspection inspection) {
        this.sheets = sheets;
        this.messages = messages;
        this.inspection = inspection;
    }

    /**
     * Checks the package as unpacked. Run again on the same package, a file quarantined by the first run is reported
     * missing: keep the first report.
     */
    public FourPropertiesReport check(TransferPackage pkg) {
        return checkRecords(pkg).report();
    }

    /**
     * The check, with the label by which its report names each record of the catalogue sheet (its 档号, or 第N行),
     * by row: what tells the records without a fault from the others when a transfer is accepted.
     */
    public CheckedPackage checkRecords(TransferPackage pkg) {
        RecordCheck records = new RecordCheck(sheets.judge(),
                row -> messages.getMessage("accession.record.row", new Object[] {row}, Finding.REPORT_LOCALE));
        List<Finding> findings = new ArrayList<>(records.check(pkg));
        List<PropertyCheck> checks = new ArrayList<>(pkg.unpacking().stream()
                .map(c -> withRecord(c, records.claims().get(c.file()))).toList());
        findings.addAll(new BagCheck(pkg, records.claims()).check());
        findings.addAll(new ContentCheck(inspection).check(pkg, records.claims(), records.declaredFormats()));
        findings.forEach(f -> checks.add(f.toCheck(messages)));
        return new CheckedPackage(new FourPropertiesReport(checks), Map.copyOf(records.labels()));
    }

    /** A package's report and its records' labels by row of the catalogue sheet. */
    public record CheckedPackage(FourPropertiesReport report, Map<Integer, String> recordByRow) {
    }

    /**
     * Checks one record outside a package (a filing, a stored record) with the same checks as a package's records:
     * its description by the catalogue's rules (authenticity, mandatory fields), its declared file size and format,
     * each file's digests ({@link CheckedRecord.Origin} says against what), format by content, and ClamAV. Nothing
     * speaks of other records: no numbering, counts or manifests.
     */
    public FourPropertiesReport check(CheckedRecord record) {
        List<PayloadFile> present = record.files().stream().filter(f -> f.location() != null)
                .map(f -> new PayloadFile(f.name(), size(f.location()), f.location())).toList();
        List<String> names = record.files().stream().map(CheckedRecord.RecordFile::name).toList();
        TransferPackage one = new TransferPackage(null, null, List.of(), Map.of(), Map.of(), null,
                List.of(new PackageRecord(1, record.entry(), names)), present, List.of(), List.of());
        RecordCheck records = new RecordCheck(sheets.judge(), row -> record.label());
        List<Finding> findings = new ArrayList<>(records.check(one).stream()
                .filter(f -> !f.code().equals("INTEG-SEQUENCE")).toList());
        String label = names.isEmpty() ? record.label() : records.claims().getOrDefault(names.get(0), record.label());
        findings.addAll(FileDigests.check(label, record));
        findings.addAll(new ContentCheck(inspection, record.origin() == CheckedRecord.Origin.FILING)
                .check(one, records.claims(), records.declaredFormats()));
        return new FourPropertiesReport(findings.stream().map(f -> f.toCheck(messages)).toList());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the unpacking left out (a bomb, an encrypted entry) is named with the record that lists it. */
    private static PropertyCheck withRecord(PropertyCheck check, String record) {
        return record == null || !check.record().isEmpty() ? check : new PropertyCheck(check.property(), check.code(),
                check.result(), record, check.file(), check.reason());
    }
}
