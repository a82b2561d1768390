package cn.lantai.statistics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.SealUnavailable;
import cn.lantai.audit.SealedDocument;
import cn.lantai.statistics.Figure;
import cn.lantai.statistics.Section;
import cn.lantai.statistics.StatisticsProblem;
import cn.lantai.statistics.YearlyReport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The yearly report as people read it: labels in the reader's language, the JSON of the API (stable keys, numbers as
 * numbers), one xlsx sheet (项目, 本年, 上年, 增减, 增减%) and a PDF under the archive's seal. A change in percent
 * is "—" where the previous year is 0.
 */
@Component
public class ReportDocuments {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final String NONE = "—";

    private final MessageSource messages;
    private final ArchiveSeal seal;
    private final JsonMapper mapper;

    ReportDocuments(MessageSource messages, ArchiveSeal seal, JsonMapper mapper) {
        this.messages = messages;
        this.seal = seal;
        this.mapper = mapper;
    }

    /** The figure's label in the reader's language. */
    public String label(Figure f, Locale locale) {
        return messages.getMessage(f.label(), new Object[] {f.labelArgument()}, f.key(), locale);
    }

    /** The section's title in the reader's language. */
    public String title(Section s, Locale locale) {
        return messages.getMessage(s.title(), null, s.key(), locale);
    }

    /** The change in percent as people read it: {@code 12.5%}, or "—" where the previous year is 0. */
    public String percentOf(Figure f) {
        return percent(f);
    }

    static String percent(Figure f) {
        BigDecimal p = f.changePercent();
        return p == null ? NONE : p.toPlainString() + "%";
    }

    /**
     * The report as the API's JSON: sections and figures keyed by their stable keys, every key present (a change in
     * percent without a previous year, and the note of a year with data, are null).
     */
    ObjectNode json(YearlyReport report, Locale locale) {
        ObjectNode body = mapper.createObjectNode();
        body.put("year", report.year());
        body.put("previousYear", report.previousYear());
        body.put("noData", report.noData());
        body.put("note", report.noData() ? messages.getMessage("statistics.no-data", null, locale) : null);
        ObjectNode sections = body.putObject("sections");
        for (Section s : report.sections()) {
            ObjectNode section = sections.putObject(s.key());
            section.put("title", title(s, locale));
            ObjectNode figures = section.putObject("figures");
            for (Figure f : s.figures()) {
                ObjectNode figure = figures.putObject(f.key());
                figure.put("label", label(f, locale));
                figure.put("value", f.value());
                figure.put("previous", f.previous());
                figure.put("change", f.change());
                figure.put("changePercent", f.changePercent());
            }
        }
        return body;
    }

    /** The report as one xlsx sheet: a title row, the headings, then each section's title and its figures. */
    ResponseEntity<byte[]> xlsx(YearlyReport report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Lantai", "1.0");
            Worksheet ws = wb.newWorksheet(messages.getMessage("statistics.report.sheet", null, locale));
            ws.value(0, 0, heading(report, locale));
            List<String> columns = columns(locale);
            for (int c = 0; c < columns.size(); c++) {
                ws.value(1, c, columns.get(c));
                ws.style(1, c).bold().set();
            }
            int r = 2;
            for (Section s : report.sections()) {
                ws.value(r, 0, title(s, locale));
                ws.style(r, 0).bold().set();
                r++;
                for (Figure f : s.figures()) {
                    ws.value(r, 0, label(f, locale));
                    ws.value(r, 1, f.value());
                    ws.value(r, 2, f.previous());
                    ws.value(r, 3, f.change());
                    BigDecimal p = f.changePercent();
                    if (p == null) {
                        ws.value(r, 4, NONE);
                    } else {
                        ws.value(r, 4, p);
                    }
                    r++;
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return download(out.toByteArray(), XLSX, "lantai-statistics-" + report.year() + ".xlsx");
    }

    /** The report as a PDF under the archive's seal; 503 where no CJK font is installed. */
    ResponseEntity<byte[]> pdf(YearlyReport report, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (Section s : report.sections()) {
            rows.add(List.of("【" + title(s, locale) + "】", "", "", "", ""));
            for (Figure f : s.figures()) {
                rows.add(List.of(label(f, locale), f.value().toPlainString(), f.previous().toPlainString(),
                        f.change().toPlainString(), percent(f)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage("statistics.report.compared", new Object[] {Integer.toString(
                report.previousYear())}, locale));
        if (report.noData()) {
            lines.add(messages.getMessage("statistics.no-data", null, locale));
        }
        SealedDocument document = new SealedDocument(heading(report, locale),
                messages.getMessage("statistics.report.author", null, locale), lines, columns(locale),
                new float[] {5, 2, 2, 2, 2}, rows);
        try {
            return download(seal.sealedPdf(document), MediaType.APPLICATION_PDF,
                    "lantai-statistics-" + report.year() + ".pdf");
        } catch (SealUnavailable e) {
            throw new StatisticsProblem(503, "statistics.pdf.unavailable");
        }
    }

    private String heading(YearlyReport report, Locale locale) {
        return messages.getMessage("statistics.report.heading", new Object[] {Integer.toString(report.year())},
                locale);
    }

    private List<String> columns(Locale locale) {
        return List.of("item", "value", "previous", "change", "percent").stream()
                .map(c -> messages.getMessage("statistics.column." + c, null, locale)).toList();
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
