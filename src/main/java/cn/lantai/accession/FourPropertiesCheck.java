package cn.lantai.accession;

import java.util.ArrayList;
import java.util.List;

import cn.lantai.accession.internal.BagCheck;
import cn.lantai.accession.internal.Finding;
import cn.lantai.accession.internal.RecordCheck;
import cn.lantai.catalog.CatalogSheets;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The four-properties check (四性检测, DA/T 70-2018) of a transfer package at receipt: authenticity, integrity,
 * usability and security of its bag, its catalogue's records and their files. Records are judged by the catalogue's
 * own rules. It only reads: the caller records that the check ran (the security property's "process logged") in the
 * audit trail.
 */
@Service
public class FourPropertiesCheck {

    private final CatalogSheets sheets;
    private final MessageSource messages;

    FourPropertiesCheck(CatalogSheets sheets, MessageSource messages) {
        this.sheets = sheets;
        this.messages = messages;
    }

    /** Checks the package as unpacked; may be run again on the same package. */
    public FourPropertiesReport check(TransferPackage pkg) {
        RecordCheck records = new RecordCheck(sheets.judge(),
                row -> messages.getMessage("accession.record.row", new Object[] {row}, Finding.REPORT_LOCALE));
        List<Finding> findings = new ArrayList<>(records.check(pkg));
        List<PropertyCheck> checks = new ArrayList<>(pkg.unpacking().stream()
                .map(c -> withRecord(c, records.claims().get(c.file()))).toList());
        findings.addAll(new BagCheck(pkg, records.claims()).check());
        findings.forEach(f -> checks.add(f.toCheck(messages)));
        return new FourPropertiesReport(checks);
    }

    /** A file the unpacking left out (a bomb, an encrypted entry) is named with the record that lists it. */
    private static PropertyCheck withRecord(PropertyCheck check, String record) {
        return record == null || !check.record().isEmpty() ? check : new PropertyCheck(check.property(), check.code(),
                check.result(), record, check.file(), check.reason());
    }
}
