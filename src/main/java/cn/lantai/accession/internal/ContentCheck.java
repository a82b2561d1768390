package cn.lantai.accession.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.TransferPackage;
import cn.lantai.accession.TransferPackage.PayloadFile;
import cn.lantai.preservation.ContentInspection;
import cn.lantai.preservation.FormatReport;
import cn.lantai.preservation.ScannerUnavailable;
import cn.lantai.preservation.VirusScan;
/**
 * The content of each payload file (DA/T 70-2018 usability and security), through preservation's
 * {@link ContentInspection}: its format identified by content (never by name) is on the list of archival formats, it
 * opens, it is not encrypted (usability); the declared 计算机文件格式 matches what its files are (authenticity); and ClamAV
 * finds it clean (security). An infected file is moved to the quarantine at once, so it is never stored. A 0-byte file
 * is left to {@link BagCheck}'s integrity fault, not reported again as unusable.
 */
public final class ContentCheck {

    private final ContentInspection inspection;
    private final List<Finding> findings = new ArrayList<>();

    public ContentCheck(ContentInspection inspection) {
        this.inspection = inspection;
    }

    /**
     * @param claims   payload-relative file → the label of the record that lists it
     * @param declared the records that declare a 计算机文件格式
     */
    public List<Finding> check(TransferPackage pkg, Map<String, String> claims,
            List<RecordCheck.DeclaredFormat> declared) {
        Map<String, FormatReport> formats = new LinkedHashMap<>();
        for (PayloadFile file : pkg.files()) {
            if (file.size() > 0 && !file.name().equals(pkg.catalogue())) {
                FormatReport report = inspection.identify(file.location());
                formats.put(file.name(), report);
                usability(file.name(), claims.get(file.name()), report);
            }
        }
        declared.forEach(d -> declaredFormat(d, formats));
        viruses(pkg, claims);
        return findings;
    }

    private void usability(String file, String record, FormatReport report) {
        String format = report.formatName() == null ? report.mediaType() : report.formatName();
        if (report.usable()) {
            findings.add(Finding.pass(Property.USABILITY, "USE-FORMAT", record, file, "accession.check.format-ok",
                    format));
        } else if (FormatReport.ENCRYPTED.equals(report.problem())) {
            findings.add(Finding.fail(Property.USABILITY, "USE-ENCRYPTED", record, file,
                    "accession.check.encrypted", format));
        } else if (FormatReport.UNREADABLE.equals(report.problem())) {
            findings.add(Finding.fail(Property.USABILITY, "USE-OPENS", record, file, "accession.check.unreadable",
                    format));
        } else {
            findings.add(Finding.fail(Property.USABILITY, "USE-FORMAT", record, file, "accession.check.not-archival",
                    format));
        }
    }

    /** 计算机文件格式 as described against the formats its files were found to be: one of them must be it. */
    private void declaredFormat(RecordCheck.DeclaredFormat declared, Map<String, FormatReport> formats) {
        List<FormatReport> found = declared.files().stream().map(formats::get).filter(r -> r != null).toList();
        if (found.isEmpty()) {
            return;
        }
        String wanted = normal(declared.format());
        boolean matches = found.stream().anyMatch(r -> normal(r.formatName()).contains(wanted)
                || normal(r.mediaType()).contains(wanted));
        findings.add(matches
                ? Finding.pass(Property.AUTHENTICITY, "AUTH-FILE-PROPS", declared.record(), null,
                        "accession.check.format-declared-ok", declared.format())
                : Finding.fail(Property.AUTHENTICITY, "AUTH-FILE-PROPS", declared.record(), null,
                        "accession.check.format-differs", declared.format(), String.join("、", found.stream()
                                .map(r -> r.formatName() == null ? r.mediaType() : r.formatName()).toList())));
    }

    private static String normal(String format) {
        String f = format == null ? "" : format.toUpperCase(Locale.ROOT).replace(".", "").strip();
        return switch (f) {
            case "JPG" -> "JPEG";
            case "TIF" -> "TIFF";
            default -> f;
        };
    }

    private void viruses(TransferPackage pkg, Map<String, String> claims) {
        Map<Path, PayloadFile> byLocation = new LinkedHashMap<>();
        pkg.files().forEach(f -> byLocation.put(f.location(), f));
        if (byLocation.isEmpty()) {
            return;
        }
        Map<Path, VirusScan> scans;
        try {
            scans = inspection.scanAll(byLocation.keySet());
        } catch (ScannerUnavailable e) {
            findings.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", null, null, "accession.check.no-scanner"));
            return;
        }
        scans.forEach((location, scan) -> {
            PayloadFile file = byLocation.get(location);
            String record = claims.get(file.name());
            if (scan.clean()) {
                findings.add(Finding.pass(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.virus-clean", scan.engine()));
            } else if (scan.notScanned()) {
                findings.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.not-scanned", scan.reason()));
            } else {
                inspection.quarantine(location, scan.finding() + " (" + scan.engine() + ")");
                findings.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.virus", scan.finding()));
            }
        });
    }
}
