package cn.lantai.accession.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * finds it clean (security). Every file is scanned before any is opened to identify it; an infected file is moved to
 * the quarantine at once, so it is never parsed nor stored. A 0-byte file
 * and a foreign file (no manifest lists it) are left to {@link BagCheck}'s fault, not reported again as unusable.
 */
public final class ContentCheck {

    /**
     * ClamAV's finding for a file past its size or scan limits ({@code --alert-exceeds-max}): the file was not looked
     * at, so it is neither clean nor infected.
     */
    static final String LIMITS_EXCEEDED = "Heuristics.Limits.Exceeded";

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
        List<Finding> security = new ArrayList<>();
        Set<String> infected = viruses(pkg, claims, security);
        Map<String, FormatReport> formats = new LinkedHashMap<>();
        for (PayloadFile file : pkg.files()) {
            if (file.size() > 0 && !file.name().equals(pkg.catalogue()) && !BagCheck.foreign(pkg, file.name())
                    && !infected.contains(file.name())) {
                FormatReport report = inspection.identify(file.location());
                formats.put(file.name(), report);
                usability(file.name(), claims.get(file.name()), report);
            }
        }
        declared.forEach(d -> declaredFormat(d, formats));
        findings.addAll(security);
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

    /**
     * 计算機文件格式 as described against the formats its files were found to be: one of them must be it. Only a record
     * whose files were all found and usable is compared: a missing, empty or unusable file is already its own fault.
     */
    private void declaredFormat(RecordCheck.DeclaredFormat declared, Map<String, FormatReport> formats) {
        List<FormatReport> found = declared.files().stream().map(formats::get).toList();
        if (found.isEmpty() || found.stream().anyMatch(r -> r == null || !r.usable())) {
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

    /**
     * Scans every payload file before any is parsed, so no reader (PDFBox, ImageIO, SAX) ever opens a file found
     * infected; that file goes to the quarantine at once. A file the scanner could not look at (past its size limits,
     * or no verdict) is a fault of its own, never clean and never infected: it stays where it is. Answers the payload
     * names found infected.
     */
    private Set<String> viruses(TransferPackage pkg, Map<String, String> claims, List<Finding> security) {
        Map<Path, PayloadFile> byLocation = new LinkedHashMap<>();
        pkg.files().forEach(f -> byLocation.put(f.location(), f));
        Set<String> infected = new HashSet<>();
        if (byLocation.isEmpty()) {
            return infected;
        }
        Map<Path, Verdict> verdicts = verdicts(byLocation.keySet());
        if (verdicts == null) {
            security.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", null, null, "accession.check.no-scanner"));
            return infected;
        }
        verdicts.forEach((location, verdict) -> {
            PayloadFile file = byLocation.get(location);
            String record = claims.get(file.name());
            VirusScan scan = verdict.scan();
            if (verdict.unscanned() != null) {
                security.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.not-scanned", verdict.unscanned()));
            } else if (scan.clean()) {
                security.add(Finding.pass(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.virus-clean", scan.engine()));
            } else {
                infected.add(file.name());
                inspection.quarantine(location, scan.finding() + " (" + scan.engine() + ")");
                security.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.virus", scan.finding()));
            }
        });
        return infected;
    }

    /** A file's scan, or why it could not be scanned. */
    private record Verdict(VirusScan scan, String unscanned) {

        static Verdict of(VirusScan scan) {
            return !scan.clean() && scan.finding().startsWith(LIMITS_EXCEEDED) ? new Verdict(null, scan.finding())
                    : new Verdict(scan, null);
        }
    }

    /**
     * Each file's verdict; null when no scanner runs here at all (one fault for the package). The batch is one scanner
     * call; only when it fails is each file scanned alone, so one file the scanner cannot read does not leave the
     * others unscanned.
     */
    private Map<Path, Verdict> verdicts(Collection<Path> files) {
        Map<Path, Verdict> verdicts = new LinkedHashMap<>();
        try {
            inspection.scanAll(files).forEach((file, scan) -> verdicts.put(file, Verdict.of(scan)));
            return verdicts;
        } catch (ScannerUnavailable batch) {
            if (!inspection.scannerAvailable()) {
                return null;
            }
        }
        for (Path file : files) {
            try {
                verdicts.put(file, Verdict.of(inspection.scan(file)));
            } catch (ScannerUnavailable e) {
                verdicts.put(file, new Verdict(null, e.getMessage()));
            }
        }
        return verdicts;
    }
}
