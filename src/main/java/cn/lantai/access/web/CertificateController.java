package cn.lantai.access.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.access.Certificate;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.CertificateStatus;
import cn.lantai.access.Certificates;
import cn.lantai.access.IssuedCertificate;
import cn.lantai.access.Purpose;
import cn.lantai.catalog.Viewer;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Certificates in the API. For the reading room: {@code POST /api/v1/certificates} issues one (201, its number, code
 * and links), {@code GET /api/v1/certificates?q=} lists them, {@code GET …/{number}/pdf} and {@code …/ofd} send the
 * files, {@code POST …/{number}/revoke {reason}} revokes. For anyone: {@code GET /api/v1/public/certificates/{number}
 * ?code=} (200 valid or revoked, 404 for an unknown number and a wrong code alike), {@code POST
 * /api/v1/public/certificates/verify} with a multipart {@code file} (200, 404 signed but not registered, 422 not
 * valid), and {@code GET /api/v1/public/keys}, the archive's public key.
 */
@RestController
class CertificateController {

    private final Certificates certificates;
    private final MessageSource messages;

    CertificateController(Certificates certificates, MessageSource messages) {
        this.certificates = certificates;
        this.messages = messages;
    }

    record IssueBody(Long itemId, Integer firstPage, Integer lastPage, Long visitId, Purpose purpose) {
    }

    record RevokeBody(String reason) {
    }

    @PostMapping("/api/v1/certificates")
    ResponseEntity<Map<String, Object>> issue(@RequestBody IssueBody body, Viewer viewer) {
        if (body == null || body.itemId() == null) {
            throw new AccessProblem(400, "access.certificate.no-item");
        }
        IssuedCertificate issued = certificates.issue(new Certificates.Request(body.itemId(), body.firstPage(),
                body.lastPage(), body.visitId(), body.purpose(),
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()), viewer);
        Map<String, Object> out = staffView(issued.certificate());
        out.put("code", issued.code());
        out.put("verifyUrl", issued.verifyUrl());
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + issued.certificate().number() + "/pdf"))
                .body(out);
    }

    @GetMapping("/api/v1/certificates")
    List<Map<String, Object>> list(@RequestParam(name = "q", required = false) String q, Viewer viewer) {
        return certificates.search(q, viewer).stream().map(CertificateController::staffView).toList();
    }

    @GetMapping("/api/v1/certificates/{number}/{format:pdf|ofd}")
    ResponseEntity<Resource> file(@PathVariable String number, @PathVariable String format, Viewer viewer) {
        return send(certificates.file(number, format, viewer), number + "." + format);
    }

    @PostMapping("/api/v1/certificates/{number}/revoke")
    Map<String, Object> revoke(@PathVariable String number, @RequestBody(required = false) RevokeBody body,
            Viewer viewer) {
        return staffView(certificates.revoke(number, body == null ? null : body.reason(), viewer));
    }

    @GetMapping("/api/v1/public/certificates/{number}")
    ResponseEntity<Map<String, Object>> check(@PathVariable String number,
            @RequestParam(name = "code", required = false) String code, Locale locale) {
        return answer(certificates.check(number, code), locale);
    }

    @PostMapping("/api/v1/public/certificates/verify")
    ResponseEntity<Map<String, Object>> verify(@RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale) throws IOException {
        return answer(certificates.verify(VerifyPage.read(file)), locale);
    }

    @GetMapping("/api/v1/public/keys")
    Map<String, Object> keys() {
        Certificates.PublicKeyInfo key = certificates.publicKey();
        return Map.of("publicKeyPem", key.pem(), "algorithm", key.algorithm(), "sm3Fingerprint",
                key.sm3Fingerprint());
    }

    /** Only what the certificate shows; nothing at all beyond the state for one not found. */
    private ResponseEntity<Map<String, Object>> answer(CertificateStatus s, Locale locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", s.state().name());
        out.put("message", messages.getMessage("access.certificate.state." + s.state().name(), null, locale));
        if (s.problem() != null) {
            out.put("problem", messages.getMessage(s.problem(), null, locale));
        }
        if (s.number() != null) {
            out.put("archive", s.archive());
            out.put("number", s.number());
            out.put("issuedAt", s.issuedAt().toString());
            out.put("purpose", s.purpose().name());
            out.put("purposeLabel", messages.getMessage(s.purpose().labelKey(), null, locale));
            out.put("archivalCode", s.archivalCode());
            out.put("title", s.title());
            if (s.revokedAt() != null) {
                out.put("revokedAt", s.revokedAt().toString());
                out.put("revokeReason", s.revokeReason());
            }
        }
        HttpStatus status = switch (s.state()) {
            case VALID, REVOKED -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(out);
    }

    private static Map<String, Object> staffView(Certificate c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", c.number());
        out.put("itemId", c.itemId());
        out.put("archivalCode", c.archivalCode());
        out.put("title", c.title());
        out.put("firstPage", c.firstPage());
        out.put("lastPage", c.lastPage());
        out.put("visitId", c.visitId());
        out.put("purpose", c.purpose().name());
        out.put("issuer", c.issuer());
        out.put("issuedAt", c.issuedAt().toString());
        out.put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
        out.put("revokedBy", c.revokedBy());
        out.put("revokeReason", c.revokeReason());
        out.put("pdf", "/api/v1/certificates/" + c.number() + "/pdf");
        out.put("ofd", "/api/v1/certificates/" + c.number() + "/ofd");
        return out;
    }

    static ResponseEntity<Resource> send(Path file, String name) {
        MediaType type = name.endsWith(".pdf") ? MediaType.APPLICATION_PDF : MediaType.parseMediaType("application/ofd");
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(new FileSystemResource(file));
    }
}
