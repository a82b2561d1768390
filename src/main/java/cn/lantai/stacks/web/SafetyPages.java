package cn.lantai.stacks.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.RoomStore;
import cn.lantai.stacks.internal.safety.Answer;
import cn.lantai.stacks.internal.safety.NewCheck;
import cn.lantai.stacks.internal.safety.NewIncident;
import cn.lantai.stacks.internal.safety.Protection;
import cn.lantai.stacks.internal.safety.SafetyCalendar;
import cn.lantai.stacks.internal.safety.SafetyChecks;
import cn.lantai.stacks.internal.safety.SafetyLog;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger of the eight protections ({@code /stacks/safety}, {@code MANAGE_STACKS}): a year's quarterly checks (with
 * the quarters missing, due or overdue), the findings still open with their fix and closure, the repellent schedule
 * with its reminders, the incidents, the checklist, and the year's ledger as a workbook. A refused step is said on the
 * page with the status of the refusal, and nothing is written.
 */
@Controller
class SafetyPages {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SafetyChecks checks;
    private final SafetyLog log;
    private final RoomStore rooms;
    private final SafetyCalendar calendar;
    private final SafetyWorkbook workbook;
    private final MessageSource messages;

    SafetyPages(SafetyChecks checks, SafetyLog log, RoomStore rooms, SafetyCalendar calendar, SafetyWorkbook workbook,
            MessageSource messages) {
        this.checks = checks;
        this.log = log;
        this.rooms = rooms;
        this.calendar = calendar;
        this.workbook = workbook;
        this.messages = messages;
    }

    @GetMapping("/stacks/safety")
    String ledger(@RequestParam(required = false) String year, Model model, Locale locale,
            HttpServletResponse response) {
        try {
            return render(year(year), model);
        } catch (StacksProblem e) {
            return problem(e, calendar.today().getYear(), model, locale, response);
        }
    }

    @GetMapping("/stacks/safety/ledger.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String year, Locale locale) throws IOException {
        int y = year(year);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(y, locale, out);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("safety-ledger-" + y + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/stacks/safety/checks/new")
    String newCheck(@RequestParam int year, @RequestParam int quarter, Model model) {
        return checkForm(year, quarter, model);
    }

    @GetMapping("/stacks/safety/checks/{id}")
    String check(@PathVariable long id, Model model) {
        model.addAttribute("check", checks.check(id));
        model.addAttribute("answers", checks.answers(id));
        model.addAttribute("points", checks.points());
        return "stacks-safety-check";
    }

    @PostMapping("/stacks/safety/checks")
    String record(@RequestParam MultiValueMap<String, String> form, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        int year = number(form.getFirst("year"));
        int quarter = number(form.getFirst("quarter"));
        try {
            List<Answer> answers = new ArrayList<>();
            for (String key : form.keySet()) {
                if (key.startsWith("answer-")) {
                    long point = number(key.substring("answer-".length()));
                    answers.add(new Answer(point, "FINDING".equals(form.getFirst(key)), form.getFirst("note-" + point),
                            form.getFirst("room-" + point)));
                }
            }
            checks.record(new NewCheck(year, quarter, day(form.getFirst("doneOn")), form.getFirst("inspectors"),
                    form.getOrDefault("rooms", List.of()), answers), viewer);
            redirect.addFlashAttribute("flash", "stacks.safety.check.recorded");
            return "redirect:/stacks/safety?year=" + year;
        } catch (StacksProblem e) {
            model.addAttribute("problem", message(e, locale));
            model.addAttribute("form", form);
            response.setStatus(e.status());
            return checkForm(year, quarter, model);
        }
    }

    @PostMapping("/stacks/safety/findings/{id}/fix")
    String fix(@PathVariable long id, @RequestParam(defaultValue = "") String by,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String due,
            @RequestParam(required = false) String year, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(year, model, locale, response, redirect, "stacks.safety.finding.fixed",
                () -> checks.fix(id, by, action, day(due), viewer));
    }

    @PostMapping("/stacks/safety/findings/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String on,
            @RequestParam(defaultValue = "") String by, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String year, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(year, model, locale, response, redirect, "stacks.safety.finding.closed-now",
                () -> checks.close(id, day(on), by, note, viewer));
    }

    @PostMapping("/stacks/safety/repellents")
    String change(@RequestParam(defaultValue = "") String room, @RequestParam(defaultValue = "") String on,
            @RequestParam(defaultValue = "") String agent, @RequestParam(defaultValue = "") String by,
            @RequestParam(required = false) String year, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(year, model, locale, response, redirect, "stacks.safety.repellent.logged",
                () -> log.change(room, day(on), agent, by, viewer));
    }

    @PostMapping("/stacks/safety/incidents")
    String incident(@RequestParam(defaultValue = "") String on, @RequestParam(defaultValue = "") String room,
            @RequestParam(defaultValue = "") String protection, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String loss, @RequestParam(defaultValue = "") String measures,
            @RequestParam(required = false) String year, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(year, model, locale, response, redirect, "stacks.safety.incident.logged",
                () -> log.log(new NewIncident(day(on), room, Protection.of(protection), description, loss, measures),
                        viewer));
    }

    @PostMapping("/stacks/safety/incidents/{id}/close")
    String closeIncident(@PathVariable long id, @RequestParam(defaultValue = "") String on,
            @RequestParam(required = false) String year, Viewer viewer, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        return step(year, model, locale, response, redirect, "stacks.safety.incident.closed-now",
                () -> log.close(id, day(on), viewer));
    }

    @PostMapping("/stacks/safety/points")
    String addPoint(@RequestParam(defaultValue = "") String protection, @RequestParam(defaultValue = "") String text,
            Viewer viewer, Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        return step(null, model, locale, response, redirect, "stacks.safety.point.added",
                () -> checks.addPoint(Protection.of(protection), text, viewer));
    }

    @PostMapping("/stacks/safety/points/{id}/retire")
    String retirePoint(@PathVariable long id, Viewer viewer, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(null, model, locale, response, redirect, "stacks.safety.point.retired-now",
                () -> checks.retirePoint(id, viewer));
    }

    /** A change that ends on the ledger of the year shown, or the ledger again with the reason. */
    private String step(String year, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect, String done, Runnable work) {
        int shown = calendar.today().getYear();
        try {
            shown = year(year);
            work.run();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/stacks/safety?year=" + shown;
        } catch (StacksProblem e) {
            return problem(e, shown, model, locale, response);
        }
    }

    private String problem(StacksProblem e, int year, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("problem", message(e, locale));
        response.setStatus(e.status());
        return render(year, model);
    }

    private String render(int year, Model model) {
        LocalDate today = calendar.today();
        model.addAttribute("year", year);
        model.addAttribute("today", today);
        model.addAttribute("quarters", checks.quarters(year, today));
        model.addAttribute("findings", checks.findings(year));
        model.addAttribute("openFindings", checks.openFindings());
        model.addAttribute("schedule", log.schedule(today));
        model.addAttribute("reminders", log.reminders(today));
        model.addAttribute("changes", log.changes(year));
        model.addAttribute("incidents", log.incidents(year));
        model.addAttribute("checklist", checks.checklist());
        model.addAttribute("protections", Protection.values());
        model.addAttribute("rooms", rooms.all());
        return "stacks-safety";
    }

    private String checkForm(int year, int quarter, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("quarter", quarter);
        model.addAttribute("today", calendar.today());
        model.addAttribute("checklist", checks.checklist());
        model.addAttribute("rooms", rooms.all());
        return "stacks-safety-check";
    }

    private String message(StacksProblem e, Locale locale) {
        return messages.getMessage(e.key(), e.arguments(), e.key(), locale);
    }

    /** The year asked for, this year if none; refused outside the years a ledger can hold. */
    private int year(String year) {
        if (year == null || year.isBlank()) {
            return calendar.today().getYear();
        }
        int y = number(year);
        if (y < SafetyChecks.FIRST_YEAR || y > 9999) {
            throw new StacksProblem(422, "stacks.safety.bad-year", SafetyChecks.FIRST_YEAR);
        }
        return y;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new StacksProblem(422, "stacks.safety.bad-number");
        }
    }

    /** A day as typed (yyyy-MM-dd); none when left empty; refused when not a day. */
    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new StacksProblem(422, "stacks.safety.bad-date");
        }
    }
}
