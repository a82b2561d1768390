package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.lantai.catalog.CatalogListing;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.ItemPage;
import cn.lantai.catalog.ListOrder;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalogue page of the workbench: the tree (全宗 → 门类 → 年度 → 保管期限 → 机构(问题) → 案卷) beside the list of
 * the items chosen in it, in the columns and order the archivist picks, a page of 20 to 200 at a time. The tree loads
 * a fonds's branches, and a year's groups, when they are opened; the list is swapped alone when htmx asks for
 * {@code #items}. What people type into the address is never an error here: an unknown order or column is ignored,
 * a page number out of range is the nearest page.
 */
@Controller
class CataloguePages {

    static final List<Integer> PAGE_SIZES = List.of(20, 50, 100, 200);
    static final int PAGE_SIZE = 50;
    private static final String HTMX_TARGET = "HX-Target";

    private final CatalogManagement catalog;
    private final CatalogListing listing;

    CataloguePages(CatalogManagement catalog, CatalogListing listing) {
        this.catalog = catalog;
        this.listing = listing;
    }

    @GetMapping("/catalogue")
    String catalogue(@RequestParam(required = false) String fonds, @RequestParam(required = false) String category,
            @RequestParam(required = false) String year, @RequestParam(required = false) String retention,
            @RequestParam(required = false) String org, @RequestParam(required = false) String volume,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String jump,
            @RequestHeader(value = HTMX_TARGET, required = false) String target, Viewer viewer, Model model,
            HttpServletResponse response) {
        Selection selection = Selection.of(fonds, category, year, retention, org, volume);
        int pageSize = pageSize(size);
        ListOrder order = ListOrder.parseOrDefault(sort);
        if (jump != null) {
            // the jump field counts from 1; the address keeps the one pager's page (from 0) so its links stay right
            return "redirect:" + selection.href(order, pageSize, Math.max(0, number(jump, 1) - 1));
        }
        ItemPage list = listing.list(selection.filter(), selection.volume(), order, viewer, number(page, 0), pageSize);
        long last = Math.max(0, (list.total() - 1) / pageSize);
        if (list.page() > last) {
            list = listing.list(selection.filter(), selection.volume(), order, viewer, (int) last, pageSize);
        }
        Category chosen = selection.category() == null ? null
                : catalog.categories().stream().filter(c -> c.code().equals(selection.category())).findFirst()
                        .orElse(null);
        GroupTree groups = selection.year() == null || selection.category() == null ? null
                : GroupTree.of(selection.fonds(), selection.category(), selection.year(),
                        listing.groups(selection.fonds(), selection.category(), selection.year(), viewer));
        model.addAttribute("selection", selection);
        model.addAttribute("list", list);
        model.addAttribute("order", order);
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("columns", ListColumn.shown(listing.columns(viewer), chosen));
        model.addAttribute("availableColumns", ListColumn.available(chosen));
        model.addAttribute("chosenColumns", listing.columns(viewer));
        model.addAttribute("oneGroup", selection.oneGroup(groups));
        response.addHeader("Vary", HTMX_TARGET);
        if ("items".equals(target)) {
            return "catalogue :: items";
        }
        model.addAttribute("fondsList", catalog.fonds());
        if (selection.fonds() != null) {
            model.addAttribute("tree", tree(selection.fonds(), viewer));
        }
        model.addAttribute("groups", groups);
        return "catalogue";
    }

    /** The branches under one fonds, loaded when its node is opened. */
    @GetMapping("/catalogue/tree/{fonds}")
    String branches(@PathVariable String fonds, Viewer viewer, Model model) {
        model.addAttribute("tree", tree(fonds, viewer));
        // loaded beside whatever the list shows; the list's heading says what is chosen
        model.addAttribute("selection", Selection.NONE);
        return "catalogue :: branches";
    }

    /** The groups under one year (保管期限 → 机构(问题) → 案卷), loaded when its node is opened. */
    @GetMapping("/catalogue/tree/{fonds}/{category}/{year}")
    String groups(@PathVariable String fonds, @PathVariable String category, @PathVariable int year, Viewer viewer,
            Model model) {
        model.addAttribute("groups", GroupTree.of(fonds, category, year, listing.groups(fonds, category, year, viewer)));
        model.addAttribute("selection", Selection.NONE);
        return "catalogue :: groups";
    }

    /** Remembers the columns the person picked and goes back to the list they were on. */
    @PostMapping("/catalogue/columns")
    String columns(@RequestParam(required = false) List<String> columns, @RequestParam(required = false) String back,
            Viewer viewer) {
        listing.chooseColumns(columns, viewer);
        boolean local = back != null && (back.equals("/catalogue") || back.startsWith("/catalogue?"));
        return "redirect:" + (local ? back : "/catalogue");
    }

    private CatalogueTree tree(String fonds, Viewer viewer) {
        return CatalogueTree.of(fonds, catalog.holdings(fonds, viewer), catalog.categories());
    }

    /** One of the offered sizes: the nearest above what was asked (at most the largest), 50 when unreadable. */
    static int pageSize(String size) {
        int asked = number(size, PAGE_SIZE);
        return PAGE_SIZES.stream().filter(s -> s >= asked).findFirst().orElse(PAGE_SIZES.get(PAGE_SIZES.size() - 1));
    }

    /** A whole number from the address; letters, blanks and numbers beyond 2³¹ give the default. */
    static int number(String text, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * What the tree has chosen: a fonds, a category in it, a year, a retention, an organisation code ("" for the
     * items without one) and a file (卷); each may be absent.
     */
    record Selection(String fonds, String category, Integer year, Retention retention, String org, Integer volume) {

        static final Selection NONE = new Selection(null, null, null, null, null, null);

        static Selection of(String fonds, String category, String year, String retention, String org, String volume) {
            Integer y = year == null || year.isBlank() ? null : number(year, -1);
            Integer v = volume == null || volume.isBlank() ? null : number(volume, -1);
            return new Selection(blank(fonds), blank(category), y != null && y < 0 ? null : y,
                    retention == null ? null : Retention.parse(retention).orElse(null),
                    org == null ? null : org.strip(), v != null && v < 0 ? null : v);
        }

        ItemFilter filter() {
            return new ItemFilter(fonds, category, year, year, retention, org, null, null, null);
        }

        /** Whether the list is one numbering group (and file, where the group is arranged in files): 调整件号 applies. */
        boolean oneGroup(GroupTree groups) {
            return fonds != null && category != null && year != null && retention != null && org != null
                    && (volume != null || groups == null || !groups.inFiles(retention, org));
        }

        public boolean is(String fonds, String category, Integer year) {
            return is(fonds, category, year, null, null, null);
        }

        public boolean is(String fonds, String category, Integer year, Retention retention, String org,
                Integer volume) {
            return Objects.equals(this.fonds, fonds) && Objects.equals(this.category, category)
                    && Objects.equals(this.year, year) && this.retention == retention && Objects.equals(this.org, org)
                    && Objects.equals(this.volume, volume);
        }

        /** The address of this selection's list in an order, page size and page. */
        public String href(ListOrder order, int size, int page) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/catalogue");
            parameters(b);
            if (order != ListOrder.ARCHIVAL) {
                b.queryParam("sort", order.asParameter());
            }
            if (size != PAGE_SIZE) {
                b.queryParam("size", size);
            }
            if (page > 0) {
                b.queryParam("page", page);
            }
            return b.encode().build().toUriString();
        }

        /** The address of the renumbering page (调整件号) of this group, as its page reads it. */
        public String renumberHref() {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/catalogue/renumber");
            parameters(b);
            return b.encode().build().toUriString();
        }

        /** The chosen parts as the address names them: the filter parameters of the actions' contract. */
        public List<Parameter> parameters() {
            List<Parameter> given = new ArrayList<>();
            add(given, "fonds", fonds);
            add(given, "category", category);
            add(given, "year", year);
            add(given, "retention", retention == null ? null : retention.code());
            add(given, "org", org);
            add(given, "volume", volume);
            return given;
        }

        private void parameters(UriComponentsBuilder b) {
            parameters().forEach(p -> b.queryParam(p.name(), p.value()));
        }

        private static void add(List<Parameter> given, String name, Object value) {
            if (value != null) {
                given.add(new Parameter(name, value.toString()));
            }
        }
    }

    /** One part of a selection as an address parameter. */
    record Parameter(String name, String value) {
    }

    /** The address of a node of the tree. */
    static String node(String fonds, String category, Integer year, Retention retention, String org, Integer volume) {
        return new Selection(fonds, category, year, retention, org, volume).href(ListOrder.ARCHIVAL, PAGE_SIZE, 0);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
