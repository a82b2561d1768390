package cn.lantai.catalog.web;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Deleting an item in the workbench: first the close-up it causes (each later item of its group with its 档号 before
 * and after), then, confirmed, {@link CatalogManagement#delete}, the API's one way.
 */
@Controller
class ItemDeletionPages {

    private final CatalogManagement catalog;

    ItemDeletionPages(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/items/{id}/delete")
    String confirm(@PathVariable long id, Viewer viewer, Model model) {
        model.addAttribute("closeUp", catalog.closeUp(new ItemId(id), viewer));
        return "item-delete";
    }

    @PostMapping("/items/{id}/delete")
    String delete(@PathVariable long id, Viewer viewer, RedirectAttributes redirect) {
        ArchivalCode code = catalog.closeUp(new ItemId(id), viewer).item().description().archivalCode();
        catalog.delete(new ItemId(id), viewer);
        redirect.addFlashAttribute("flash", "item.deleted");
        return "redirect:" + UriComponentsBuilder.fromPath("/catalogue").queryParam("fonds", code.fonds())
                .queryParam("category", code.category()).queryParam("year", code.year()).encode().build()
                .toUriString();
    }
}
