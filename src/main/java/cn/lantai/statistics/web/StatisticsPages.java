package cn.lantai.statistics.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.lantai.statistics.StatisticsProblem;
import cn.lantai.statistics.YearlyReport;
import cn.lantai.statistics.YearlyStatistics;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The director's dashboard ({@code /statistics}): a year's key figures beside the previous year's, charts (ECharts)
 * drawn from the tables the page shows, the whole yearly report, a year selector, and the report's downloads
 * ({@code /statistics/yearly/2025.xlsx}, {@code .pdf}). The current year is shown so far; a bad year is said on the
 * page; a year without data says what will fill it. Above the year, whatever year is chosen, the panel "需要关注" lists
 * what needs attention today (overdue rectifications, repellent changes due), each linked to its page.
 */
@Controller
class StatisticsPages {

    /** The figures shown first, as section and figure keys. */
    static final List<List<String>> KEY_FIGURES = List.of(List.of("holdings", "volumes"),
            List.of("holdings", "items"), List.of("digitization", "pagesDigitized"),
            List.of("opening", "recordsOpened"), List.of("use", "personsServed"), List.of("use", "itemsUsed"),
            List.of("accession", "transfers"), List.of("exhibitions", "visitors"),
            List.of("inspections", "inspections"), List.of("stacks", "outOfRange"));

    private final YearlyStatistics statistics;
    private final ReportDocuments documents;
    private final MessageSource messages;

    StatisticsPages(YearlyStatistics statistics, ReportDocuments documents, MessageSource messages) {
        this.statistics = statistics;
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    String dashboard(@RequestParam(required = false) String year, Model model, Locale locale) {
        int current = statistics.currentYear();
        String asked = year == null || year.isBlank() ? Integer.toString(current) : year;
        model.addAttribute("current", current);
        model.addAttribute("firstYear", YearlyStatistics.FIRST_YEAR);
        model.addAttribute("asked", asked);
        model.addAttribute("docs", documents);
        model.addAttribute("attention", statistics.attention());
        try {
            YearlyReport report = statistics.report(asked);
            model.addAttribute("report", report);
            model.addAttribute("keyFigures", KEY_FIGURES.stream().map(k -> report.section(k.get(0)).figures().stream()
                    .filter(f -> f.key().equals(k.get(1))).findFirst()).flatMap(Optional::stream).toList());
            model.addAttribute("months", statistics.useByMonth(report.year()));
        } catch (StatisticsProblem e) {
            model.addAttribute("problem", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
        }
        return "statistics";
    }

    @GetMapping("/statistics/yearly/{year}.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String year, Locale locale) {
        return documents.xlsx(statistics.report(year), locale);
    }

    @GetMapping("/statistics/yearly/{year}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String year, Locale locale) {
        return documents.pdf(statistics.report(year), locale);
    }
}
