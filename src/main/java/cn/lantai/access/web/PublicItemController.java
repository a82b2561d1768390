package cn.lantai.access.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.lantai.access.internal.portal.PublicRecord;
import cn.lantai.access.internal.portal.PublicRecords;
import cn.lantai.catalog.ItemNotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/v1/public/items/{id}}: an open, unclassified record as the portal shows it (see {@link PublicRecord}
 * for the fields), the number of its scanned pages and, where digitized, its IIIF manifest's address. Anything else
 * (missing, controlled, classified, malformed, oversized identifiers) gets one 404 problem, byte for byte the same:
 * its {@code instance} is the collection, not the address asked, so not even the echo of the identifier differs.
 */
@RestController
class PublicItemController {

    private static final URI INSTANCE = URI.create("/api/v1/public/items");

    private final PublicRecords records;
    private final MessageSource messages;

    PublicItemController(PublicRecords records, MessageSource messages) {
        this.records = records;
        this.messages = messages;
    }

    @GetMapping("/api/v1/public/items/{id}")
    ResponseEntity<Map<String, Object>> item(@PathVariable String id, HttpServletRequest request) {
        PublicRecord r = records.record(id, request.getRemoteAddr());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("archivalCode", r.archivalCode());
        json.put("title", r.title());
        json.put("date", r.date());
        json.put("year", r.year());
        json.put("creator", r.creator());
        json.put("docNumber", r.docNumber());
        json.put("fonds", Map.of("code", r.fonds(), "name", r.fondsName()));
        json.put("category", Map.of("code", r.category(), "name", r.categoryName()));
        json.put("pages", r.pages());
        json.put("carrier", r.carrier());
        json.put("docType", r.docType());
        json.put("language", r.language());
        json.put("keywords", r.keywords());
        json.put("attachments", r.attachments());
        json.put("scopeNote", r.scopeNote());
        json.put("scannedPages", r.scannedPages());
        json.put("manifest", r.digitized() ? absolute(r.manifest()) : null);
        json.put("page", absolute("/portal/items/" + r.id()));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(json);
    }

    private static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }

    @ExceptionHandler(ItemNotFound.class)
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
        problem.setInstance(INSTANCE);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(problem);
    }
}
