package cn.lantai.accession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.lantai.accession.internal.BagCheck;
import cn.lantai.accession.internal.ContentCheck;
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

    /** A file the unpacking left out (a bomb, an encrypted entry) is named with the record that lists it. */
    private static PropertyCheck withRecord(PropertyCheck check, String record) {
        return record == null || !check.record().isEmpty() ? check : new PropertyCheck(check.property(), check.code(),
                check.result(), record, check.file(), check.reason());
    }
}
