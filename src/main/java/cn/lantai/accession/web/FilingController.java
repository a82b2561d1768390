package cn.lantai.accession.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.accession.FilingNotFound;
import cn.lantai.accession.FilingReceipt;
import cn.lantai.accession.FilingRefused;
import cn.lantai.accession.Filings;
import cn.lantai.audit.SealUnavailable;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filing API for units' office systems: {@code POST /api/v1/filings} (multipart: {@code metadata}, JSON in the
 * charset its part names, and one part per listed file, matched by the part's file name) answers 201 with the signed
 * receipt, or 200 with the first receipt when the unit filed this sourceId before; {@code GET /api/v1/filings/{id}}
 * gives the receipt again and {@code …/receipt.pdf} its sealed form. The receipt's fields come with {@code signature}
 * (detached CMS, SM3withSM2, base64) over {@code signedJson}, the exact text signed.
 */
@RestController
class FilingController {

    private final Filings filings;
    private final MessageSource messages;
    private final JsonMapper json;

    FilingController(Filings filings, MessageSource messages, JsonMapper json) {
        this.filings = filings;
        this.messages = messages;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/filings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ObjectNode> file(MultipartHttpServletRequest request, Viewer viewer) throws IOException {
        MultipartFile metadata = request.getFile("metadata");
        List<Filings.FiledPart> parts = new ArrayList<>();
        for (Map.Entry<String, List<MultipartFile>> entry : request.getMultiFileMap().entrySet()) {
            if (entry.getKey().equals("metadata")) {
                continue;
            }
            for (MultipartFile part : entry.getValue()) {
                String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
                        ? entry.getKey() : part.getOriginalFilename();
                parts.add(new Filings.FiledPart(name, part.getSize(), part::getInputStream));
            }
        }
        byte[] bytes = metadata == null ? metadataField(request) : metadata.getBytes();
        String contentType = metadata == null ? null : metadata.getContentType();
        Filings.Outcome outcome = filings.file(bytes, contentType, parts, viewer);
        FilingReceipt.Signed signed = outcome.receipt();
        ObjectNode body = body(signed);
        return outcome.repeated() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/filings/" + signed.receipt().receiptId())).body(body);
    }

    @GetMapping("/api/v1/filings/{id}")
    ObjectNode receipt(@PathVariable String id, Viewer viewer) {
        return body(filings.receipt(id, viewer));
    }

    @GetMapping("/api/v1/filings/{id}/receipt.pdf")
    ResponseEntity<byte[]> receiptPdf(@PathVariable String id, Viewer viewer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"filing-receipt-" + id + ".pdf\"")
                .body(filings.receiptPdf(id, viewer));
    }

    @ExceptionHandler(FilingRefused.class)
    ProblemDetail refused(FilingRefused e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(FilingNotFound.class)
    ProblemDetail notFound(FilingNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
    }

    @ExceptionHandler(SealUnavailable.class)
    ProblemDetail noSeal(SealUnavailable e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("accession.filing.no-pdf", null, locale));
    }

    /** The metadata sent as a plain form field rather than a file part (charset then the request's). */
    private static byte[] metadataField(MultipartHttpServletRequest request) {
        String value = request.getParameter("metadata");
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode body(FilingReceipt.Signed signed) {
        ObjectNode body = (ObjectNode) json.readTree(signed.json());
        body.put("signature", signed.signature());
        body.put("signedJson", signed.json());
        return body;
    }
}
