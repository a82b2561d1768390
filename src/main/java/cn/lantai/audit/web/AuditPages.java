package cn.lantai.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditReceipt;
import cn.lantai.audit.AuditTrail;
import cn.lantai.audit.ChainBroken;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The security auditor's page: the trail, newest first, filtered; the check of the whole chain, also against receipts
 * kept off the server; and taking a new receipt.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;
    private final MessageSource messages;

    AuditPages(AuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
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

    /** Verifies the chain, held against the receipts uploaded with the request (none: the server's anchors only). */
    @PostMapping("/audit/verify")
    String verify(@RequestParam(name = "receipts", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) throws IOException {
        List<AuditReceipt> receipts = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            try {
                // a receipt is ASCII; read byte for byte, so a log extract in any encoding is read whole
                receipts.addAll(AuditReceipt.read(new String(file.getBytes(), StandardCharsets.ISO_8859_1)));
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("receiptProblem", file.getOriginalFilename());
                return entries(null, null, null, null, null, 0, model);
            }
        }
        model.addAttribute("verification", trail.verify(receipts));
        return entries(null, null, null, null, null, 0, model);
    }

    /**
     * A receipt for the newest entry, as a file to keep away from the server; when the chain does not verify, the page
     * says where, and no receipt is given.
     */
    @PostMapping("/audit/receipt")
    String receipt(Model model, HttpServletResponse response, Locale locale) throws IOException {
        AuditReceipt receipt;
        try {
            receipt = trail.receipt();
        } catch (ChainBroken e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("verification", e.verification());
            model.addAttribute("receiptRefused", true);
            return entries(null, null, null, null, null, 0, model);
        }
        String comment = messages.getMessage("audit.receipt.file", new Object[] {receipt.seq(), receipt.time()},
                locale);
        byte[] body = ("# " + comment + "\n" + receipt.line() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("lantai-audit-receipt-" + receipt.seq() + ".txt").build().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
