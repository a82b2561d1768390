package cn.lantai.catalog.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import cn.lantai.catalog.ArchivalCode;
import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.CatalogProblem;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.catalog.Violation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * A new item (件) in the workbench: the tree's selection prefilled, the next free 件号 proposed, and the 档号 shown as
 * it will be while the person types (the server formats it, htmx swaps it in). Created through
 * {@link CatalogManagement#create}, the API's one way. Each form carries a one-time token: a form sent twice (a double
 * click, a reload after sending) creates one item and leads to it the second time.
 */
@Controller
class NewItemPages {

    static final String TOKEN = "formToken";
    /** The group a proposed number was made for: when the group changes, a new number is proposed. */
    static final String PROPOSED_FOR = "proposedFor";
    /** The category whose own fields the form shows: when the category changes, its fields are swapped in. */
    static final String FIELDS_OF = "fieldsOf";

    private static final String TOKENS = NewItemPages.class.getName() + ".tokens";
    private static final int TOKENS_KEPT = 50;
    private static final List<DescriptionField> CODE_PARTS = List.of(DescriptionField.FONDS, DescriptionField.CATEGORY,
            DescriptionField.YEAR, DescriptionField.RETENTION, DescriptionField.ORG, DescriptionField.VOLUME,
            DescriptionField.ITEM_NO);

    private final CatalogManagement catalog;
    private final MessageSource messages;

    NewItemPages(CatalogManagement catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/items/new")
    String form(@RequestParam Map<String, String> params, Viewer viewer, Model model, HttpSession session) {
        Map<String, String> values = new LinkedHashMap<>();
        for (DescriptionField f : CODE_PARTS) {
            values.put(f.key(), params.getOrDefault(f.key(), "").strip());
        }
        values.putIfAbsent(DescriptionField.RETENTION.key(), "");
        if (values.get(DescriptionField.RETENTION.key()).isEmpty()) {
            values.put(DescriptionField.RETENTION.key(), Retention.PERMANENT.code());
        }
        Parts parts = parts(values, viewer);
        values.put(DescriptionField.ITEM_NO.key(), parts.proposal());
        return page(model, values, Map.of(), List.of(), issue(session), viewer);
    }

    /** The 档号 as it will be, for the values typed so far; a new proposal and the category's fields when they change. */
    @PostMapping("/items/new/parts")
    String parts(@RequestParam Map<String, String> form, Viewer viewer, Model model) {
        Map<String, String> values = new LinkedHashMap<>(form);
        Parts parts = parts(values, viewer);
        boolean groupChanged = !parts.group().equals(form.getOrDefault(PROPOSED_FOR, ""));
        if (groupChanged) {
            values.put(DescriptionField.ITEM_NO.key(), parts.proposal());
        }
        Parts shown = parts(values, viewer);
        model.addAttribute("parts", shown);
        model.addAttribute("itemNo", groupChanged ? codeInputs(values, Map.of()).get(CODE_PARTS.size() - 1) : null);
        Category category = category(values);
        boolean categoryChanged = !code(category).equals(form.getOrDefault(FIELDS_OF, ""));
        model.addAttribute("extraFields", categoryChanged ? extraInputs(category, values, Map.of()) : null);
        model.addAttribute("category", category);
        model.addAttribute("oob", true);
        return "item-new :: parts";
    }

    @PostMapping("/items/new")
    String create(@RequestParam Map<String, String> form, Viewer viewer, Model model, HttpSession session,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Category category = category(form);
        Map<String, String> values = submitted(form, category);
        String token = form.getOrDefault(TOKEN, "");
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Long> tokens = tokens(session);
            Long done = tokens.get(token);
            if (done == null) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return page(model, values, Map.of(), List.of(text("item.new.expired", locale)), issue(session), viewer);
            }
            if (done > 0) {
                redirect.addFlashAttribute("flash", "item.new.sent-twice");
                return "redirect:/items/" + done;
            }
            try {
                Item item = catalog.create(entry(values), viewer);
                tokens.put(token, item.id().value());
                session.setAttribute(TOKENS, tokens);
                redirect.addFlashAttribute("flash", "item.new.created");
                return "redirect:/items/" + item.id().value();
            } catch (InvalidEntry e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                Map<String, List<String>> errors = new LinkedHashMap<>();
                List<String> general = new ArrayList<>();
                for (Violation v : e.violations()) {
                    String message = messages.getMessage(v.code(), v.args().toArray(), v.code(), locale);
                    String input = inputOf(v, category);
                    if (input == null) {
                        general.add(v.field().isEmpty() ? message
                                : messages.getMessage("item.field-problem", new Object[] {v.field(), message}, locale));
                    } else {
                        errors.computeIfAbsent(input, k -> new ArrayList<>()).add(message);
                    }
                }
                return page(model, values, errors, general, token, viewer);
            } catch (CatalogConflict | NotPermitted e) {
                // a number taken meanwhile, the same record there already, a group beyond the person's reach
                response.setStatus(e instanceof NotPermitted ? HttpStatus.FORBIDDEN.value()
                        : HttpStatus.CONFLICT.value());
                return page(model, values, Map.of(), List.of(text(e, locale)), token, viewer);
            }
        }
    }

    private String page(Model model, Map<String, String> values, Map<String, List<String>> errors,
            List<String> general, String token, Viewer viewer) {
        Category category = category(values);
        model.addAttribute("token", token);
        model.addAttribute("codeInputs", codeInputs(values, errors));
        model.addAttribute("extraFields", extraInputs(category, values, errors));
        model.addAttribute("category", category);
        model.addAttribute("inputs", ItemForm.inputs(null, values, errors));
        model.addAttribute("parts", parts(values, viewer));
        model.addAttribute("problems", general);
        return "item-new";
    }

    /** The 档号's parts as inputs: fonds and category chosen from those registered, retention from its three. */
    private List<ItemForm.Input> codeInputs(Map<String, String> values, Map<String, List<String>> errors) {
        List<ItemForm.Input> inputs = new ArrayList<>();
        for (DescriptionField f : CODE_PARTS) {
            String value = values.getOrDefault(f.key(), "");
            List<String> errorsOf = errors.getOrDefault(f.key(), List.of());
            boolean mandatory = f.mandatory() && f != DescriptionField.ITEM_NO;
            switch (f) {
                case FONDS -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    catalog.fonds().forEach(x -> labels.put(x.code(), x.code() + " " + x.name()));
                    inputs.add(choice(f, value, labels, errorsOf));
                }
                case CATEGORY -> {
                    Map<String, String> labels = new LinkedHashMap<>();
                    catalog.categories().forEach(x -> labels.put(x.code(), x.code() + " " + x.name()));
                    inputs.add(choice(f, value, labels, errorsOf));
                }
                case RETENTION -> inputs.add(new ItemForm.Input(f.key(), f, f.label(), ItemForm.Control.SELECT,
                        ItemForm.options(f, value), value, true, f.maxLength(), errorsOf));
                default -> inputs.add(new ItemForm.Input(f.key(), f, f.label(), ItemForm.Control.TEXT, List.of(),
                        value, mandatory, f.maxLength(), errorsOf));
            }
        }
        return inputs;
    }

    private static ItemForm.Input choice(DescriptionField f, String value, Map<String, String> labels,
            List<String> errors) {
        List<String> options = new ArrayList<>();
        options.add("");
        options.addAll(labels.keySet());
        if (!value.isEmpty() && !labels.containsKey(value)) {
            options.add(value);
        }
        return new ItemForm.Input(f.key(), f, f.label(), ItemForm.Control.SELECT, options, value, true,
                f.maxLength(), errors, labels);
    }

    /** The category's own fields (its 门类扩展字段), as the edit form draws them. */
    private static List<ItemForm.Input> extraInputs(Category category, Map<String, String> values,
            Map<String, List<String>> errors) {
        if (category == null) {
            return List.of();
        }
        List<ItemForm.Input> all = ItemForm.inputs(category, values, errors);
        return all.subList(ItemForm.editable().size(), all.size());
    }

    /**
     * The 档号 the values make, as {@link ArchivalCode} writes it, with the number proposed for their group: the next
     * free one, or none where the group holds records beyond the person (the number is given when saving).
     */
    private Parts parts(Map<String, String> values, Viewer viewer) {
        String fonds = upper(values.get(DescriptionField.FONDS.key()));
        String category = upper(values.get(DescriptionField.CATEGORY.key()));
        String org = upper(values.get(DescriptionField.ORG.key()));
        Integer year = number(values.get(DescriptionField.YEAR.key()));
        Integer volume = number(values.get(DescriptionField.VOLUME.key()));
        Retention retention = Retention.parse(values.get(DescriptionField.RETENTION.key())).orElse(null);
        if (!ArchivalCode.FONDS.matcher(fonds).matches() || !ArchivalCode.CATEGORY.matcher(category).matches()
                || year == null || year < 1000 || year > 9999 || retention == null
                || !org.isEmpty() && !ArchivalCode.ORG.matcher(org).matches()
                || volume != null && (volume < 1 || volume > ArchivalCode.MAX_ITEM_NO)) {
            return new Parts("", null, "", "");
        }
        String group = ArchivalCode.groupKey(fonds, category, year, retention, org, volume);
        OptionalInt next = catalog.nextItemNumber(fonds, category, year, retention, org, volume, viewer);
        String proposal = next.isPresent() ? Integer.toString(next.getAsInt()) : "";
        Integer typed = number(values.get(DescriptionField.ITEM_NO.key()));
        Integer itemNo = typed != null && typed >= 1 && typed <= ArchivalCode.MAX_ITEM_NO ? typed
                : next.isPresent() ? next.getAsInt() : null;
        String code = itemNo == null ? null
                : new ArchivalCode(fonds, category, year, retention, org, volume, itemNo).toString();
        return new Parts(group, code, proposal, itemNo == null ? "" : Integer.toString(itemNo));
    }

    /**
     * The 档号 as it will be for the values typed: {@code group} the number group they name ("" while incomplete),
     * {@code code} null while incomplete or while the number is left to the save, {@code proposal} the next free 件号.
     */
    record Parts(String group, String code, String proposal, String itemNo) {
    }

    private Category category(Map<String, String> values) {
        String code = upper(values.get(DescriptionField.CATEGORY.key()));
        return catalog.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    /** What was typed: the 档号's parts, the editable fields, the category's own fields; nothing else. */
    private static Map<String, String> submitted(Map<String, String> form, Category category) {
        Map<String, String> values = new LinkedHashMap<>();
        for (DescriptionField f : CODE_PARTS) {
            values.put(f.key(), form.getOrDefault(f.key(), ""));
        }
        values.putAll(ItemForm.submitted(form, category));
        return values;
    }

    private static EntryInput entry(Map<String, String> values) {
        EntryInput edited = ItemForm.entry(values);
        Map<DescriptionField, String> fields = new EnumMap<>(DescriptionField.class);
        fields.putAll(edited.fields());
        for (DescriptionField f : CODE_PARTS) {
            fields.put(f, values.getOrDefault(f.key(), ""));
        }
        return new EntryInput(null, fields, edited.extra());
    }

    private static String inputOf(Violation v, Category category) {
        for (DescriptionField f : CODE_PARTS) {
            if (f.label().equals(v.field()) || f.key().equals(v.field())) {
                return f.key();
            }
        }
        return ItemForm.inputOf(v, category);
    }

    /** A fresh one-time token for a form, kept in the session with the last few issued. */
    private static String issue(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Long> tokens = tokens(session);
            String token = UUID.randomUUID().toString();
            tokens.put(token, 0L);
            while (tokens.size() > TOKENS_KEPT) {
                tokens.remove(tokens.keySet().iterator().next());
            }
            session.setAttribute(TOKENS, tokens);
            return token;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> tokens(HttpSession session) {
        Object kept = session.getAttribute(TOKENS);
        return kept instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, Long>) map : new LinkedHashMap<>();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private String text(CatalogProblem e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }

    private static String code(Category category) {
        return category == null ? "" : category.code();
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
