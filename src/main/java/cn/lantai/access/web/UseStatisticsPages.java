package cn.lantai.access.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;

import cn.lantai.access.AccessProblem;
import cn.lantai.access.UseFigures;
import cn.lantai.access.UseGrouping;
import cn.lantai.access.UseStatistics;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workbench's statistics page ({@code /use-statistics}): the range and grouping form, the figures as a table that
 * reads without JavaScript, and charts (ECharts) drawn from that table; {@code /use-statistics.xlsx} exports the same
 * figures. A bad range is said on the page, with the range as typed.
 */
@Controller
class UseStatisticsPages {

    private final UseStatistics statistics;
    private final UseStatisticsView view;
    private final MessageSource messages;

    UseStatisticsPages(UseStatistics statistics, UseStatisticsView view, MessageSource messages) {
        this.statistics = statistics;
        this.view = view;
        this.messages = messages;
    }

    @GetMapping("/use-statistics")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by, Viewer viewer, Model model, Locale locale) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("by", by == null ? "day" : by);
        model.addAttribute("groupings", UseGrouping.values());
        model.addAttribute("view", view);
        model.addAttribute("columns", UseStatisticsView.COLUMNS);
        try {
            UseFigures f = statistics.figures(from, to, UseGrouping.of(by), viewer);
            model.addAttribute("figures", f);
            model.addAttribute("from", f.from());
            model.addAttribute("to", f.to());
            model.addAttribute("labels", f.rows().stream().map(r -> view.label(f.by(), r.key(), locale)).toList());
        } catch (AccessProblem e) {
            if (e.status() == 403) {
                throw new NotPermitted(e.code());
            }
            model.addAttribute("problem", AccessProblems.message(messages, e, locale));
        }
        return "use-statistics";
    }

    @GetMapping("/use-statistics.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String by, Viewer viewer, Locale locale) throws IOException {
        try {
            return UseStatisticsController.xlsx(statistics.figures(from, to, UseGrouping.of(by), viewer), view, locale);
        } catch (AccessProblem e) {
            if (e.status() == 403) {
                throw new NotPermitted(e.code());
            }
            throw new IllegalArgumentException(AccessProblems.message(messages, e, locale), e);
        }
    }
}
