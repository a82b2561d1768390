package cn.lantai.access.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import cn.lantai.access.AccessRequests;
import cn.lantai.access.DeskVisit;
import cn.lantai.access.IdType;
import cn.lantai.access.NewVisitor;
import cn.lantai.access.Purpose;
import cn.lantai.access.ReadingRoom;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.Visitor;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reading-room desk ({@code /reading-room}, {@code SERVE_READERS}): find a visitor by their ID document, register
 * a new one, start a visit, record the files and items used (by 档号) and the pages copied, file a request for a
 * visit's controlled records ({@code /requests?visit=…}), and see today's visits with their requests and states.
 * The ID number is looked up by POST, so it stays out of addresses, history and logs; a refused step is said on the
 * page with everything as typed.
 */
@Controller
class ReadingRoomPages {

    private final ReadingRoom room;
    private final AccessRequests requests;
    private final MessageSource messages;

    ReadingRoomPages(ReadingRoom room, AccessRequests requests, MessageSource messages) {
        this.room = room;
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/reading-room")
    String desk(@RequestParam(required = false) Long visitor, Viewer viewer, Model model) {
        return render(viewer, model, visitor == null ? null : shown(visitor, viewer));
    }

    @PostMapping("/reading-room/find")
    String find(@RequestParam(required = false) IdType idType, @RequestParam(defaultValue = "") String idNumber,
            Viewer viewer, Model model, Locale locale) {
        model.addAttribute("idType", idType);
        model.addAttribute("idNumber", idNumber);
        try {
            Optional<Visitor> found = room.find(idType, idNumber, viewer);
            if (found.isEmpty()) {
                model.addAttribute("notFound", true);
            }
            return render(viewer, model, found.orElse(null));
        } catch (AccessProblem e) {
            return problem(e, viewer, model, locale, null);
        }
    }

    @PostMapping("/reading-room/visitors")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) IdType idType,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String unit, Viewer viewer, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            Visitor v = room.register(new NewVisitor(name, idType, idNumber, phone, unit), viewer);
            redirect.addFlashAttribute("flash", "access.desk.registered");
            return "redirect:/reading-room?visitor=" + v.id();
        } catch (AccessProblem e) {
            model.addAttribute("registering", new NewVisitor(name, idType, idNumber, phone, unit));
            return problem(e, viewer, model, locale, null);
        }
    }

    @PostMapping("/reading-room/visitors/{id}/id-number")
    String idNumber(@PathVariable long id, Viewer viewer, Model model, Locale locale) {
        Visitor v = shown(id, viewer);
        try {
            model.addAttribute("fullNumber", room.idNumber(id, viewer));
            return render(viewer, model, v);
        } catch (AccessProblem e) {
            return problem(e, viewer, model, locale, v);
        }
    }

    @PostMapping("/reading-room/visits")
    String start(@RequestParam long visitorId, @RequestParam(required = false) Purpose purpose,
            @RequestParam(defaultValue = "") String note, Viewer viewer, Model model, Locale locale,
            RedirectAttributes redirect) {
        return step(viewer, model, locale, shown(visitorId, viewer), redirect, "access.desk.visit-started",
                () -> room.startVisit(visitorId, purpose, note, viewer).id());
    }

    @PostMapping("/reading-room/visits/{id}/items")
    String itemUsed(@PathVariable long id, @RequestParam(defaultValue = "") String reference, Viewer viewer,
            Model model, Locale locale, RedirectAttributes redirect) {
        model.addAttribute("reference", reference);
        model.addAttribute("referenceVisit", id);
        return step(viewer, model, locale, null, redirect, "access.desk.item-added",
                () -> room.itemUsed(id, reference, viewer).visitId());
    }

    @PostMapping("/reading-room/visits/{id}/copies")
    String copies(@PathVariable long id, @RequestParam(defaultValue = "") String pages, Viewer viewer, Model model,
            Locale locale, RedirectAttributes redirect) {
        model.addAttribute("pages", pages);
        model.addAttribute("pagesVisit", id);
        return step(viewer, model, locale, null, redirect, "access.desk.pages-added", () -> {
            int count;
            try {
                count = Integer.parseInt(pages.strip());
            } catch (NumberFormatException e) {
                throw new AccessProblem("access.pages.range", ReadingRoom.MAX_PAGES);
            }
            room.pagesCopied(id, count, viewer);
            return id;
        });
    }

    /** A step that ends on today's visits, the visit's row in view; or the page again with the reason. */
    private String step(Viewer viewer, Model model, Locale locale, Visitor shown, RedirectAttributes redirect,
            String done, Supplier<Long> work) {
        try {
            long visit = work.get();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/reading-room#visit-" + visit;
        } catch (AccessProblem e) {
            return problem(e, viewer, model, locale, shown);
        } catch (ItemNotFound e) {
            model.addAttribute("problem", messages.getMessage("access.item.not-found", null, locale));
            return render(viewer, model, shown);
        }
    }

    private String problem(AccessProblem e, Viewer viewer, Model model, Locale locale, Visitor shown) {
        if (e.status() == 403) {
            throw new NotPermitted(e.code());
        }
        model.addAttribute("problem", AccessProblems.message(messages, e, locale));
        return render(viewer, model, shown);
    }

    /** The visitor shown on the desk; none for one not of the desk, whom {@link #render} then refuses. */
    private Visitor shown(long id, Viewer viewer) {
        return room.serves(viewer) ? room.visitor(id, viewer).orElse(null) : null;
    }

    private String render(Viewer viewer, Model model, Visitor shown) {
        List<DeskVisit> visits;
        try {
            visits = room.visits(room.today(), viewer);
        } catch (AccessProblem e) {
            throw new NotPermitted(e.code());
        }
        model.addAttribute("visits", visits);
        model.addAttribute("requests", requests.forVisits(visits.stream().map(d -> d.visit().id()).toList(), viewer));
        model.addAttribute("now", Instant.now());
        model.addAttribute("today", room.today());
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("purposes", Purpose.values());
        if (shown != null) {
            model.addAttribute("visitor", shown);
            model.addAttribute("planned", room.planned(shown.id(), viewer).orElse(null));
        }
        return "reading-room";
    }
}
