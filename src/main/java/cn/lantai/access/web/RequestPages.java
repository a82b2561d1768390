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
import cn.lantai.access.ReadingRoom;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.Visit;
import cn.lantai.access.Visitor;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The workbench's pages of requests: {@code /requests} (one's own, and the form to ask; the desk files a visitor's
 * there too, {@code ?visit=…} choosing the visit, and gets the visitor's printable slip {@code /requests/{id}/slip}),
 * {@code /requests/{id}} (a request, with the approver's decisions), {@code /requests/approvals} (the
 * approver's queue), and the staff requester's delivery under a grant: {@code /requests/{id}/items/{item}} (the pages
 * as simple images), {@code …/pages/{n}.jpg}, {@code …/pdf} (download) and {@code …/print}.
 */
@Controller
class RequestPages {

    private final AccessRequests requests;
    private final GrantedCopies copies;
    private final ReadingRoom room;
    private final MessageSource messages;
    private final Answers answers;

    RequestPages(AccessRequests requests, GrantedCopies copies, ReadingRoom room, MessageSource messages) {
        this.requests = requests;
        this.room = room;
        this.copies = copies;
        this.messages = messages;
        this.answers = new Answers(messages);
    }

    @GetMapping("/requests")
    String mine(@RequestParam(required = false) Long visit, Viewer viewer, Model model) {
        if (visit != null) {
            model.addAttribute("visitId", visit);
        }
        return form(viewer, model);
    }

    private String form(Viewer viewer, Model model) {
        boolean desk = AccessRights.servesReaders(viewer);
        model.addAttribute("requests", requests.mine(viewer));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("desk", desk);
        model.addAttribute("now", Instant.now());
        if (desk && model.getAttribute("visitId") instanceof Long id) {
            // the visit chosen on the desk: shown with its visitor (masked), its purpose the form's first choice
            room.visit(id).ifPresent(v -> {
                model.addAttribute("chosenVisit", v);
                model.addAttribute("chosenVisitor", room.visitor(v.visitorId(), viewer).orElse(null));
                if (model.getAttribute("purpose") == null) {
                    model.addAttribute("purpose", v.purpose());
                }
            });
        }
        return "requests";
    }

    /** The visitor's slip for the desk to print: the link itself only right after filing (it is kept as a digest). */
    @GetMapping("/requests/{id}/slip")
    String slip(@PathVariable long id, Viewer viewer, Model model, HttpServletResponse response, Locale locale) {
        return answers.page("request-problem", model, response, locale, () -> {
            AccessRequest request = requests.request(id, viewer);
            if (!request.forVisitor()) {
                throw new AccessProblem(404, "access.request.not-found");
            }
            Visit visit = room.visit(request.visitId()).orElseThrow();
            // the visitor's details are the desk's alone: an approver is refused here (403, audited)
            Visitor visitor = room.visitor(visit.visitorId(), viewer).orElse(null);
            model.addAttribute("request", request);
            model.addAttribute("visitor", visitor);
            model.addAttribute("now", Instant.now());
            if (model.getAttribute("slip") instanceof String link) {
                model.addAttribute("slipUrl",
                        ServletUriComponentsBuilder.fromCurrentContextPath().path(link).toUriString());
            }
            return "request-slip";
        });
    }

    @PostMapping("/requests")
    String ask(@RequestParam(defaultValue = "") String items, @RequestParam(required = false) Purpose purpose,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) Long visitId,
            Viewer viewer, Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        try {
            Named named = Named.typed(items);
            FiledRequest filed = requests.ask(named.ids(), named.codes(), purpose, reason, visitId, viewer);
            filed.slip().ifPresent(s -> redirect.addFlashAttribute("slip", RequestViews.slipLink(s)));
            redirect.addFlashAttribute("flash", "access.request.filed");
            return "redirect:/requests/" + filed.request().id() + (filed.request().forVisitor() ? "/slip" : "");
        } catch (AccessProblem | ItemNotFound e) {
            AccessProblem p = e instanceof AccessProblem given ? given
                    : new AccessProblem(404, "access.request.item-not-found");
            response.setStatus(p.status());
            model.addAttribute("problem", AccessProblems.message(messages, p, locale));
            model.addAttribute("items", items);
            model.addAttribute("reason", reason);
            model.addAttribute("purpose", purpose);
            model.addAttribute("visitId", visitId);
            return form(viewer, model);
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

    /** Items as typed, by id or by 档号, separated by spaces, commas or new lines. */
    record Named(List<ItemId> ids, List<String> codes) {

        static Named typed(String typed) {
            List<ItemId> ids = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (String part : typed.split("[\\s,，;；]+")) {
                if (part.matches("[0-9]{1,18}")) {
                    ids.add(new ItemId(Long.parseLong(part)));
                } else if (!part.isEmpty()) {
                    codes.add(part); // the service tells a 档号 from anything else
                }
            }
            return new Named(ids, codes);
        }
    }
}
