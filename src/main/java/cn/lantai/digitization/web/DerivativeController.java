package cn.lantai.digitization.web;

import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.DerivativeUnavailable;
import cn.lantai.digitization.Derivatives;
import cn.lantai.digitization.Derivatives.Delivery;
import cn.lantai.jobs.JobId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An entry's derivatives in the API: {@code POST /api/v1/items/{id}/derivatives} remakes them from the masters (202,
 * the job's link); {@code GET …/derivatives/pdf} and {@code …/derivatives/ofd} download the PDF and the OFD;
 * {@code GET /api/v1/items/{id}/pages/{n}/access} and {@code …/thumbnail} send a page's JPEGs. A derivative not made
 * yet is a 404 whose problem says it is being made; a record beyond sight is the plain 404 of a missing record.
 */
@RestController
class DerivativeController {

    private final Derivatives derivatives;
    private final MessageSource messages;

    DerivativeController(Derivatives derivatives, MessageSource messages) {
        this.derivatives = derivatives;
        this.messages = messages;
    }

    @PostMapping("/api/v1/items/{id}/derivatives")
    ResponseEntity<Map<String, String>> remake(@PathVariable long id, Viewer viewer) {
        JobId job = derivatives.remake(new ItemId(id), viewer);
        String link = "/api/v1/jobs/" + job.value();
        return ResponseEntity.accepted().location(URI.create(link)).body(Map.of("job", link));
    }

    @GetMapping("/api/v1/items/{id}/derivatives/pdf")
    ResponseEntity<Resource> pdf(@PathVariable long id, Viewer viewer) {
        return send(derivatives.pdf(new ItemId(id), viewer), false);
    }

    @GetMapping("/api/v1/items/{id}/derivatives/ofd")
    ResponseEntity<Resource> ofd(@PathVariable long id, Viewer viewer) {
        return send(derivatives.ofd(new ItemId(id), viewer), false);
    }

    @GetMapping("/api/v1/items/{id}/pages/{page}/access")
    ResponseEntity<Resource> access(@PathVariable long id, @PathVariable int page, Viewer viewer) {
        return send(derivatives.access(new ItemId(id), page, viewer), true);
    }

    @GetMapping("/api/v1/items/{id}/pages/{page}/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable long id, @PathVariable int page, Viewer viewer) {
        return send(derivatives.thumbnail(new ItemId(id), page, viewer), true);
    }

    @ExceptionHandler(DerivativeUnavailable.class)
    ProblemDetail unavailable(DerivativeUnavailable e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage(e.code(), e.args(), locale));
    }

    /** A file body, so Spring answers Range requests; never cached by shared caches (records may be controlled). */
    private static ResponseEntity<Resource> send(Delivery delivery, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(delivery.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(delivery.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new FileSystemResource(delivery.file()));
    }
}
