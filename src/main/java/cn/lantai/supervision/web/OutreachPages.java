package cn.lantai.supervision.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.supervision.GuidanceKind;
import cn.lantai.supervision.GuidanceVisit;
import cn.lantai.supervision.Outreach;
import cn.lantai.supervision.PublicityEvent;
import cn.lantai.supervision.PublicityKind;
import cn.lantai.supervision.SupervisionProblem;
import cn.lantai.supervision.Training;
import cn.lantai.supervision.internal.Inputs;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspectors' page of guidance, training and publicity ({@code /supervision/outreach}): a year's guidance visits,
 * training sessions with their attendees and publicity events, each list with its form to add one. A refused form
 * is said above it, with what was typed, and nothing is kept.
 */
@Controller
class OutreachPages {

    /** The most characters the attendees' field may have before it is read (500 lines of name and unit). */
    private static final int MAX_ATTENDEES_TEXT = 60_000;

    private final Outreach outreach;
    private final UnitDirectory directory;
    private final Inputs inputs;
    private final MessageSource messages;

    OutreachPages(Outreach outreach, UnitDirectory directory, Inputs inputs, MessageSource messages) {
        this.outreach = outreach;
        this.directory = directory;
        this.inputs = inputs;
        this.messages = messages;
    }

    @GetMapping("/supervision/outreach")
    String page(@RequestParam(required = false) String year, Model model, Locale locale) {
        int shown = inputs.today().getYear();
        try {
            shown = Forms.integer(year, shown, "supervision.outreach.bad-year",
                    String.valueOf(Inputs.EARLIEST.getYear()), String.valueOf(inputs.today().getYear() + 1));
            model.addAttribute("guidance", outreach.guidance(shown));
            model.addAttribute("trainings", outreach.trainings(shown));
            model.addAttribute("publicity", outreach.publicity(shown));
        } catch (SupervisionProblem e) {
            model.addAttribute("problem", Forms.message(messages, e, locale));
            shown = inputs.today().getYear();
            model.addAttribute("guidance", outreach.guidance(shown));
            model.addAttribute("trainings", outreach.trainings(shown));
            model.addAttribute("publicity", outreach.publicity(shown));
        }
        model.addAttribute("year", shown);
        model.addAttribute("today", inputs.today());
        model.addAttribute("units", directory.formingUnits());
        model.addAttribute("guidanceKinds", GuidanceKind.values());
        model.addAttribute("publicityKinds", PublicityKind.values());
        for (String form : List.of("typedGuidance", "typedTraining", "typedPublicity")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, Map.of());
            }
        }
        return "supervision-outreach";
    }

    @PostMapping("/supervision/outreach/guidance")
    String addGuidance(@RequestParam Map<String, String> form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            GuidanceKind kind = kind(form.get("kind"));
            GuidanceVisit v = outreach.addGuidance(new GuidanceVisit(0,
                    Forms.day(form.get("visitedOn"), "supervision.outreach.bad-day"), kind, form.get("unitCode"),
                    form.get("placeName"), form.get("topic"), form.get("staff"), form.get("note")), viewer);
            return saved(v.visitedOn().getYear(), redirect, locale);
        } catch (SupervisionProblem e) {
            return refused("guidance", e, form, model, response, locale);
        }
    }

    @PostMapping("/supervision/outreach/training")
    String addTraining(@RequestParam Map<String, String> form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            String attendees = form.get("attendees");
            if (attendees != null && attendees.length() > MAX_ATTENDEES_TEXT) {
                throw new SupervisionProblem(422, "supervision.training.too-many-attendees", Outreach.MAX_ATTENDEES);
            }
            Training t = outreach.addTraining(new Training(0,
                    Forms.day(form.get("heldOn"), "supervision.outreach.bad-day"), form.get("title"),
                    Forms.decimal(form.get("hours"), "supervision.training.bad-hours"), form.get("trainer"),
                    Outreach.attendees(attendees)), viewer);
            return saved(t.heldOn().getYear(), redirect, locale);
        } catch (SupervisionProblem e) {
            return refused("training", e, form, model, response, locale);
        }
    }

    @PostMapping("/supervision/outreach/publicity")
    String addPublicity(@RequestParam Map<String, String> form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            PublicityEvent e = outreach.addPublicity(new PublicityEvent(0,
                    Forms.day(form.get("heldOn"), "supervision.outreach.bad-day"), publicityKind(form.get("kind")),
                    form.get("title"), form.get("place"),
                    Forms.integer(form.get("participants"), 0, "supervision.publicity.bad-participants"),
                    form.get("note")), viewer);
            return saved(e.heldOn().getYear(), redirect, locale);
        } catch (SupervisionProblem e) {
            return refused("publicity", e, form, model, response, locale);
        }
    }

    private static GuidanceKind kind(String code) {
        return List.of(GuidanceKind.values()).stream().filter(k -> k.name().equals(code)).findFirst()
                .orElse(GuidanceKind.UNIT);
    }

    private static PublicityKind publicityKind(String code) {
        return List.of(PublicityKind.values()).stream().filter(k -> k.name().equals(code)).findFirst()
                .orElseThrow(() -> new SupervisionProblem(422, "supervision.publicity.bad-kind"));
    }

    private String saved(int year, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("message", messages.getMessage("supervision.outreach.saved", null, locale));
        redirect.addAttribute("year", year);
        return "redirect:/supervision/outreach";
    }

    private String refused(String form, SupervisionProblem e, Map<String, String> typed, Model model,
            HttpServletResponse response, Locale locale) {
        response.setStatus(e.status() == 404 ? 422 : e.status());
        model.addAttribute("problem", Forms.message(messages, e, locale));
        model.addAttribute("typed" + Character.toUpperCase(form.charAt(0)) + form.substring(1), typed);
        return page(null, model, locale);
    }
}
