package cn.lantai.access.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

import cn.lantai.access.AccessProblem;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.digitization.DerivativeUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/**
 * A refused request, grant or delivery as a page of the right frame (the workbench's or the portal's, whose model the
 * handler was given) or, for an image or file, as a short text: the status (404, 410 …) and the reason in the
 * reader's language. A record gone from the catalogue answers as a missing one.
 */
final class Answers {

    private final MessageSource messages;

    Answers(MessageSource messages) {
        this.messages = messages;
    }

    String page(String problemView, Model model, HttpServletResponse response, Locale locale,
            Supplier<String> work) {
        try {
            return work.get();
        } catch (AccessProblem | DerivativeUnavailable | ItemNotFound e) {
            Refusal r = refusal(e, locale);
            response.setStatus(r.status());
            model.addAttribute("status", r.status());
            model.addAttribute("message", r.message());
            return problemView;
        }
    }

    ResponseEntity<byte[]> file(Locale locale, Supplier<ResponseEntity<byte[]>> work) {
        try {
            return work.get();
        } catch (AccessProblem | DerivativeUnavailable | ItemNotFound e) {
            Refusal r = refusal(e, locale);
            return ResponseEntity.status(r.status()).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .headers(Deliveries::guarded).body(r.message().getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Refusal(int status, String message) {
    }

    private Refusal refusal(RuntimeException e, Locale locale) {
        if (e instanceof AccessProblem p) {
            return new Refusal(p.status(), AccessProblems.message(messages, p, locale));
        }
        if (e instanceof DerivativeUnavailable d) {
            return new Refusal(404, messages.getMessage(d.code(), d.args(), locale));
        }
        return new Refusal(404, messages.getMessage("problem.not-found", null, locale));
    }
}
