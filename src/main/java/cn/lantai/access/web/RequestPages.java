package cn.lantai.access.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.access.AccessRequest;
import cn.lantai.access.AccessRequests;
import cn.lantai.access.AccessRights;
import cn.lantai.access.FiledRequest;
import cn.lantai.access.Grant;
import cn.lantai.access.GrantedCopies;
import cn.lantai.access.Purpose;
import cn.lantai.access.RequestProblem;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workbench's pages of requests: {@code /requests} (one's own, and the form to ask; the desk files a visitor's
 * there too), {@code /requests/{id}} (a request, with the approver's decisions), {@code /requests/approvals} (the
 * approver's queue), and the staff requester's delivery under a grant: {@code /requests/{id}/items/{item}} (the pages
 * as simple images), {@code …/pages/{n}.jpg}, {@code …/pdf} (download) and {@code …/print}.
 */
@Controller
class RequestPages {

    private final AccessRequests requests;
    private final GrantedCopies copies;
    private final MessageSource messages;
    private final Answers answers;

    RequestPages(AccessRequests requests, GrantedCopies copies, MessageSource messages) {
        this.requests = requests;
        this.copies = copies;
        this.messages = messages;
        this.answers = new Answers(messages);
    }

    @GetMapping("/requests")
    String mine(Viewer viewer, Model model) {
        model.addAttribute("requests", requests.mine(viewer));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("desk", AccessRights.servesReaders(viewer));
        model.addAttribute("now", Instant.now());
        return "requests";
    }

    @PostMapping("/requests")
    String ask(@RequestParam(defaultValue = "") String items, @RequestParam(required = false) Purpose purpose,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Long visitId,
            Viewer viewer, Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        try {
            FiledRequest filed = requests.ask(ids(items), purpose, reason, visitId, viewer);
            filed.slip().ifPresent(s -> redirect.addFlashAttribute("slip", RequestViews.slipLink(s)));
            redirect.addFlashAttribute("flash", "access.request.filed");
            return "redirect:/requests/" + filed.request().id();
        } catch (RequestProblem | ItemNotFound e) {
            RequestProblem p = e instanceof RequestProblem given ? given
                    : new RequestProblem(404, "access.request.item-not-found");
            response.setStatus(p.status());
            model.addAttribute("problem", messages.getMessage(p.code(), p.args(), locale));
            model.addAttribute("items", items);
            model.addAttribute("reason", reason);
            model.addAttribute("purpose", purpose);
            model.addAttribute("visitId", visitId);
            return mine(viewer, model);
        }
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable long id, Viewer viewer, Model model, HttpServletResponse response, Locale locale) {
        return answers.page("request-problem", model, response, locale, () -> shown(id, viewer, model));
    }

    private String shown(long id, Viewer viewer, Model model) {
        AccessRequest request = requests.request(id, viewer);
        model.addAttribute("request", request);
        model.addAttribute("own", request.requester().equals(viewer.name()) && !request.forVisitor());
        model.addAttribute("decidable", request.items().stream()
                .filter(i -> requests.decidable(i, viewer) && !request.requester().equals(viewer.name()))
                .map(i -> i.itemId().value()).toList());
        model.addAttribute("now", Instant.now());
        model.addAttribute("defaultDays", requests.defaultDays());
        model.addAttribute("maxDays", requests.maxDays());
        return "request";
    }

    @GetMapping("/requests/approvals")
    String queue(Viewer viewer, Model model) {
        model.addAttribute("requests", requests.queue(viewer));
        model.addAttribute("now", Instant.now());
        return "request-approvals";
    }

    @PostMapping("/requests/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) Long item,
            @RequestParam(required = false) Integer days, Viewer viewer, RedirectAttributes redirect, Model model,
            HttpServletResponse response, Locale locale) {
        return answers.page("request-problem", model, response, locale, () -> {
            requests.approve(id, item == null ? null : List.of(new ItemId(item)), days, viewer);
            redirect.addFlashAttribute("flash", "access.request.approved");
            return "redirect:/requests/" + id;
        });
    }

    @PostMapping("/requests/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam(required = false) Long item,
            @RequestParam(defaultValue = "") String reason, Viewer viewer, RedirectAttributes redirect, Model model,
            HttpServletResponse response, Locale locale) {
        return answers.page("request-problem", model, response, locale, () -> {
            requests.refuse(id, item == null ? null : List.of(new ItemId(item)), reason, viewer);
            redirect.addFlashAttribute("flash", "access.request.refused");
            return "redirect:/requests/" + id;
        });
    }

    // ---- delivery to the staff requester --------------------------------------------------------------------

    @GetMapping("/requests/{id}/items/{item}")
    String viewer(@PathVariable long id, @PathVariable long item, Viewer viewer, Model model,
            HttpServletResponse response, Locale locale) {
        return answers.page("request-problem", model, response, locale, () -> {
            Grant grant = copies.forStaff(id, new ItemId(item), viewer);
            model.addAttribute("grant", grant);
            model.addAttribute("shown", copies.view(grant));
            model.addAttribute("base", "/requests/" + id + "/items/" + item);
            return "request-viewer";
        });
    }

    @GetMapping("/requests/{id}/items/{item}/pages/{page}.jpg")
    ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable long item, @PathVariable int page,
            Viewer viewer, Locale locale) {
        return answers.file(locale,
                () -> Deliveries.jpeg(copies.page(copies.forStaff(id, new ItemId(item), viewer), page)));
    }

    @GetMapping("/requests/{id}/items/{item}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable long item, Viewer viewer, Locale locale) {
        return answers.file(locale, () -> {
            Grant grant = copies.forStaff(id, new ItemId(item), viewer);
            return Deliveries.pdf(grant, copies.pdf(grant, false), false);
        });
    }

    @GetMapping("/requests/{id}/items/{item}/print")
    ResponseEntity<byte[]> print(@PathVariable long id, @PathVariable long item, Viewer viewer, Locale locale) {
        return answers.file(locale, () -> {
            Grant grant = copies.forStaff(id, new ItemId(item), viewer);
            return Deliveries.pdf(grant, copies.pdf(grant, true), true);
        });
    }

    /** Item ids as typed: separated by spaces, commas or new lines; anything else is a bad id. */
    static List<ItemId> ids(String typed) {
        List<ItemId> ids = new ArrayList<>();
        for (String part : typed.split("[\\s,，;；]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("[0-9]{1,18}")) {
                throw new RequestProblem(400, "access.request.bad-item-id", part.length() > 40
                        ? part.substring(0, 40) + "…" : part);
            }
            ids.add(new ItemId(Long.parseLong(part)));
        }
        return ids;
    }
}
