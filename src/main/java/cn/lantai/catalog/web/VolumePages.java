package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogProblem;
import cn.lantai.catalog.CatalogVolumes;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.NewVolume;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import cn.lantai.catalog.Volume;
import cn.lantai.catalog.VolumeChange;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Files (卷) in the workbench: a group's files and a form to create one; a file with its items, a form for its title
 * and date range, moving items in from the group's other files and out to another, deleting it when empty. Every
 * action is a {@link CatalogVolumes} call, as the API's; a refusal is shown above the form it answers.
 */
@Controller
class VolumePages {

    private final CatalogVolumes volumes;
    private final CatalogManagement catalog;
    private final MessageSource messages;

    VolumePages(CatalogVolumes volumes, CatalogManagement catalog, MessageSource messages) {
        this.volumes = volumes;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The group chosen by the tree (and the retention, org typed here); its files once it is whole. */
    record Group(String fonds, String category, Integer year, String retention, String org) {

        public Optional<Retention> retentionCode() {
            return Retention.parse(retention);
        }

        public boolean whole() {
            return fonds != null && category != null && year != null && retentionCode().isPresent();
        }

        static Group of(Volume v) {
            return new Group(v.fonds(), v.category(), v.year(), v.retention().code(), v.org());
        }

        public String query() {
            return UriComponentsBuilder.fromPath("/volumes").queryParam("fonds", fonds).queryParam("category", category)
                    .queryParam("year", year).queryParam("retention", retention).queryParam("org", org)
                    .encode().build().toUriString();
        }
    }

    @GetMapping("/volumes")
    String list(@RequestParam(required = false) String fonds, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String retention,
            @RequestParam(required = false) String org, Viewer viewer, Model model) {
        Group group = new Group(blank(fonds), blank(category), year,
                blank(retention) == null ? Retention.PERMANENT.code() : retention.strip(), blank(org));
        return listPage(model, group, new LinkedHashMap<>(Map.of("title", "", "startDate", "", "endDate", "")),
                List.of(), viewer);
    }

    @PostMapping("/volumes")
    String create(@RequestParam Map<String, String> form, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Locale locale) {
        Group group = new Group(blank(form.get("fonds")), blank(form.get("category")), number(form.get("year")),
                form.getOrDefault("retention", ""), blank(form.get("org")));
        try {
            Volume created = volumes.create(new NewVolume(group.fonds(), group.category(), group.year(),
                    group.retention(), group.org(), form.get("title"), null, form.get("openStatus"), null,
                    form.get("startDate"), form.get("endDate")), viewer);
            redirect.addFlashAttribute("flash", "files.created");
            return "redirect:/volumes/" + created.id();
        } catch (InvalidEntry | CatalogProblem e) {
            response.setStatus(status(e));
            return listPage(model, group, form, problems(e, locale), viewer);
        }
    }

    @GetMapping("/volumes/{id}")
    String file(@PathVariable long id, Viewer viewer, Model model) {
        Volume file = volumes.volume(id, viewer);
        return filePage(model, file, new VolumeChange(file.title(), text(file.startDate()), text(file.endDate())),
                List.of(), viewer);
    }

    @PostMapping("/volumes/{id}")
    String describe(@PathVariable long id, @RequestParam Map<String, String> form, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        VolumeChange change = new VolumeChange(form.get("title"), form.get("startDate"), form.get("endDate"));
        try {
            volumes.describe(id, change, viewer);
        } catch (InvalidEntry | CatalogProblem e) {
            response.setStatus(status(e));
            return filePage(model, volumes.volume(id, viewer), change, problems(e, locale), viewer);
        }
        redirect.addFlashAttribute("flash", "files.saved");
        return "redirect:/volumes/" + id;
    }

    @PostMapping("/volumes/{id}/items")
    String addItems(@PathVariable long id, @RequestParam(name = "item", required = false) List<Long> ids,
            Viewer viewer, Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        try {
            volumes.addItems(id, (ids == null ? List.<Long>of() : ids).stream().map(ItemId::new).toList(), viewer);
        } catch (CatalogProblem e) {
            return refused(id, e, viewer, model, response, locale);
        }
        redirect.addFlashAttribute("flash", "files.moved");
        return "redirect:/volumes/" + id;
    }

    @PostMapping("/volumes/{id}/items/{itemId}/remove")
    String removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam long to, Viewer viewer,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        try {
            volumes.removeItem(id, new ItemId(itemId), to, viewer);
        } catch (CatalogProblem e) {
            return refused(id, e, viewer, model, response, locale);
        }
        redirect.addFlashAttribute("flash", "files.moved");
        return "redirect:/volumes/" + id;
    }

    @PostMapping("/volumes/{id}/delete")
    String delete(@PathVariable long id, Viewer viewer, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Locale locale) {
        Volume file = volumes.volume(id, viewer);
        try {
            volumes.delete(id, viewer);
        } catch (CatalogProblem e) {
            return refused(id, e, viewer, model, response, locale);
        }
        redirect.addFlashAttribute("flash", "files.deleted");
        return "redirect:" + Group.of(file).query();
    }

    private String refused(long id, CatalogProblem e, Viewer viewer, Model model, HttpServletResponse response,
            Locale locale) {
        response.setStatus(status(e));
        Volume file = volumes.volume(id, viewer);
        return filePage(model, file, new VolumeChange(file.title(), text(file.startDate()), text(file.endDate())),
                problems(e, locale), viewer);
    }

    private String listPage(Model model, Group group, Map<String, String> values, List<String> problems,
            Viewer viewer) {
        model.addAttribute("group", group);
        model.addAttribute("fondsList", catalog.fonds());
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("retentions", Retention.values());
        model.addAttribute("files", group.whole() ? volumes.volumes(group.fonds(), group.category(), group.year(),
                group.retentionCode().orElseThrow(), group.org(), viewer) : List.of());
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        return "volumes";
    }

    private String filePage(Model model, Volume file, VolumeChange change, List<String> problems, Viewer viewer) {
        List<Volume> others = volumes.volumes(file.fonds(), file.category(), file.year(), file.retention(), file.org(),
                viewer).stream().filter(v -> v.id() != file.id()).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (Volume other : others) {
            for (Item item : volumes.items(other.id(), viewer)) {
                candidates.add(new Candidate(item, other));
            }
        }
        model.addAttribute("file", file);
        model.addAttribute("group", Group.of(file));
        model.addAttribute("change", change);
        model.addAttribute("items", volumes.items(file.id(), viewer));
        model.addAttribute("others", others);
        model.addAttribute("candidates", candidates);
        model.addAttribute("problems", problems);
        return "volume";
    }

    /** An item of another file of the group, which may be moved into this one. */
    record Candidate(Item item, Volume file) {
    }

    private List<String> problems(RuntimeException e, Locale locale) {
        List<String> problems = new ArrayList<>();
        if (e instanceof InvalidEntry invalid) {
            for (Violation v : invalid.violations()) {
                String message = messages.getMessage(v.code(), v.args().toArray(), v.code(), locale);
                problems.add(v.field().isEmpty() ? message
                        : messages.getMessage("item.field-problem", new Object[] {v.field(), message}, locale));
            }
        } else if (e instanceof CatalogProblem p) {
            problems.add(messages.getMessage(p.code(), p.args(), p.code(), locale));
        }
        return problems;
    }

    private static int status(RuntimeException e) {
        if (e instanceof InvalidEntry) {
            return HttpStatus.UNPROCESSABLE_ENTITY.value();
        }
        return e instanceof NotPermitted ? HttpStatus.FORBIDDEN.value() : HttpStatus.CONFLICT.value();
    }

    private static String text(java.time.LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
