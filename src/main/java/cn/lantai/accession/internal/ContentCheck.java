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

    private final ContentInspection inspection;
    private final boolean quarantine;
    private final List<Finding> findings = new ArrayList<>();

    /** Checks content taken in: an infected file is quarantined at once. */
    public ContentCheck(ContentInspection inspection) {
        this(inspection, true);
    }

    /**
     * @param quarantine whether an infected file is moved to the quarantine; false for content the archival store
     *                   holds, which is never written in place (the report names it, the store keeps it)
     */
    public ContentCheck(ContentInspection inspection, boolean quarantine) {
        this.inspection = inspection;
        this.quarantine = quarantine;
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
     * 计算机文件格式 as described against the formats its files were found to be: one of them must be it, compared by
     * format family, never by substring. A value naming no format known here is a fault of its own. Only a record
     * whose files were all found and usable is compared: a missing, empty or unusable file is already its own fault.
     */
    private void declaredFormat(RecordCheck.DeclaredFormat declared, Map<String, FormatReport> formats) {
        String label = declared.record();
        String wanted = DeclaredFormats.family(declared.format());
        if (wanted == null) {
            findings.add(Finding.fail(Property.AUTHENTICITY, "AUTH-FILE-PROPS", label, null,
                    "accession.check.format-unknown", declared.format(), DeclaredFormats.KNOWN));
            return;
        }
        List<FormatReport> found = declared.files().stream().map(formats::get).toList();
        if (found.isEmpty() || found.stream().anyMatch(r -> r == null || !r.usable())) {
            return;
        }
        boolean matches = found.stream().anyMatch(r -> DeclaredFormats.families(r).contains(wanted));
        findings.add(matches
                ? Finding.pass(Property.AUTHENTICITY, "AUTH-FILE-PROPS", label, null,
                        "accession.check.format-declared-ok", declared.format())
                : Finding.fail(Property.AUTHENTICITY, "AUTH-FILE-PROPS", label, null,
                        "accession.check.format-differs", declared.format(), String.join("、", found.stream()
                                .map(r -> r.formatName() == null ? r.mediaType() : r.formatName()).toList())));
    }

    /**
     * The archival formats by family, as a record's 计算机文件格式 names them (an extension or a name: {@code JPG},
     * {@code PDF/A-2b}, or a media type) and as content identification finds them (a media type; PDF/A is a PDF
     * whose format name says so).
     */
    static final class DeclaredFormats {

        static final String KNOWN = "PDF、PDF/A、OFD、JPEG、TIFF、PNG、JPEG 2000、XML、TXT、MP3、WAV、MP4、MPEG";
        private static final String PDF_A = "PDF/A";
        private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("PDF", "PDF"),
                Map.entry("OFD", "OFD"), Map.entry("JPG", "JPEG"), Map.entry("JPEG", "JPEG"), Map.entry("JPE", "JPEG"),
                Map.entry("TIF", "TIFF"), Map.entry("TIFF", "TIFF"), Map.entry("PNG", "PNG"),
                Map.entry("JP2", "JPEG 2000"), Map.entry("J2K", "JPEG 2000"), Map.entry("JPX", "JPEG 2000"),
                Map.entry("JPEG2000", "JPEG 2000"), Map.entry("JPEG 2000", "JPEG 2000"), Map.entry("XML", "XML"),
                Map.entry("TXT", "TEXT"), Map.entry("TEXT", "TEXT"), Map.entry("MP3", "MP3"), Map.entry("WAV", "WAV"),
                Map.entry("WAVE", "WAV"), Map.entry("MP4", "MP4"), Map.entry("MPG", "MPEG"), Map.entry("MPEG", "MPEG"));
        private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(Map.entry("application/pdf", "PDF"),
                Map.entry("application/ofd", "OFD"), Map.entry("image/jpeg", "JPEG"), Map.entry("image/tiff", "TIFF"),
                Map.entry("image/png", "PNG"), Map.entry("image/jp2", "JPEG 2000"), Map.entry("image/jpx", "JPEG 2000"),
                Map.entry("application/xml", "XML"), Map.entry("text/xml", "XML"), Map.entry("text/plain", "TEXT"),
                Map.entry("audio/mpeg", "MP3"), Map.entry("audio/vnd.wave", "WAV"), Map.entry("audio/wav", "WAV"),
                Map.entry("audio/x-wav", "WAV"), Map.entry("video/mp4", "MP4"), Map.entry("video/mpeg", "MPEG"));

        private DeclaredFormats() {
        }

        /** The family a described format names, or null when it names none known here. */
        static String family(String declared) {
            String value = declared == null ? "" : declared.strip();
            String name = value.toUpperCase(Locale.ROOT).replaceFirst("^\\.", "");
            if (name.startsWith(PDF_A) || name.startsWith("PDFA")) {
                return PDF_A;
            }
            return NAMES.getOrDefault(name, MEDIA_TYPES.get(value.toLowerCase(Locale.ROOT)));
        }

        /** The families a file found by content belongs to: a PDF/A is also a PDF. */
        static Set<String> families(FormatReport report) {
            String mediaType = report.mediaType() == null ? "" : report.mediaType().split(";")[0].strip();
            String family = MEDIA_TYPES.get(mediaType.toLowerCase(Locale.ROOT));
            if (family == null) {
                return Set.of();
            }
            boolean pdfA = report.formatName() != null
                    && report.formatName().toUpperCase(Locale.ROOT).startsWith(PDF_A);
            return family.equals("PDF") && pdfA ? Set.of("PDF", PDF_A) : Set.of(family);
        }
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
            } else if (quarantine) {
                infected.add(file.name());
                inspection.quarantine(location, scan.finding() + " (" + scan.engine() + ")");
                security.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.virus", scan.finding()));
            } else {
                infected.add(file.name());
                security.add(Finding.fail(Property.SECURITY, "SEC-VIRUS", record, file.name(),
                        "accession.check.virus-stored", scan.finding()));
            }
        });
        return infected;
    }

    /** A file's scan, or why it could not be scanned. */
    private record Verdict(VirusScan scan, String unscanned) {

        static Verdict of(VirusScan scan) {
            return scan.notScanned() ? new Verdict(null, scan.reason()) : new Verdict(scan, null);
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
