package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogRenumbering;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renumbering (调整件号) in the workbench: the group in its order, a new number typed for each item (or the rows
 * dragged, which types them), a preview of old → new 档号, and the renumbering ({@link CatalogRenumbering}). The page
 * carries the group's state as it was shown; if the group changed meanwhile, nothing is renumbered and the page says
 * so with the group as it now stands.
 */
@Controller
class RenumberPages {

    /** The input of an item's new number: {@code no.<id>}. */
    static final String NUMBER = "no.";

    private final CatalogRenumbering renumbering;
    private final MessageSource messages;

    RenumberPages(CatalogRenumbering renumbering, MessageSource messages) {
        this.renumbering = renumbering;
        this.messages = messages;
    }

    /** One row of the page: the item, the number typed for it and what is wrong with that number. */
    record Row(Item item, String typed, String error) {

        public String inputId() {
            return "no-" + item.id().value();
        }
    }

    /** One item whose 档号 changes. */
    record Move(Item item, String newArchivalCode) {
    }

    @GetMapping("/catalogue/renumber")
    String group(@RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model) {
        CatalogRenumbering.GroupOrder group = load(params, viewer);
        List<Row> rows = group.items().stream()
                .map(i -> new Row(i, Integer.toString(i.description().itemNo()), null)).toList();
        return page(model, group, rows, group.state(), null, List.of());
    }

    @PostMapping("/catalogue/renumber/preview")
    String preview(@RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model,
            HttpServletResponse response, Locale locale) {
        CatalogRenumbering.GroupOrder group = load(params, viewer);
        String state = params.getFirst("state");
        if (!group.state().equals(state)) {
            return stale(model, group, response, locale);
        }
        List<Row> rows = typed(group, params, locale);
        if (rows.stream().anyMatch(r -> r.error() != null)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, group, rows, state, null,
                    List.of(messages.getMessage("renumber.problems", null, locale)));
        }
        List<Item> order = rows.stream().sorted(Comparator.comparingInt(r -> Integer.parseInt(r.typed())))
                .map(Row::item).toList();
        List<Move> moves = new ArrayList<>();
        for (int n = 1; n <= order.size(); n++) {
            Item item = order.get(n - 1);
            if (item.description().itemNo() != n) {
                moves.add(new Move(item, item.description().with(DescriptionField.ITEM_NO, Integer.toString(n))
                        .archivalCode().toString()));
            }
        }
        model.addAttribute("order", order);
        return page(model, group, rows, state, moves, List.of());
    }

    @PostMapping("/catalogue/renumber/apply")
    String apply(@RequestParam MultiValueMap<String, String> params, Viewer viewer, Model model,
            HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        Group g = Group.of(params);
        List<ItemId> order = params.getOrDefault("order", List.of()).stream().map(Long::parseLong).map(ItemId::new)
                .toList();
        try {
            renumbering.renumber(g.fonds(), g.category(), g.year(), g.retention(), g.org(), g.volume(), order,
                    params.getFirst("state"), viewer);
        } catch (CatalogConflict e) {
            return stale(model, load(params, viewer), response, locale);
        }
        redirect.addFlashAttribute("flash", "renumber.done");
        return "redirect:" + g.address();
    }

    private String stale(Model model, CatalogRenumbering.GroupOrder group, HttpServletResponse response,
            Locale locale) {
        response.setStatus(HttpStatus.CONFLICT.value());
        List<Row> rows = group.items().stream()
                .map(i -> new Row(i, Integer.toString(i.description().itemNo()), null)).toList();
        return page(model, group, rows, group.state(), null,
                List.of(messages.getMessage("catalog.group-changed", null, locale)));
    }

    /** The numbers typed: each a whole number from 1 to the group's size, none twice. */
    private List<Row> typed(CatalogRenumbering.GroupOrder group, MultiValueMap<String, String> params,
            Locale locale) {
        int size = group.items().size();
        Map<Integer, Integer> seen = new HashMap<>();
        Map<Item, String> typed = new LinkedHashMap<>();
        for (Item i : group.items()) {
            String value = params.getFirst(NUMBER + i.id().value());
            typed.put(i, value == null ? "" : value.strip());
            try {
                seen.merge(Integer.parseInt(typed.get(i)), 1, Integer::sum);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        List<Row> rows = new ArrayList<>();
        typed.forEach((item, value) -> {
            String error = null;
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > size) {
                error = messages.getMessage("renumber.bad-number", new Object[] {size}, locale);
            } else if (seen.get(n) > 1) {
                error = messages.getMessage("renumber.twice", new Object[] {n}, locale);
            }
            rows.add(new Row(item, value, error));
        });
        return rows;
    }

    private CatalogRenumbering.GroupOrder load(MultiValueMap<String, String> params, Viewer viewer) {
        Group g = Group.of(params);
        return renumbering.group(g.fonds(), g.category(), g.year(), g.retention(), g.org(), g.volume(), viewer);
    }

    private String page(Model model, CatalogRenumbering.GroupOrder group, List<Row> rows, String state,
            List<Move> moves, List<String> problems) {
        Group g = new Group(group.fonds(), group.category(), group.year(), group.retention(), group.org(),
                group.volume());
        model.addAttribute("group", g);
        model.addAttribute("rows", rows);
        model.addAttribute("state", state);
        model.addAttribute("moves", moves);
        model.addAttribute("problems", problems);
        return "renumber";
    }

    /** The group of the page, from its address or its form. */
    record Group(String fonds, String category, int year, Retention retention, String org, Integer volume) {

        static Group of(MultiValueMap<String, String> p) {
            String year = p.getFirst("year");
            String volume = p.getFirst("volume");
            if (p.getFirst("fonds") == null || p.getFirst("category") == null || year == null) {
                throw new IllegalArgumentException("group");
            }
            return new Group(p.getFirst("fonds").strip(), p.getFirst("category").strip(),
                    Integer.parseInt(year.strip()),
                    Retention.parse(p.getFirst("retention")).filter(r -> p.getFirst("retention") != null)
                            .orElseThrow(() -> new IllegalArgumentException("retention")),
                    p.getFirst("org") == null ? "" : p.getFirst("org").strip(),
                    volume == null || volume.isBlank() ? null : Integer.valueOf(volume.strip()));
        }

        /** The page's address: {@code /catalogue/renumber?fonds=…}. */
        public String address() {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/catalogue/renumber").queryParam("fonds", fonds)
                    .queryParam("category", category).queryParam("year", year).queryParam("retention", retention.code())
                    .queryParam("org", org);
            if (volume != null) {
                b.queryParam("volume", volume);
            }
            return b.encode().build().toUriString();
        }

        /** The group's 档号 prefix as archivists read it: {@code 0012-WS·2019-Y-BGS}, with the file if any. */
        public String code() {
            String code = fonds + "-" + category + "·" + year + "-" + retention.code() + (org.isEmpty() ? "" : "-" + org);
            return volume == null ? code : code + "-" + String.format("%04d", volume);
        }
    }
}
