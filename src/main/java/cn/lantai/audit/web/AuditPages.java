package cn.lantai.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditReceipt;
import cn.lantai.audit.AuditReports;
import cn.lantai.audit.AuditTrail;
import cn.lantai.audit.AuditWording;
import cn.lantai.audit.ChainBroken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The security auditor's page, in the auditor's language: the trail, newest first, filtered by person, action, record,
 * address and days, one row an entry or one row an operation (an import's 30,000 entries as one), taken away as a
 * workbook or a signed PDF report; the check of the whole chain, also against receipts kept off the server; and
 * taking a new receipt.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditPages {

    private static final int PAGE_SIZE = 50;
    /** Entries shown when an operation's row is opened; the rest are a link away. */
    private static final int OPENED = 20;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditTrail trail;
    private final AuditReports reports;
    private final AuditWording wording;
    private final MessageSource messages;

    AuditPages(AuditTrail trail, AuditReports reports, AuditWording wording, MessageSource messages) {
        this.trail = trail;
        this.reports = reports;
        this.wording = wording;
        this.messages = messages;
    }

    @GetMapping("/audit")
    String entries(AuditFilter.Typed typed, @RequestParam(defaultValue = "false") boolean grouped,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        AuditFilter filter = typed.filter(grouped);
        return show(filter, page, model, response);
    }

    /** The first entries of one operation, for its row opened in place. */
    @GetMapping("/audit/operations/{op}")
    String operation(@PathVariable long op, Model model) {
        AuditQuery query = new AuditQuery(null, null, null, null, List.of(), op, null, null);
        model.addAttribute("opened", trail.entries(query, 0, OPENED));
        model.addAttribute("op", op);
        return "audit :: operation";
    }

    /** The filtered trail as an xlsx workbook, in the page's language; the export is audited. */
    @GetMapping("/audit/export.xlsx")
    String xlsx(AuditFilter.Typed typed, Model model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        AuditFilter filter = typed.filter(false);
        if (!filter.valid()) {
            return show(filter, 0, model, response);
        }
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("lantai-audit-" + LocalDate.now() + ".xlsx").build().toString());
        reports.xlsx(filter.query(wording), filter.describe(messages, wording, locale), request.getRemoteUser(),
                request.getRemoteAddr(), locale, response.getOutputStream());
        return null;
    }

    /** The filtered trail as a PDF report signed with the archive's audit key; the export is audited. */
    @GetMapping("/audit/export.pdf")
    String pdf(AuditFilter.Typed typed, Model model, HttpServletRequest request,
            HttpServletResponse response, Locale locale) throws IOException {
        AuditFilter filter = typed.filter(false);
        if (!filter.valid()) {
            return show(filter, 0, model, response);
        }
        if (!reports.pdfAvailable()) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("exportProblem", "audit.report.no-font");
            return show(filter, 0, model, response);
        }
        byte[] body = reports.pdf(filter.query(wording), filter.describe(messages, wording, locale),
                request.getRemoteUser(), request.getRemoteAddr(), locale);
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("lantai-audit-" + LocalDate.now() + ".pdf").build().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return null;
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
                return show(AuditFilter.none(), 0, model, response);
            }
        }
        model.addAttribute("verification", trail.verify(receipts));
        return show(AuditFilter.none(), 0, model, response);
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
            return show(AuditFilter.none(), 0, model, response);
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

    private String show(AuditFilter filter, int page, Model model, HttpServletResponse response) {
        model.addAttribute("actor", filter.actor);
        model.addAttribute("action", filter.action);
        model.addAttribute("target", filter.target);
        model.addAttribute("address", filter.address);
        model.addAttribute("from", filter.from);
        model.addAttribute("to", filter.to);
        model.addAttribute("op", filter.op);
        model.addAttribute("grouped", filter.grouped);
        model.addAttribute("problems", filter.problems);
        model.addAttribute("actions", wording.actions());
        if (!filter.valid()) {
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return "audit";
        }
        AuditQuery query = filter.query(wording);
        if (filter.grouped) {
            model.addAttribute("groups", trail.groups(query, Math.max(0, page), PAGE_SIZE));
        } else {
            model.addAttribute("result", trail.entries(query, Math.max(0, page), PAGE_SIZE));
        }
        return "audit";
    }
}
