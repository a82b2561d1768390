package cn.lantai.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The security auditor's page: the trail, newest first, filtered; and the check of the whole chain. */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ZoneId zone = ZoneId.systemDefault();
        AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
        model.addAttribute("result", trail.entries(query, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit";
    }

    @PostMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return entries(null, null, null, null, null, 0, model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
