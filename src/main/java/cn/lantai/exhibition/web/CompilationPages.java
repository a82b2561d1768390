package cn.lantai.exhibition.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;

import cn.lantai.catalog.Viewer;
import cn.lantai.exhibition.Compilation;
import cn.lantai.exhibition.CompilationKind;
import cn.lantai.exhibition.CompilationPlan;
import cn.lantai.exhibition.Compilations;
import cn.lantai.exhibition.ExhibitionProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The curators' compilation pages ({@code CURATE}): the projects with a form to plan one, and a project's page to
 * correct it, name its sources, start, finish with its output, or cancel it. Input that cannot be read (a date, a
 * number, a kind) is refused like any other bad input, on the page, with what was typed kept.
 */
@Controller
class CompilationPages {

    private final Compilations compilations;
    private final MessageSource messages;

    CompilationPages(Compilations compilations, MessageSource messages) {
        this.compilations = compilations;
        this.messages = messages;
    }

    /** The form's fields as typed. */
    record Typed(String title, String kind, String editors, String summary, String plannedStart, String plannedEnd) {
    }

    @GetMapping("/compilations")
    String list(Viewer viewer, Model model) {
        model.addAttribute("compilations", compilations.compilations(viewer));
        model.addAttribute("kinds", CompilationKind.values());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Typed("", "COMPILATION", "", "", "", ""));
        }
        return "compilations";
    }

    @PostMapping("/compilations")
    String plan(@RequestParam(required = false) String title, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String editors, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String plannedStart, @RequestParam(required = false) String plannedEnd,
            Viewer viewer, Model model, Locale locale, HttpServletResponse response) {
        Typed typed = new Typed(title, kind, editors, summary, plannedStart, plannedEnd);
        try {
            Compilation c = compilations.plan(plan(typed), viewer);
            return "redirect:/compilations/" + c.id();
        } catch (ExhibitionProblem p) {
            model.addAttribute("typed", typed);
            problem(p, model, locale, response);
            return list(viewer, model);
        }
    }

    @GetMapping("/compilations/{id}")
    String project(@PathVariable long id, Viewer viewer, Model model) {
        Compilation c = compilations.compilation(id, viewer);
        model.addAttribute("compilation", c);
        model.addAttribute("kinds", CompilationKind.values());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new Typed(c.title(), c.kind().name(), c.editors(), c.summary(),
                    c.plannedStart() == null ? "" : c.plannedStart().toString(),
                    c.plannedEnd() == null ? "" : c.plannedEnd().toString()));
        }
        return "compilation";
    }

    @PostMapping("/compilations/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String editors,
            @RequestParam(required = false) String summary, @RequestParam(required = false) String plannedStart,
            @RequestParam(required = false) String plannedEnd, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        Typed typed = new Typed(title, kind, editors, summary, plannedStart, plannedEnd);
        model.addAttribute("typed", typed);
        return step(id, viewer, () -> compilations.update(id, plan(typed), viewer), model, locale, response,
                redirect);
    }

    @PostMapping("/compilations/{id}/start")
    String start(@PathVariable long id, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(id, viewer, () -> compilations.start(id, viewer), model, locale, response, redirect);
    }

    @PostMapping("/compilations/{id}/finish")
    String finish(@PathVariable long id, @RequestParam(required = false) String titles,
            @RequestParam(required = false) String wanChars, @RequestParam(required = false) String finishedOn,
            Viewer viewer, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("titles", titles);
        model.addAttribute("wanChars", wanChars);
        model.addAttribute("finishedOn", finishedOn);
        return step(id, viewer, () -> compilations.finish(id, titles(titles), wan(wanChars), date(finishedOn),
                viewer), model, locale, response, redirect);
    }

    @PostMapping("/compilations/{id}/cancel")
    String cancel(@PathVariable long id, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(id, viewer, () -> compilations.cancel(id, viewer), model, locale, response, redirect);
    }

    @PostMapping("/compilations/{id}/sources")
    String addSource(@PathVariable long id, @RequestParam(required = false) String record,
            @RequestParam(required = false) String text, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("sourceRecord", record);
        model.addAttribute("sourceText", text);
        return step(id, viewer, () -> compilations.addSource(id, record, text, viewer), model, locale, response,
                redirect);
    }

    @PostMapping("/compilations/{id}/sources/{source}/remove")
    String removeSource(@PathVariable long id, @PathVariable long source, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, viewer, () -> {
            compilations.removeSource(id, source, viewer);
            return null;
        }, model, locale, response, redirect);
    }

    private String step(long id, Viewer viewer, Supplier<?> change, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", "exhibition.compilation.saved");
            return "redirect:/compilations/" + id;
        } catch (ExhibitionProblem p) {
            if (p.key().equals("exhibition.compilation.not-found")) {
                throw p;
            }
            problem(p, model, locale, response);
            return project(id, viewer, model);
        }
    }

    private void problem(ExhibitionProblem p, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("problem", messages.getMessage(p.key(), p.arguments(), p.key(), locale));
    }

    private static CompilationPlan plan(Typed t) {
        CompilationKind kind;
        try {
            kind = t.kind() == null ? null : CompilationKind.valueOf(t.kind().strip());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        return new CompilationPlan(t.title(), kind, t.editors(), t.summary(), date(t.plannedStart()),
                date(t.plannedEnd()));
    }

    private static LocalDate date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-date", shown(typed));
        }
    }

    private static Integer titles(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (!typed.strip().matches("-?[0-9]{1,9}")) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-titles", Compilations.MAX_TITLES);
        }
        return Integer.valueOf(typed.strip());
    }

    private static BigDecimal wan(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (!typed.strip().matches("-?[0-9]{1,9}(\\.[0-9]{1,9})?")) {
            throw new ExhibitionProblem(422, "exhibition.compilation.bad-wan-chars", Compilations.MAX_WAN_CHARS);
        }
        return new BigDecimal(typed.strip());
    }

    private static String shown(String typed) {
        String t = typed.strip();
        return t.length() > 20 ? t.substring(0, 20) + "…" : t;
    }
}
