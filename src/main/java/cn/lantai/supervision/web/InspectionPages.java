package cn.lantai.supervision.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.lantai.catalog.Viewer;
import cn.lantai.identity.UnitDirectory;
import cn.lantai.identity.UnitProfile;
import cn.lantai.supervision.Inspection;
import cn.lantai.supervision.InspectionState;
import cn.lantai.supervision.InspectionSummary;
import cn.lantai.supervision.Inspections;
import cn.lantai.supervision.Inspector;
import cn.lantai.supervision.ItemFix;
import cn.lantai.supervision.ItemOutcome;
import cn.lantai.supervision.OverdueRectification;
import cn.lantai.supervision.SupervisionProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspectors' pages: {@code /supervision/inspections} (overdue rectifications first, then every inspection by
 * state, the published results, and the form that plans one) and {@code /supervision/inspections/{id}} (the steps
 * done with their dates and who recorded them, and the form of the next step only). A refused step says why above
 * its form; the rectification notice downloads as PDF.
 */
@Controller
class InspectionPages {

    private static final String BASE = "/supervision/inspections";
    /** The rows of the team form. */
    static final int TEAM_ROWS = 5;

    private final Inspections inspections;
    private final UnitDirectory units;
    private final MessageSource messages;

    InspectionPages(Inspections inspections, UnitDirectory units, MessageSource messages) {
        this.inspections = inspections;
        this.units = units;
        this.messages = messages;
    }

    /** A row of the list: the inspection, its unit's name, and whether its notice is overdue. */
    record Row(InspectionSummary inspection, String unitName, boolean overdue) {

        public String stateKey() {
            return InspectionState.valueOf(inspection.state()).labelKey();
        }
    }

    @GetMapping(BASE)
    String list(Model model) {
        Map<String, String> names = unitNames();
        List<OverdueRectification> overdue = inspections.overdue();
        Set<Long> late = overdue.stream().map(OverdueRectification::inspectionId).collect(Collectors.toSet());
        List<Row> rows = inspections.all().stream()
                .map(s -> new Row(s, names.getOrDefault(s.unitCode(), s.unitCode()), late.contains(s.id())))
                .sorted(Comparator.comparing((Row r) -> !r.overdue())
                        .thenComparing(r -> InspectionState.valueOf(r.inspection().state())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("overdue", overdue);
        model.addAttribute("published", inspections.published());
        model.addAttribute("names", names);
        model.addAttribute("units", units.units());
        model.addAttribute("today", inspections.today());
        return "supervision-inspections";
    }

    @PostMapping(BASE)
    String plan(@RequestParam(required = false) String unit, @RequestParam(required = false) String planned,
            @RequestParam(required = false) String subject, Viewer viewer, RedirectAttributes redirect,
            Locale locale) {
        try {
            long id = inspections.plan(unit, date(planned), subject, viewer);
            return "redirect:" + BASE + "/" + id;
        } catch (SupervisionProblem e) {
            redirect.addFlashAttribute("problem", message(e, locale));
            redirect.addFlashAttribute("unit", unit);
            redirect.addFlashAttribute("planned", planned);
            redirect.addFlashAttribute("subject", subject);
            return "redirect:" + BASE;
        }
    }

    @GetMapping(BASE + "/{id}")
    String inspection(@PathVariable long id, Model model) {
        Inspection inspection = inspections.inspection(id);
        model.addAttribute("inspection", inspection);
        model.addAttribute("unitName", units.unit(inspection.unitCode()).map(UnitProfile::name)
                .orElse(inspection.unitCode()));
        model.addAttribute("today", inspections.today());
        model.addAttribute("outcomes", ItemOutcome.values());
        model.addAttribute("teamRows", TEAM_ROWS);
        model.addAttribute("nextItems", String.join("\n", inspection.state() == InspectionState.REVIEWED
                ? inspection.unfixedItems() : inspection.findings()));
        return "supervision-inspection";
    }

    @PostMapping(BASE + "/{id}/notice")
    String notice(@PathVariable long id, @RequestParam(required = false) String on, Viewer viewer,
            RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, () -> inspections.recordNotice(id, date(on), viewer));
    }

    @PostMapping(BASE + "/{id}/team")
    String team(@PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(name = "card", required = false) List<String> cards, Viewer viewer,
            RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("keptNames", rows(names));
        redirect.addFlashAttribute("keptCards", rows(cards));
        return step(id, redirect, locale, () -> inspections.setTeam(id, date(on), team(names, cards), viewer));
    }

    @PostMapping(BASE + "/{id}/inspection")
    String inspect(@PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(required = false) String findings, Viewer viewer, RedirectAttributes redirect,
            Locale locale) {
        redirect.addFlashAttribute("keptFindings", findings);
        return step(id, redirect, locale, () -> inspections.inspect(id, date(on), lines(findings), viewer));
    }

    @PostMapping(BASE + "/{id}/rectification")
    String rectify(@PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(required = false) String deadline, @RequestParam(required = false) String items,
            Viewer viewer, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("keptDeadline", deadline);
        redirect.addFlashAttribute("keptItems", items);
        return step(id, redirect, locale, () -> {
            String number = inspections.rectify(id, date(on), date(deadline), lines(items), viewer);
            redirect.addFlashAttribute("message", messages.getMessage("supervision.inspection.rectified",
                    new Object[] {number}, locale));
        });
    }

    @PostMapping(BASE + "/{id}/fixes")
    String fixes(@PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(name = "fix", required = false) List<String> done,
            @RequestParam(name = "fixedOn", required = false) List<String> fixedOn,
            @RequestParam(required = false) String evidence, Viewer viewer, RedirectAttributes redirect,
            Locale locale) {
        redirect.addFlashAttribute("keptEvidence", evidence);
        return step(id, redirect, locale, () -> {
            List<ItemFix> fixes = new ArrayList<>();
            List<String> texts = done == null ? List.of() : done;
            for (int n = 0; n < texts.size(); n++) {
                fixes.add(new ItemFix(texts.get(n), fixedOn == null || n >= fixedOn.size() ? null
                        : date(fixedOn.get(n))));
            }
            inspections.reportFixes(id, date(on), fixes, evidence, viewer);
        });
    }

    @PostMapping(BASE + "/{id}/acceptance")
    String accept(@PathVariable long id, @RequestParam(required = false) String on, Viewer viewer,
            RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, () -> inspections.acceptFixes(id, date(on), viewer));
    }

    @PostMapping(BASE + "/{id}/result")
    String publish(@PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(required = false) String result, Viewer viewer, RedirectAttributes redirect,
            Locale locale) {
        redirect.addFlashAttribute("keptResult", result);
        return step(id, redirect, locale, () -> inspections.publish(id, date(on), result, viewer));
    }

    @PostMapping(BASE + "/{id}/review")
    String review(@PathVariable long id, @RequestParam(required = false) String on,
            @RequestParam(name = "outcome", required = false) List<String> outcomes, Viewer viewer,
            RedirectAttributes redirect, Locale locale) {
        return step(id, redirect, locale, () -> inspections.review(id, date(on), outcomes(outcomes), viewer));
    }

    @GetMapping(BASE + "/{id}/notices/{round}.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable int round) {
        byte[] pdf = inspections.noticePdf(id, round);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rectification-" + id + "-" + round + ".pdf").build().toString())
                .body(pdf);
    }

    /** The team form's rows as typed, for showing them again after a refusal (as many as the form has). */
    private static List<String> rows(List<String> given) {
        List<String> rows = new ArrayList<>(given == null ? List.of() : given);
        while (rows.size() < TEAM_ROWS) {
            rows.add("");
        }
        return rows;
    }

    /** Runs a step; a refusal is shown above the inspection's forms (which show again what was typed). */
    private String step(long id, RedirectAttributes redirect, Locale locale, Runnable work) {
        try {
            work.run();
            redirect.getFlashAttributes().keySet().removeIf(k -> k.startsWith("kept"));
        } catch (SupervisionProblem e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("problem", message(e, locale));
        }
        return "redirect:" + BASE + "/" + id;
    }

    private String message(SupervisionProblem e, Locale locale) {
        return messages.getMessage(e.key(), e.arguments(), e.key(), locale);
    }

    private Map<String, String> unitNames() {
        return units.units().stream().collect(Collectors.toMap(UnitProfile::code, UnitProfile::name, (a, b) -> a));
    }

    /** A date as the form's date field sends it (yyyy-MM-dd); blank is none, anything else is refused. */
    static LocalDate date(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new SupervisionProblem(422, "supervision.inspection.bad-date");
        }
    }

    /** The non-blank lines of a text area. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).filter(l -> !l.isBlank()).toList();
    }

    /** The team's rows; a row left wholly empty is not a member. */
    private static List<Inspector> team(List<String> names, List<String> cards) {
        List<String> n = names == null ? List.of() : names;
        List<String> c = cards == null ? List.of() : cards;
        List<Inspector> team = new ArrayList<>();
        for (int i = 0; i < Math.max(n.size(), c.size()); i++) {
            String name = i < n.size() ? n.get(i) : null;
            String card = i < c.size() ? c.get(i) : null;
            if ((name != null && !name.isBlank()) || (card != null && !card.isBlank())) {
                team.add(new Inspector(name, card));
            }
        }
        return team;
    }

    private static List<ItemOutcome> outcomes(List<String> given) {
        Function<String, ItemOutcome> parse = s -> Arrays.stream(ItemOutcome.values())
                .filter(o -> o.name().equals(s)).findFirst().orElse(null);
        return given == null ? List.of() : given.stream().map(parse).toList();
    }
}
