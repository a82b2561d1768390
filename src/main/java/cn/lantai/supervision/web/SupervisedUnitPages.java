package cn.lantai.supervision.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.Viewer;
import cn.lantai.supervision.Grade;
import cn.lantai.supervision.GradingTarget;
import cn.lantai.supervision.SupervisedUnit;
import cn.lantai.supervision.SupervisionProblem;
import cn.lantai.supervision.UnitArchivist;
import cn.lantai.supervision.UnitHistory;
import cn.lantai.supervision.UnitSupervision;
import cn.lantai.supervision.UnitWork;
import cn.lantai.supervision.internal.Inputs;
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
 * The inspectors' pages of the units: {@code /supervision} lists the units that form a fonds with their grade,
 * archivists and last inspection and guidance (search by code or name, filter by grade) and a year's grading targets
 * (met, not yet); {@code /supervision/units/{code}} shows one unit's archive work, grades and whole history, with the
 * forms to edit them. A refused form is said above it, with what was typed, and nothing is kept.
 */
@Controller
class SupervisedUnitPages {

    /** The most characters a list typed into one field (archivists) may have before it is read. */
    private static final int MAX_LIST_TEXT = 5000;

    private final UnitSupervision units;
    private final UnitHistory history;
    private final Inputs inputs;
    private final MessageSource messages;

    SupervisedUnitPages(UnitSupervision units, UnitHistory history, Inputs inputs, MessageSource messages) {
        this.units = units;
        this.history = history;
        this.inputs = inputs;
        this.messages = messages;
    }

    @GetMapping("/supervision")
    String list(@RequestParam(required = false) String grade, @RequestParam(required = false) String q,
            @RequestParam(required = false) String year, Model model, HttpServletResponse response, Locale locale) {
        int thisYear = inputs.today().getYear();
        int targetYear = thisYear;
        Grade filter = null;
        List<GradingTarget> targets = List.of();
        try {
            int asked = Forms.integer(year, thisYear, "supervision.outreach.bad-year",
                    String.valueOf(Inputs.EARLIEST.getYear()),
                    String.valueOf(thisYear + UnitSupervision.TARGET_YEARS_AHEAD));
            targets = units.targets(asked);
            targetYear = asked;
            filter = grade == null || grade.isBlank() ? null : Grade.of(grade);
        } catch (SupervisionProblem e) {
            model.addAttribute("problem", Forms.message(messages, e, locale));
            response.setStatus(e.status());
            targets = units.targets(targetYear);
        }
        List<SupervisedUnit> list = units.units(filter, q);
        model.addAttribute("units", list);
        model.addAttribute("filtered", filter != null || (q != null && !q.isBlank()));
        model.addAttribute("grade", filter);
        model.addAttribute("q", q);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("year", targetYear);
        model.addAttribute("targets", targets);
        model.addAttribute("met", targets.stream().filter(GradingTarget::met).count());
        return "supervision-units";
    }

    @GetMapping("/supervision/units/{code}")
    String unit(@PathVariable String code, Viewer viewer, Model model) {
        return render(code, viewer, model);
    }

    @PostMapping("/supervision/units/{code}/work")
    String saveWork(@PathVariable String code, @RequestParam Map<String, String> form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            units.saveWork(code, new UnitWork(form.get("personInCharge"), archivists(form.get("archivists")),
                    Forms.decimal(form.get("roomArea"), "supervision.unit.bad-area"), form.get("roomLocation"),
                    form.get("roomEquipment"),
                    Forms.integer(form.get("reportedVolumes"), 0, "supervision.unit.bad-holdings"),
                    Forms.integer(form.get("reportedItems"), 0, "supervision.unit.bad-holdings")), viewer);
            return saved(code, redirect, locale);
        } catch (SupervisionProblem e) {
            return refused(code, e, form, viewer, model, response, locale);
        }
    }

    @PostMapping("/supervision/units/{code}/grade")
    String recordGrade(@PathVariable String code, @RequestParam Map<String, String> form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            units.recordGrade(code, Grade.of(form.get("grade")),
                    Forms.day(form.get("reachedOn"), "supervision.grade.bad-day"), viewer);
            return saved(code, redirect, locale);
        } catch (SupervisionProblem e) {
            return refused(code, e, form, viewer, model, response, locale);
        }
    }

    @PostMapping("/supervision/units/{code}/target")
    String setTarget(@PathVariable String code, @RequestParam Map<String, String> form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        try {
            String grade = form.get("grade");
            units.setTarget(code, Forms.integer(form.get("year"), 0, "supervision.targets.bad-year",
                    String.valueOf(inputs.today().getYear()),
                    String.valueOf(inputs.today().getYear() + UnitSupervision.TARGET_YEARS_AHEAD)),
                    grade == null || grade.isBlank() ? null : Grade.of(grade), viewer);
            return saved(code, redirect, locale);
        } catch (SupervisionProblem e) {
            return refused(code, e, form, viewer, model, response, locale);
        }
    }

    /** Archivists typed one a line: the name, then optionally a comma (或，、tab) and the phone. */
    private static List<UnitArchivist> archivists(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_LIST_TEXT) {
            throw new SupervisionProblem(422, "supervision.unit.too-many-archivists", UnitSupervision.MAX_ARCHIVISTS);
        }
        List<UnitArchivist> list = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                String[] parts = line.split("[,，、\\t]", 2);
                list.add(new UnitArchivist(parts[0], parts.length > 1 ? parts[1] : null));
            }
        }
        return list;
    }

    private String saved(String code, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("message", messages.getMessage("supervision.unit.saved", null, locale));
        redirect.addAttribute("code", code);
        return "redirect:/supervision/units/{code}";
    }

    private String refused(String code, SupervisionProblem e, Map<String, String> typed, Viewer viewer,
            Model model, HttpServletResponse response, Locale locale) {
        if (e.status() == 404) {
            throw e;
        }
        response.setStatus(e.status());
        model.addAttribute("problem", Forms.message(messages, e, locale));
        model.addAttribute("typed", typed);
        return render(code, viewer, model);
    }

    private String render(String code, Viewer viewer, Model model) {
        SupervisedUnit unit = units.unit(code);
        String unitCode = unit.unit().code();
        int thisYear = inputs.today().getYear();
        model.addAttribute("u", unit);
        model.addAttribute("accounts", units.archivistAccounts(unitCode));
        model.addAttribute("heldItems", units.heldItems(unitCode, viewer));
        model.addAttribute("gradeHistory", units.grades(unitCode));
        model.addAttribute("history", history.of(unitCode));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("today", inputs.today());
        model.addAttribute("targets", units.targets(thisYear).stream()
                .filter(t -> t.unitCode().equals(unitCode)).toList());
        model.addAttribute("archivistLines", String.join("\n", unit.work().archivists().stream()
                .map(a -> a.phone() == null ? a.name() : a.name() + "，" + a.phone()).toList()));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "supervision-unit";
    }
}
