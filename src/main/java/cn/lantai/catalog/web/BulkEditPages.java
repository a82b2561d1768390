package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.BulkEditPreview;
import cn.lantai.catalog.CatalogBulkEdits;
import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Vocabularies;
import cn.lantai.catalog.Violation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bulk edit in the workbench: the rows chosen in the catalogue ({@link CatalogueSelection}) → one field and its new
 * value (controlled fields as choices) → a preview of what changes ({@link CatalogBulkEdits#preview}) → the edit
 * ({@link CatalogManagement#bulkEdit}, the API's). Bad values and refusals are shown above the form, nothing changed.
 * Posting the edit again is harmless: the items hold the value already and nothing changes the second time.
 */
@Controller
class BulkEditPages {

    private final CatalogManagement catalog;
    private final CatalogBulkEdits bulkEdits;
    private final MessageSource messages;

    BulkEditPages(CatalogManagement catalog, CatalogBulkEdits bulkEdits, MessageSource messages) {
        this.catalog = catalog;
        this.bulkEdits = bulkEdits;
        this.messages = messages;
    }

    /** A field of the form's list: the description field and, for a controlled one, its stored values to choose. */
    record FieldChoice(DescriptionField field, List<String> options) {

        public boolean controlled() {
            return !options.isEmpty();
        }
    }

    static List<FieldChoice> fields() {
        return Arrays.stream(DescriptionField.values())
                .filter(f -> CatalogBulkEdits.editable(f) && f != DescriptionField.FULL_TEXT)
                .map(f -> new FieldChoice(f, options(f))).toList();
    }

    private static List<String> options(DescriptionField f) {
        return Vocabularies.of(f);
    }

    /** The chosen rows → the form (posted by the list's button; an address with the selection shows it too). */
    @RequestMapping(path = "/catalogue/bulk-edit", method = {RequestMethod.GET, RequestMethod.POST})
    String form(@RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model,
            HttpServletResponse response) {
        CatalogueSelection selection = CatalogueSelection.of(params);
        FieldChoice field = fieldOrDefault(params.getFirst("field"));
        return page(model, selection, viewer, field, params.getFirst("value"), null, List.of());
    }

    /** The value's control for a field (htmx swaps it in when the field changes). */
    @GetMapping("/catalogue/bulk-edit/value")
    String value(@RequestParam(required = false) String field, Model model) {
        model.addAttribute("field", fieldOrDefault(field));
        model.addAttribute("value", "");
        model.addAttribute("valueErrors", List.of());
        return "bulk-edit :: value";
    }

    @PostMapping("/catalogue/bulk-edit/preview")
    String preview(@RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model,
            HttpServletResponse response, Locale locale) {
        CatalogueSelection selection = CatalogueSelection.of(params);
        FieldChoice field = field(params.getFirst("field"));
        String value = valueOf(params);
        BulkEditPreview preview = null;
        List<String> problems = new ArrayList<>();
        if (selection.empty()) {
            problems.add(messages.getMessage("bulk.nothing-selected", null, locale));
        } else {
            try {
                preview = bulkEdits.preview(selection.filter(), Map.of(field.field(), value), viewer);
            } catch (InvalidEntry | CatalogConflict | NotPermitted e) {
                problems.addAll(refusal(e, response, locale));
            }
        }
        if (preview == null && problems.isEmpty()) {
            throw new IllegalStateException("preview without an answer");
        }
        return page(model, selection, viewer, field, value, preview, problems);
    }

    @PostMapping("/catalogue/bulk-edit/apply")
    String apply(@RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model,
            HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        CatalogueSelection selection = CatalogueSelection.of(params);
        FieldChoice field = field(params.getFirst("field"));
        String value = valueOf(params);
        if (selection.empty()) {
            return page(model, selection, viewer, field, value, null,
                    List.of(messages.getMessage("bulk.nothing-selected", null, locale)));
        }
        CatalogManagement.BulkEditResult result;
        try {
            result = catalog.bulkEdit(selection.filter(), Map.of(field.field(), value), viewer);
        } catch (InvalidEntry | CatalogConflict | NotPermitted e) {
            List<String> problems = refusal(e, response, locale);
            return page(model, selection, viewer, field, value, null, problems);
        }
        redirect.addFlashAttribute("flash", "bulk.applied");
        redirect.addFlashAttribute("bulkResult", result);
        redirect.addFlashAttribute("bulkField", field.field());
        redirect.addFlashAttribute("bulkValue", value);
        return "redirect:/catalogue/bulk-edit/done";
    }

    /** After the edit: how many items changed; the page of a finished edit has nothing to post again. */
    @GetMapping("/catalogue/bulk-edit/done")
    String done(Model model) {
        if (!model.containsAttribute("bulkResult")) {
            return "redirect:/catalogue";
        }
        return "bulk-edit-done";
    }

    private String page(Model model, CatalogueSelection selection, Viewer viewer, FieldChoice field, String value,
            BulkEditPreview preview, List<String> problems) {
        model.addAttribute("selection", selection);
        model.addAttribute("selected", selection.empty() ? 0 : catalog.list(selection.filter(), viewer, 0, 1).total());
        model.addAttribute("fields", fields());
        model.addAttribute("field", field);
        model.addAttribute("value", value == null ? "" : value);
        model.addAttribute("preview", preview);
        model.addAttribute("problems", problems);
        model.addAttribute("valueErrors", List.of());
        return "bulk-edit";
    }

    /** The refusal as messages above the form, with the answer's status: 422, 409 or 403. */
    private List<String> refusal(RuntimeException e, HttpServletResponse response, Locale locale) {
        List<String> problems = new ArrayList<>();
        if (e instanceof InvalidEntry invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            List<Violation> violations = invalid.violations();
            for (Violation v : violations.subList(0, Math.min(10, violations.size()))) {
                String message = messages.getMessage(v.code(), v.args().toArray(), v.code(), locale);
                problems.add(v.field().isBlank() ? message
                        : messages.getMessage("item.field-problem", new Object[] {v.field(), message}, locale));
            }
            if (violations.size() > 10) {
                problems.add(messages.getMessage("bulk.more-problems", new Object[] {violations.size() - 10}, locale));
            }
        } else if (e instanceof NotPermitted refused) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            problems.add(messages.getMessage(refused.code(), refused.args(), refused.code(), locale));
        } else if (e instanceof CatalogConflict conflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
            problems.add(messages.getMessage(conflict.code(), conflict.args(), conflict.code(), locale));
        }
        return problems;
    }

    private static String valueOf(MultiValueMap<String, String> params) {
        String value = params.getFirst("value");
        return value == null ? "" : value.strip();
    }

    /** The field a preview or an edit names; one that is not offered is a bad request, never another field. */
    private static FieldChoice field(String key) {
        return fields().stream().filter(c -> c.field().key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("field " + key));
    }

    /** The field the form starts with: the one named, else 保管期限, the field most often set in bulk. */
    private static FieldChoice fieldOrDefault(String key) {
        return fields().stream().filter(c -> c.field().key().equals(key)).findFirst()
                .orElseGet(() -> field(DescriptionField.RETENTION.key()));
    }
}
