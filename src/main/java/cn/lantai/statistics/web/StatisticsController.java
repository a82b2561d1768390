package cn.lantai.statistics.web;

import java.util.Locale;

import cn.lantai.statistics.StatisticsProblem;
import cn.lantai.statistics.YearlyReport;
import cn.lantai.statistics.YearlyStatistics;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly report in the API, for a token with {@code READ_STATISTICS}: {@code GET /api/v1/statistics/yearly/2025}
 * (JSON; {@code ?format=xlsx} or {@code ?format=pdf} for the documents), {@code …/yearly/2025.xlsx} and
 * {@code …/yearly/2025.pdf}. A year that is no year from 1949 answers 400, a year to come 422.
 */
@RestController
class StatisticsController {

    private final YearlyStatistics statistics;
    private final ReportDocuments documents;

    StatisticsController(YearlyStatistics statistics, ReportDocuments documents) {
        this.statistics = statistics;
        this.documents = documents;
    }

    @GetMapping("/api/v1/statistics/yearly/{year}")
    ResponseEntity<?> yearly(@PathVariable String year, @RequestParam(required = false) String format,
            Locale locale) {
        YearlyReport report = statistics.report(year);
        String f = format == null ? "json" : format.strip();
        return switch (f) {
            case "json" -> ResponseEntity.ok(documents.json(report, locale));
            case "xlsx" -> documents.xlsx(report, locale);
            case "pdf" -> documents.pdf(report, locale);
            default -> throw new StatisticsProblem(400, "statistics.format.bad");
        };
    }

    @GetMapping("/api/v1/statistics/yearly/{year}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String year, Locale locale) {
        return documents.xlsx(statistics.report(year), locale);
    }

    @GetMapping("/api/v1/statistics/yearly/{year}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String year, Locale locale) {
        return documents.pdf(statistics.report(year), locale);
    }
}
