package cn.lantai.access.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.lantai.access.AccessProblem;
import cn.lantai.access.UseFigures;
import cn.lantai.access.UseGrouping;
import cn.lantai.access.UseStatistics;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The use statistics in the API, for a token with {@code SERVE_READERS} or {@code APPROVE_USE}:
 * {@code GET /api/v1/use-statistics?from=2026-01-01&to=2026-12-31&by=day|month|year|purpose|category} (JSON: the
 * range, one row per group with its label, and the total) and {@code GET /api/v1/use-statistics.xlsx?…} (the same as
 * a workbook). Without {@code from} and {@code to}, this month so far; {@code by} is {@code day} unless given.
 */
@RestController
class UseStatisticsController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final UseStatistics statistics;
    private final UseStatisticsView view;
    private final MessageSource messages;

    UseStatisticsController(UseStatistics statistics, UseStatisticsView view, MessageSource messages) {
        this.statistics = statistics;
        this.view = view;
        this.messages = messages;
    }

    @GetMapping("/api/v1/use-statistics")
    Map<String, Object> figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by, Viewer viewer, Locale locale) {
        UseFigures f = statistics.figures(from, to, UseGrouping.of(by), viewer);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", f.from());
        body.put("to", f.to());
        body.put("by", f.by().name().toLowerCase(Locale.ROOT));
        body.put("rows", f.rows().stream().map(r -> row(r, view.label(f.by(), r.key(), locale))).toList());
        body.put("total", row(f.total(), messages.getMessage("access.statistics.total", null, locale)));
        return body;
    }

    @GetMapping("/api/v1/use-statistics.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by, Viewer viewer, Locale locale) throws IOException {
        return xlsx(statistics.figures(from, to, UseGrouping.of(by), viewer), view, locale);
    }

    /** The workbook as a download; the page's export answers the same way. */
    static ResponseEntity<byte[]> xlsx(UseFigures f, UseStatisticsView view, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        view.workbook(f, locale, out);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(view.fileName(f)).build().toString())
                .body(out.toByteArray());
    }

    private static Map<String, Object> row(UseFigures.Row r, String label) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", r.key());
        row.put("label", label);
        row.put("visits", r.visits());
        row.put("volumesUsed", r.volumesUsed());
        row.put("itemsUsed", r.itemsUsed());
        row.put("pagesCopied", r.pagesCopied());
        row.put("downloads", r.downloads());
        row.put("prints", r.prints());
        row.put("certificates", r.certificates());
        return row;
    }
}
