package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogRegistry;
import cn.lantai.catalog.CatalogRegistry.Intent;
import cn.lantai.catalog.CatalogRight;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.FieldDefinition;
import cn.lantai.catalog.FieldsInUse;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.FormingUnits;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
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

/**
 * The catalogue's set-up in the workbench (全宗与门类): the fonds registered and the categories defined, and the forms
 * that register, define and change them, through the same {@link CatalogRegistry} methods as the API. A refusal
 * keeps what was typed and says why beside the input it concerns (or above the form); a saved form redirects, so a
 * reload posts nothing again.
 */
@Controller
class RegistryPages {

    private final CatalogRegistry registry;
    private final MessageSource messages;

    RegistryPages(CatalogRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    // ---- fonds ----------------------------------------------------------------------------------------------

    @GetMapping("/fonds")
    String fondsList(Viewer viewer, Model model) {
        model.addAttribute("fondsList", registry.fonds());
        model.addAttribute("unitNames", unitNames());
        model.addAttribute("mayDefine", viewer.may(CatalogRight.CATALOG_DEFINE));
        return "fonds";
    }

    @GetMapping("/fonds/new")
    String newFonds(Viewer viewer, Model model) {
        requireDefine(viewer);
        return fondsForm(model, true, RegistryForms.State.of(RegistryForms.fondsTyped(Map.of())));
    }

    @GetMapping("/fonds/{code}/edit")
    String editFonds(@PathVariable String code, Viewer viewer, Model model) {
        requireDefine(viewer);
        Fonds fonds = registry.fonds(code).orElseThrow(() -> new ItemNotFound("fonds " + code));
        RegistryForms.State state = RegistryForms.State.of(RegistryForms.values(fonds));
        if (fonds.unit() == null) {
            // the unit whose own record names this fonds is the likely one
            registry.formingUnits().stream().filter(u -> code.equals(u.fonds())).findFirst()
                    .ifPresent(u -> state.values().put(RegistryForms.UNIT, u.code()));
        }
        return fondsForm(model, false, state);
    }

    @PostMapping("/fonds/new")
    String registerFonds(@RequestParam Map<String, String> form, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return saveFonds(form, Intent.NEW, viewer, model, redirect, response, locale);
    }

    @PostMapping("/fonds/{code}/edit")
    String changeFonds(@PathVariable String code, @RequestParam Map<String, String> form, Viewer viewer,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Map<String, String> typed = new java.util.LinkedHashMap<>(form);
        typed.put(RegistryForms.CODE, code);
        return saveFonds(typed, Intent.EXISTING, viewer, model, redirect, response, locale);
    }

    private String saveFonds(Map<String, String> form, Intent intent, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Map<String, String> typed = RegistryForms.fondsTyped(form);
        RegistryForms.State state = RegistryForms.State.of(typed);
        Fonds fonds = RegistryForms.fonds(typed, state, message("catalog.bad-year", locale));
        try {
            if (state.failed()) {
                // a year that is no number: nothing is asked of the registry, nothing is saved
                throw new InvalidEntry(List.of());
            }
            registry.saveFonds(fonds, intent, viewer);
        } catch (InvalidEntry e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            e.violations().forEach(v -> {
                String input = RegistryForms.fondsInput(v);
                state.add(input, input == null ? named(v, locale) : render(v, locale));
            });
            return fondsForm(model, intent == Intent.NEW, state);
        } catch (CatalogConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            state.add(e.code().equals("registry.fonds-exists") ? RegistryForms.CODE : null,
                    messages.getMessage(e.code(), e.args(), e.code(), locale));
            return fondsForm(model, intent == Intent.NEW, state);
        }
        redirect.addFlashAttribute("flash", "registry.fonds.saved");
        return "redirect:/fonds";
    }

    private String fondsForm(Model model, boolean isNew, RegistryForms.State state) {
        List<FormingUnits.Unit> units = new ArrayList<>(registry.formingUnits());
        String unit = state.value(RegistryForms.UNIT);
        if (!unit.isBlank() && units.stream().noneMatch(u -> u.code().equals(unit))) {
            // a code no longer (or never) known is shown, so the form says what is stored
            units.add(new FormingUnits.Unit(unit, unit, null));
        }
        model.addAttribute("isNew", isNew);
        model.addAttribute("form", state);
        model.addAttribute("units", units);
        model.addAttribute("invalid", state.errors().keySet().stream().map(name -> new Link(
                "fonds-" + FONDS_IDS.get(name), "registry.fonds." + FONDS_IDS.get(name), null)).toList());
        return "fonds-form";
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new java.util.HashMap<>();
        registry.formingUnits().forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    // ---- categories -----------------------------------------------------------------------------------------

    @GetMapping("/categories")
    String categoryList(Viewer viewer, Model model) {
        model.addAttribute("categories", registry.categories());
        model.addAttribute("mayDefine", viewer.may(CatalogRight.CATALOG_DEFINE));
        model.addAttribute("noFonds", registry.fonds().isEmpty());
        return "categories";
    }

    @GetMapping("/categories/new")
    String newCategory(Viewer viewer, Model model) {
        requireDefine(viewer);
        Map<String, String> values = RegistryForms.categoryTyped(Map.of(), true);
        return categoryForm(model, true, RegistryForms.State.of(values), -1);
    }

    @GetMapping("/categories/{code}/edit")
    String editCategory(@PathVariable String code, Viewer viewer, Model model) {
        requireDefine(viewer);
        Category category = registry.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new ItemNotFound("category " + code));
        return categoryForm(model, false, RegistryForms.State.of(RegistryForms.values(category)), -1);
    }

    @PostMapping("/categories/new")
    String defineCategory(@RequestParam Map<String, String> form, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return saveCategory(form, Intent.NEW, viewer, model, redirect, response, locale);
    }

    @PostMapping("/categories/{code}/edit")
    String changeCategory(@PathVariable String code, @RequestParam Map<String, String> form, Viewer viewer,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Map<String, String> typed = new java.util.LinkedHashMap<>(form);
        typed.put(RegistryForms.CODE, code);
        return saveCategory(typed, Intent.EXISTING, viewer, model, redirect, response, locale);
    }

    /**
     * Saves the category, or, when the form asks to add a field row ({@code add}), shows it again with a blank row
     * and saves nothing (the page works without script: every button is a form's button).
     */
    private String saveCategory(Map<String, String> form, Intent intent, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        boolean add = form.containsKey("add");
        Map<String, String> typed = RegistryForms.categoryTyped(form, add);
        RegistryForms.State state = RegistryForms.State.of(typed);
        if (add) {
            requireDefine(viewer);
            return categoryForm(model, intent == Intent.NEW, state, RegistryForms.rows(typed) - 1);
        }
        Category category = RegistryForms.category(typed, state, message("catalog.bad-number", locale));
        try {
            if (state.failed()) {
                throw new InvalidEntry(List.of());
            }
            registry.saveCategory(category, intent, viewer);
        } catch (InvalidEntry e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            e.violations().forEach(v -> {
                String input = RegistryForms.categoryInput(v, typed);
                state.add(input, input == null ? named(v, locale) : render(v, locale));
            });
            return categoryForm(model, intent == Intent.NEW, state, -1);
        } catch (FieldsInUse e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            state.add(null, messages.getMessage(e.code(), e.args(), e.code(), locale));
            e.violations().forEach(v -> {
                String input = RegistryForms.categoryInput(v, typed);
                state.add(input, input == null ? named(v, locale) : render(v, locale));
            });
            return categoryForm(model, intent == Intent.NEW, state, -1);
        } catch (CatalogConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            state.add(e.code().equals("registry.category-exists") ? RegistryForms.CODE : null,
                    messages.getMessage(e.code(), e.args(), e.code(), locale));
            return categoryForm(model, intent == Intent.NEW, state, -1);
        }
        redirect.addFlashAttribute("flash", "registry.category.saved");
        return "redirect:/categories";
    }

    private String categoryForm(Model model, boolean isNew, RegistryForms.State state, int focusRow) {
        model.addAttribute("isNew", isNew);
        model.addAttribute("form", state);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, RegistryForms.rows(state.values())).boxed()
                .toList());
        model.addAttribute("types", FieldDefinition.Type.values());
        model.addAttribute("focusRow", focusRow);
        model.addAttribute("invalid", state.errors().keySet().stream().map(name -> {
            int dot = name.indexOf('.');
            return dot < 0 ? new Link("category-" + name, "registry.categories." + name, null)
                    : new Link(name.replace('.', '-'), "registry.field." + name.substring(dot + 1),
                            Integer.parseInt(name.substring(RegistryForms.ROW.length(), dot)) + 1);
        }).toList());
        return "category-form";
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    /** Element ids of the fonds form's inputs (and their labels' keys), by input name. */
    private static final Map<String, String> FONDS_IDS = Map.of(RegistryForms.CODE, "code", RegistryForms.NAME,
            "name", RegistryForms.UNIT, "unit", RegistryForms.START, "start", RegistryForms.END, "end",
            RegistryForms.NOTES, "notes");

    /**
     * A link above a refused form to an input with a problem: the element id, the label's message key, and the
     * number of the field row it is in (null outside the rows).
     */
    record Link(String id, String label, Integer row) {
    }

    /** The forms are offered only to who may save them; the registry checks (and audits) again on saving. */
    private static void requireDefine(Viewer viewer) {
        if (!viewer.may(CatalogRight.CATALOG_DEFINE)) {
            throw new NotPermitted(CatalogRight.CATALOG_DEFINE);
        }
    }

    /** A violation's message; named by its field where the form has no input for it (the message goes above). */
    private String render(Violation v, Locale locale) {
        return messages.getMessage(v.code(), v.args().toArray(), v.code(), locale);
    }

    private String named(Violation v, Locale locale) {
        return v.field().isEmpty() ? render(v, locale)
                : messages.getMessage("item.field-problem", new Object[] {v.field(), render(v, locale)}, locale);
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
