package cn.lantai.access.web;

import java.time.Instant;
import java.util.Locale;

import cn.lantai.access.AccessRequest;
import cn.lantai.access.AccessRequests;
import cn.lantai.access.Grant;
import cn.lantai.access.GrantedCopies;
import cn.lantai.catalog.ItemId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The visitor's request slip on the portal, by its secret link: {@code /portal/requests/{slip}} shows each item's
 * state (待审批, 已批准 until …, 已拒绝 with the reason, 已过期); under a live grant {@code …/items/{item}} shows the
 * pages as simple images, {@code …/pages/{n}.jpg} sends one, {@code …/pdf} downloads and {@code …/print} opens the
 * watermarked PDF. Nothing here is cached or sent on as a referrer, so the secret stays in the visitor's hands.
 */
@Controller
class PortalRequestPages {

    private final AccessRequests requests;
    private final GrantedCopies copies;
    private final Answers answers;

    PortalRequestPages(AccessRequests requests, GrantedCopies copies, MessageSource messages) {
        this.requests = requests;
        this.copies = copies;
        this.answers = new Answers(messages);
    }

    @GetMapping("/portal/requests/{slip}")
    String slip(@PathVariable String slip, Model model, HttpServletResponse response, Locale locale) {
        Deliveries.guarded(response);
        return answers.page("portal-request-problem", model, response, locale, () -> {
            AccessRequest request = requests.bySlip(slip);
            model.addAttribute("request", request);
            model.addAttribute("base", "/portal/requests/" + slip);
            model.addAttribute("now", Instant.now());
            return "portal-request";
        });
    }

    @GetMapping("/portal/requests/{slip}/items/{item}")
    String viewer(@PathVariable String slip, @PathVariable long item, Model model, HttpServletRequest http,
            HttpServletResponse response, Locale locale) {
        Deliveries.guarded(response);
        return answers.page("portal-request-problem", model, response, locale, () -> {
            Grant grant = copies.bySlip(slip, new ItemId(item), http.getRemoteAddr());
            model.addAttribute("grant", grant);
            model.addAttribute("shown", copies.view(grant));
            model.addAttribute("base", "/portal/requests/" + slip + "/items/" + item);
            model.addAttribute("slipLink", "/portal/requests/" + slip);
            return "portal-request-viewer";
        });
    }

    @GetMapping("/portal/requests/{slip}/items/{item}/pages/{page}.jpg")
    ResponseEntity<byte[]> page(@PathVariable String slip, @PathVariable long item, @PathVariable int page,
            HttpServletRequest http, Locale locale) {
        return answers.file(locale,
                () -> Deliveries.jpeg(copies.page(copies.bySlip(slip, new ItemId(item), http.getRemoteAddr()), page)));
    }

    @GetMapping("/portal/requests/{slip}/items/{item}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slip, @PathVariable long item, HttpServletRequest http,
            Locale locale) {
        return answers.file(locale, () -> {
            Grant grant = copies.bySlip(slip, new ItemId(item), http.getRemoteAddr());
            return Deliveries.pdf(grant, copies.pdf(grant, false), false);
        });
    }

    @GetMapping("/portal/requests/{slip}/items/{item}/print")
    ResponseEntity<byte[]> print(@PathVariable String slip, @PathVariable long item, HttpServletRequest http,
            Locale locale) {
        return answers.file(locale, () -> {
            Grant grant = copies.bySlip(slip, new ItemId(item), http.getRemoteAddr());
            return Deliveries.pdf(grant, copies.pdf(grant, true), true);
        });
    }
}
