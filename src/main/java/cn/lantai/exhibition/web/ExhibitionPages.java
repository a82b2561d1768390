package cn.lantai.exhibition.web;

import java.util.Locale;
import java.util.function.Supplier;

import cn.lantai.catalog.Viewer;
import cn.lantai.exhibition.Exhibition;
import cn.lantai.exhibition.ExhibitionDraft;
import cn.lantai.exhibition.ExhibitionProblem;
import cn.lantai.exhibition.Exhibitions;
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
 * The curators' exhibition pages ({@code CURATE}): the list with a first step when there is none, an exhibition's
 * page to write its texts, add, reorder and remove sections and exhibits, the preview (the public page with a
 * 预览 banner), publishing and withdrawing. A refused step is said on the page, with what was typed kept.
 */
@Controller
class ExhibitionPages {

    private final Exhibitions exhibitions;
    private final MessageSource messages;

    ExhibitionPages(Exhibitions exhibitions, MessageSource messages) {
        this.exhibitions = exhibitions;
        this.messages = messages;
    }

    @GetMapping("/exhibitions")
    String list(Model model) {
        model.addAttribute("exhibitions", exhibitions.exhibitions());
        return "exhibitions";
    }

    @PostMapping("/exhibitions")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String subtitle,
            Viewer viewer, Model model, Locale locale, HttpServletResponse response) {
        try {
            Exhibition e = exhibitions.create(new ExhibitionDraft(null, title, subtitle, null, null, null), viewer);
            return "redirect:/exhibitions/" + e.id();
        } catch (ExhibitionProblem p) {
            model.addAttribute("title", title);
            model.addAttribute("subtitle", subtitle);
            problem(p, model, locale, response);
            return list(model);
        }
    }

    @GetMapping("/exhibitions/{id}")
    String edit(@PathVariable long id, Model model) {
        Exhibition e = exhibitions.exhibition(id);
        model.addAttribute("exhibition", e);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new ExhibitionDraft(e.slug(), e.title(), e.subtitle(), e.introduction(),
                    e.cover() == null ? null : e.cover().toString(), e.coverPage()));
        }
        return "exhibition";
    }

    @PostMapping("/exhibitions/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String slug,
            @RequestParam(required = false) String title, @RequestParam(required = false) String subtitle,
            @RequestParam(required = false) String introduction, @RequestParam(required = false) String cover,
            @RequestParam(required = false) String coverPage, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        ExhibitionDraft draft = new ExhibitionDraft(slug, title, subtitle, introduction, cover, null);
        return step(id, () -> exhibitions.update(id, new ExhibitionDraft(slug, title, subtitle, introduction, cover,
                number(coverPage)), viewer), "exhibition.saved", model, locale, response, redirect, draft);
    }

    @PostMapping("/exhibitions/{id}/sections")
    String addSection(@PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String text, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("sectionTitle", title);
        model.addAttribute("sectionText", text);
        return step(id, () -> exhibitions.addSection(id, title, text, viewer), "exhibition.section.added", model,
                locale, response, redirect, null);
    }

    @PostMapping("/exhibitions/{id}/sections/{section}/move")
    String moveSection(@PathVariable long id, @PathVariable long section, @RequestParam(defaultValue = "false")
            boolean up, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(id, () -> {
            exhibitions.moveSection(id, section, up, viewer);
            return null;
        }, "exhibition.moved", model, locale, response, redirect, null);
    }

    @PostMapping("/exhibitions/{id}/sections/{section}/remove")
    String removeSection(@PathVariable long id, @PathVariable long section, Viewer viewer, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, () -> {
            exhibitions.removeSection(id, section, viewer);
            return null;
        }, "exhibition.section.removed", model, locale, response, redirect, null);
    }

    @PostMapping("/exhibitions/{id}/sections/{section}/exhibits")
    String addExhibit(@PathVariable long id, @PathVariable long section,
            @RequestParam(required = false) String record, @RequestParam(required = false) String caption,
            @RequestParam(required = false) String page, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("exhibitSection", section);
        model.addAttribute("exhibitRecord", record);
        model.addAttribute("exhibitCaption", caption);
        model.addAttribute("exhibitPage", page);
        return step(id, () -> exhibitions.addExhibit(id, section, record, caption, number(page), viewer),
                "exhibition.exhibit.added", model, locale, response, redirect, null);
    }

    @PostMapping("/exhibitions/{id}/exhibits/{exhibit}/move")
    String moveExhibit(@PathVariable long id, @PathVariable long exhibit, @RequestParam(defaultValue = "false")
            boolean up, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(id, () -> {
            exhibitions.moveExhibit(id, exhibit, up, viewer);
            return null;
        }, "exhibition.moved", model, locale, response, redirect, null);
    }

    @PostMapping("/exhibitions/{id}/exhibits/{exhibit}/remove")
    String removeExhibit(@PathVariable long id, @PathVariable long exhibit, Viewer viewer, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, () -> {
            exhibitions.removeExhibit(id, exhibit, viewer);
            return null;
        }, "exhibition.exhibit.removed", model, locale, response, redirect, null);
    }

    @GetMapping("/exhibitions/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        model.addAttribute("exhibition", exhibitions.preview(id));
        model.addAttribute("preview", true);
        return "portal-exhibition";
    }

    @PostMapping("/exhibitions/{id}/publish")
    String publish(@PathVariable long id, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(id, () -> exhibitions.publish(id, viewer), "exhibition.published-now", model, locale, response,
                redirect, null);
    }

    @PostMapping("/exhibitions/{id}/withdraw")
    String withdraw(@PathVariable long id, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(id, () -> exhibitions.withdraw(id, viewer), "exhibition.withdrawn-now", model, locale, response,
                redirect, null);
    }

    /** Runs a change: back to the exhibition's page with a note, or the page again with the refusal. */
    private String step(long id, Supplier<?> change, String done, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect, ExhibitionDraft typed) {
        try {
            change.get();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/exhibitions/" + id;
        } catch (ExhibitionProblem p) {
            if (p.status() == 404 && p.key().equals("exhibition.not-found")) {
                throw p;
            }
            if (typed != null) {
                model.addAttribute("draft", typed);
            }
            problem(p, model, locale, response);
            return edit(id, model);
        }
    }

    private void problem(ExhibitionProblem p, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(p.status());
        model.addAttribute("problem", messages.getMessage(p.key(), p.arguments(), p.key(), locale));
    }

    /** A page number as typed: empty for none; anything else that is not a small whole number is refused. */
    static Integer number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        if (!t.matches("[0-9]{1,6}")) {
            throw new ExhibitionProblem(422, "exhibition.bad-number", t.length() > 20 ? t.substring(0, 20) + "…" : t);
        }
        return Integer.valueOf(t);
    }
}
