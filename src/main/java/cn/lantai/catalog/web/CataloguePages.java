package cn.lantai.catalog.web;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue page of the workbench: the tree (全宗 → 门类 → 年度) beside the paged list of the items chosen in it.
 * The tree loads a fonds's branches when it is opened; the list is swapped alone when htmx asks for {@code #items}.
 */
@Controller
class CataloguePages {

    static final int PAGE_SIZE = 50;
    private static final String HTMX_TARGET = "HX-Target";

    private final CatalogManagement catalog;

    CataloguePages(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/catalogue")
    String catalogue(@RequestParam(required = false) String fonds, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = HTMX_TARGET, required = false) String target, Viewer viewer, Model model,
            HttpServletResponse response) {
        Selection selection = new Selection(blank(fonds), blank(category), year);
        model.addAttribute("selection", selection);
        model.addAttribute("list", catalog.list(selection.filter(), viewer, page, PAGE_SIZE));
        response.addHeader("Vary", HTMX_TARGET);
        if ("items".equals(target)) {
            return "catalogue :: items";
        }
        model.addAttribute("fondsList", catalog.fonds());
        if (selection.fonds() != null) {
            model.addAttribute("tree", tree(selection.fonds(), viewer));
        }
        return "catalogue";
    }

    /** The branches under one fonds, loaded when its node is opened. */
    @GetMapping("/catalogue/tree/{fonds}")
    String branches(@PathVariable String fonds, Viewer viewer, Model model) {
        model.addAttribute("tree", tree(fonds, viewer));
        // loaded beside whatever the list shows; the list's heading says what is chosen
        model.addAttribute("selection", new Selection(null, null, null));
        return "catalogue :: branches";
    }

    private CatalogueTree tree(String fonds, Viewer viewer) {
        return CatalogueTree.of(fonds, catalog.holdings(fonds, viewer), catalog.categories());
    }

    /** What the tree has chosen: a fonds, a category in it, a year in that; each may be absent. */
    record Selection(String fonds, String category, Integer year) {

        ItemFilter filter() {
            return new ItemFilter(fonds, category, year, year, null, null, null, null, null);
        }

        public boolean is(String fonds, String category, Integer year) {
            return java.util.Objects.equals(this.fonds, fonds) && java.util.Objects.equals(this.category, category)
                    && java.util.Objects.equals(this.year, year);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
