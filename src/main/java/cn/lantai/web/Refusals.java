package cn.lantai.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.lantai.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * How every controller answers a module's {@link Refusal} that it did not answer itself: under {@code /api/} as
 * problem+json (the status, the message in the caller's language and its bundle key as {@code code}), elsewhere (a
 * page, a download) as a short text with the status. A key missing from the bundles is shown as the key, never a 500.
 * Ordered before the application's catch-all handler.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<?> refused(Refusal e, HttpServletRequest request, Locale locale) {
        String message = messages.getMessage(e.key(), e.arguments(), e.key(), locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), message);
            p.setProperty("code", e.key());
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.status(e.status()).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(message);
    }
}
