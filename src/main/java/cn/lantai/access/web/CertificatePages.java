package cn.lantai.access.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.lantai.access.Certificate;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.Certificates;
import cn.lantai.access.IssuedCertificate;
import cn.lantai.access.internal.ArchiveClock;
import cn.lantai.access.internal.ItemReferences;
import cn.lantai.access.Purpose;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The workbench's certificates page {@code /certificates}: the issue form (record, pages, visit, purpose), the issued
 * certificates found by number, 档号 or 题名 with their files, and revocation with a reason. A refused issue or
 * revocation says why above the form and keeps what was typed.
 */
@Controller
class CertificatePages {

    private final Certificates certificates;
    private final MessageSource messages;
    private final DateTimeFormatter time;
    private final ItemReferences references;

    CertificatePages(Certificates certificates, MessageSource messages, ArchiveClock archiveClock,
            ItemReferences references) {
        this.time = archiveClock.format("yyyy-MM-dd HH:mm");
        this.certificates = certificates;
        this.messages = messages;
        this.references = references;
    }

    /** A row of the list. */
    record Row(Certificate certificate, String issuedAt, String revokedAt) {
    }

    @GetMapping("/certificates")
    String list(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "visit", required = false) Long visit, Viewer viewer, Model model) {
        if (visit != null && !model.containsAttribute("visitId")) {
            model.addAttribute("visitId", visit); // from the desk's visit row: the form starts with that visit
        }
        List<Row> rows = certificates.search(q, viewer).stream().map(c -> new Row(c, time.format(c.issuedAt()),
                c.revokedAt() == null ? null : time.format(c.revokedAt()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("purposes", Purpose.values());
        return "certificates";
    }

    @PostMapping("/certificates")
    String issue(@RequestParam(name = "itemId", required = false) String itemId,
            @RequestParam(name = "firstPage", required = false) Integer firstPage,
            @RequestParam(name = "lastPage", required = false) Integer lastPage,
            @RequestParam(name = "visitId", required = false) Long visitId,
            @RequestParam(name = "purpose", required = false) Purpose purpose, Viewer viewer,
            RedirectAttributes redirect, Locale locale) {
        try {
            IssuedCertificate issued = certificates.issue(new Certificates.Request(references.item(itemId, viewer).value(), firstPage,
                    lastPage,
                    visitId, purpose, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()), viewer);
            redirect.addFlashAttribute("message", messages.getMessage("certificates.issued",
                    new Object[] {issued.certificate().number(), issued.code()}, locale));
            redirect.addFlashAttribute("issued", issued.certificate().number());
            redirect.addAttribute("q", issued.certificate().number());
        } catch (AccessProblem e) {
            redirect.addFlashAttribute("problem", AccessProblems.message(messages, e, locale));
            keep(redirect, itemId, firstPage, lastPage, visitId, purpose);
        } catch (ItemNotFound e) {
            redirect.addFlashAttribute("problem", messages.getMessage("problem.not-found", null, locale));
            keep(redirect, itemId, firstPage, lastPage, visitId, purpose);
        }
        return "redirect:/certificates";
    }

    @PostMapping("/certificates/{number}/revoke")
    String revoke(@PathVariable String number, @RequestParam(name = "reason", required = false) String reason,
            Viewer viewer, RedirectAttributes redirect, Locale locale) {
        try {
            certificates.revoke(number, reason, viewer);
            redirect.addFlashAttribute("message", messages.getMessage("certificates.revoked-done",
                    new Object[] {number}, locale));
        } catch (AccessProblem e) {
            redirect.addFlashAttribute("problem", AccessProblems.message(messages, e, locale));
        }
        redirect.addAttribute("q", number);
        return "redirect:/certificates";
    }

    @GetMapping("/certificates/{number}/{format:pdf|ofd}")
    ResponseEntity<Resource> file(@PathVariable String number, @PathVariable String format, Viewer viewer) {
        return CertificateController.send(certificates.file(number, format, viewer), number + "." + format);
    }

    private static void keep(RedirectAttributes redirect, String itemId, Integer firstPage, Integer lastPage,
            Long visitId, Purpose purpose) {
        redirect.addFlashAttribute("itemId", itemId);
        redirect.addFlashAttribute("firstPage", firstPage);
        redirect.addFlashAttribute("lastPage", lastPage);
        redirect.addFlashAttribute("visitId", visitId);
        redirect.addFlashAttribute("purpose", purpose);
    }
}
