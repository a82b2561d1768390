package cn.lantai.access.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.lantai.access.CertificateCheck;
import cn.lantai.access.AccessProblem;
import cn.lantai.access.CertificateStatus;
import cn.lantai.access.Certificates;
import cn.lantai.access.internal.ArchiveClock;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The public verify page {@code /verify} (no sign-in, the portal's frame): with {@code ?n=&c=} from a QR code, or the
 * number and code typed, it says valid, revoked (when and why) or not found, showing only what the certificate shows;
 * an uploaded PDF or OFD is checked against the archive's key and found by its digest. The archive's key fingerprint
 * and a link to the key are on the page.
 */
@Controller
class VerifyPage {

    private final Certificates certificates;
    private final MessageSource messages;
    private final DateTimeFormatter date;

    VerifyPage(Certificates certificates, MessageSource messages, ArchiveClock archiveClock) {
        this.date = archiveClock.format("yyyy-MM-dd");
        this.certificates = certificates;
        this.messages = messages;
    }

    @GetMapping("/verify")
    String page(@RequestParam(name = "n", required = false) String number,
            @RequestParam(name = "c", required = false) String code, Model model, HttpServletResponse response) {
        model.addAttribute("n", number == null ? "" : number);
        model.addAttribute("c", code == null ? "" : code);
        if (number != null && !number.isBlank()) {
            show(certificates.check(number, code), model, response);
        }
        return common(model);
    }

    @PostMapping("/verify")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, Locale locale) throws IOException {
        model.addAttribute("n", "");
        model.addAttribute("c", "");
        try {
            show(certificates.verify(read(file)), model, response);
        } catch (AccessProblem e) {
            response.setStatus(e.status());
            model.addAttribute("problem", AccessProblems.message(messages, e, locale));
        }
        return common(model);
    }

    /** The upload's bytes, refused unread past the limit; empty for no file. */
    static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        if (file.getSize() > CertificateCheck.MAX_BYTES) {
            throw new AccessProblem(413, "access.certificate.too-large", CertificateCheck.MAX_BYTES >> 20);
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) CertificateCheck.MAX_BYTES + 1);
        }
    }

    private String common(Model model) {
        model.addAttribute("fingerprint", certificates.publicKey().sm3Fingerprint());
        return "verify";
    }

    private void show(CertificateStatus status, Model model, HttpServletResponse response) {
        model.addAttribute("result", status);
        if (status.issuedAt() != null) {
            model.addAttribute("issuedOn", date.format(status.issuedAt()));
        }
        if (status.revokedAt() != null) {
            model.addAttribute("revokedOn", date.format(status.revokedAt()));
        }
        if (status.state() == CertificateStatus.State.NOT_FOUND) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else if (status.state() == CertificateStatus.State.INVALID) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
    }
}
