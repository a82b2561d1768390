package cn.lantai.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.internal.AuditEntries;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The filtered trail taken away by the auditor: as a workbook (xlsx) to sort and count in, and as a PDF report
 * signed with the archive's SM2 audit key, both in the auditor's language (actions by name, before and after field by
 * field). Each export is itself an entry of the trail ({@code audit.export}: who, from where, which format, which
 * filter, how many entries).
 */
@Service
public class AuditReports {

    /** An xlsx sheet holds 1,048,576 rows; a header takes one. */
    public static final int MAX_XLSX_ROWS = 1_000_000;
    /** A PDF report beyond this many entries is no longer read; it says it stops there and the workbook has all. */
    public static final int MAX_PDF_ROWS = 10_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] COLUMNS = {"audit.seq", "audit.at", "audit.actor", "audit.address", "audit.action",
        "audit.target", "audit.before", "audit.after"};

    private final AuditEntries entries;
    private final AuditTrail trail;
    private final AuditWording wording;
    private final MessageSource messages;
    private final ArchiveSeal seal;

    AuditReports(AuditEntries entries, AuditTrail trail, AuditWording wording, MessageSource messages,
            ArchiveSeal seal) {
        this.entries = entries;
        this.trail = trail;
        this.wording = wording;
        this.messages = messages;
        this.seal = seal;
    }

    /** Whether a PDF report can be made: a CJK TrueType font was found. */
    public boolean pdfAvailable() {
        return seal.pdfAvailable();
    }

    /** Writes the matching entries, newest first, as an xlsx workbook; answers how many. */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public long xlsx(AuditQuery query, String filterText, String actor, String address, Locale locale,
            OutputStream out) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            Workbook book = new Workbook(out, "Lantai", "1.0");
            Worksheet sheet = book.newWorksheet(messages.getMessage("audit.title", null, locale));
            for (int c = 0; c < COLUMNS.length; c++) {
                sheet.value(0, c, messages.getMessage(COLUMNS[c], null, locale));
                sheet.style(0, c).bold().set();
            }
            int[] row = {1};
            long count = entries.each(query, MAX_XLSX_ROWS, e -> {
                List<String> cells = cells(e, zone, locale);
                sheet.value(row[0], 0, e.seq());
                for (int c = 1; c < cells.size(); c++) {
                    sheet.value(row[0], c, cells.get(c));
                }
                row[0]++;
            });
            book.finish();
            out.flush();
            recordExport(actor, address, "xlsx", filterText, count);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The matching entries, newest first (at most {@link #MAX_PDF_ROWS}), as a PDF report that says who made it,
     * when, with which filter, and how the chain verified, signed with the archive's audit key.
     *
     * @throws SealUnavailable when no CJK font is found ({@link #pdfAvailable()})
     */
    @PreAuthorize("hasRole('AUDITOR')")
    @Transactional(readOnly = true)
    public byte[] pdf(AuditQuery query, String filterText, String actor, String address, Locale locale) {
        ZoneId zone = ZoneId.systemDefault();
        long total = entries.count(query);
        List<List<String>> rows = new ArrayList<>();
        entries.each(query, MAX_PDF_ROWS, e -> rows.add(cells(e, zone, locale)));
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage("audit.report.made", new Object[] {actor, TIME.format(Instant.now().atZone(
                zone))}, locale));
        lines.add(messages.getMessage("audit.report.filter", new Object[] {filterText}, locale));
        lines.add(rows.size() < total
                ? messages.getMessage("audit.report.cut", new Object[] {total, rows.size()}, locale)
                : messages.getMessage("audit.total", new Object[] {total}, locale));
        lines.add(messages.getMessage("audit.report.verification", new Object[] {
                wording.verification(trail.verify(), locale)}, locale));
        lines.add(messages.getMessage("audit.report.signature", null, locale));
        List<String> columns = new ArrayList<>();
        for (String c : COLUMNS) {
            columns.add(messages.getMessage(c, null, locale));
        }
        String title = messages.getMessage("audit.report.title", null, locale);
        byte[] report = seal.sealedPdf(new SealedDocument(title, actor, lines, columns,
                new float[] {4, 11, 8, 8, 10, 15, 22, 22}, rows)
                .withReason(messages.getMessage("audit.report.reason", null, locale)).asLandscape());
        recordExport(actor, address, "pdf", filterText, rows.size());
        return report;
    }

    private List<String> cells(AuditEntry e, ZoneId zone, Locale locale) {
        String newline = "\n";
        return List.of(String.valueOf(e.seq()), TIME.format(e.at().atZone(zone)), nullSafe(e.actor()),
                nullSafe(e.address()), wording.action(e.action(), locale), nullSafe(e.target()),
                String.join(newline, wording.state(e.before(), locale)),
                String.join(newline, wording.state(e.after(), locale)));
    }

    private void recordExport(String actor, String address, String format, String filterText, long count) {
        trail.recordApart(new AuditEvent(actor, address, "audit.export", format, null,
                "{\"filter\":" + quoted(filterText) + ",\"entries\":\"" + count + "\"}"));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : nullSafe(text).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }
}
