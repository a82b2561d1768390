package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.DigitizedPages;
import cn.lantai.catalog.ElectronicFiles;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
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
 * An item (件) in the workbench: its description, its category's own fields, its scanned pages in the page viewer
 * (through the {@link DigitizedPages} port), its electronic files (through the {@link ElectronicFiles} port; both after
 * the item itself was read for the viewer) and its version history; and the edit
 * form, which keeps what was typed and puts each broken rule beside its field.
 */
@Controller
class ItemPages {

    private final CatalogManagement catalog;
    private final MessageSource messages;
    private final ObjectProvider<ElectronicFiles> electronicFiles;
    private final ObjectProvider<DigitizedPages> digitizedPages;

    ItemPages(CatalogManagement catalog, MessageSource messages, ObjectProvider<ElectronicFiles> electronicFiles,
            ObjectProvider<DigitizedPages> digitizedPages) {
        this.catalog = catalog;
        this.messages = messages;
        this.electronicFiles = electronicFiles;
        this.digitizedPages = digitizedPages;
    }

    @GetMapping("/items/{id}")
    String view(@PathVariable long id, Viewer viewer, Model model) {
        Item item = catalog.item(new ItemId(id), viewer);
        model.addAttribute("item", item);
        model.addAttribute("fields", DescriptionField.values());
        model.addAttribute("category", category(item));
        model.addAttribute("history", catalog.historyShownWith(item, viewer));
        ElectronicFiles kept = electronicFiles.getIfAvailable();
        model.addAttribute("electronicFiles", kept == null ? List.of() : kept.of(item.id()));
        DigitizedPages scanned = digitizedPages.getIfAvailable();
        int pages = scanned == null ? 0 : scanned.pages(item.id());
        model.addAttribute("scannedPages", pages);
        model.addAttribute("manifest", pages == 0 ? null : scanned.manifest(item.id()).orElse(null));
        return "item";
    }

    @GetMapping("/items/{id}/edit")
    String edit(@PathVariable long id, Viewer viewer, Model model) {
        Item item = catalog.item(new ItemId(id), viewer);
        return form(model, item, item.version(), ItemForm.values(item), Map.of(), List.of());
    }

    @PostMapping("/items/{id}/edit")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, Viewer viewer, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Item item = catalog.item(new ItemId(id), viewer);
        Category category = category(item);
        Map<String, String> typed = ItemForm.submitted(form, category);
        int version = parseVersion(form.get(ItemForm.VERSION));
        try {
            catalog.update(item.id(), version, ItemForm.entry(typed), viewer);
        } catch (InvalidEntry e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, List<String>> errors = new LinkedHashMap<>();
            List<String> general = new ArrayList<>();
            for (Violation v : e.violations()) {
                String message = messages.getMessage(v.code(), v.args().toArray(), v.code(), locale);
                String input = ItemForm.inputOf(v, category);
                if (input == null) {
                    general.add(v.field().isEmpty() ? message
                            : messages.getMessage("item.field-problem", new Object[] {v.field(), message}, locale));
                } else {
                    errors.computeIfAbsent(input, k -> new ArrayList<>()).add(message);
                }
            }
            return form(model, item, version, typed, errors, general);
        } catch (CatalogConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, item, version, typed, Map.of(),
                    List.of(messages.getMessage(e.code(), e.args(), e.code(), locale)));
        }
        redirect.addFlashAttribute("flash", "item.saved");
        return "redirect:/items/" + id;
    }

    private String form(Model model, Item item, int version, Map<String, String> values,
            Map<String, List<String>> errors, List<String> general) {
        Category category = category(item);
        model.addAttribute("item", item);
        model.addAttribute("version", version);
        model.addAttribute("codeParts", ItemForm.CODE_PARTS);
        model.addAttribute("inputs", ItemForm.inputs(category, values, errors));
        model.addAttribute("problems", general);
        return "item-edit";
    }

    private Category category(Item item) {
        String code = item.description().get(DescriptionField.CATEGORY);
        return catalog.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version " + text);
        }
    }
}
