package cn.lantai.access.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.lantai.access.AccessProblem;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the access module answers an {@link AccessProblem}: the API as problem+json (the status, the message in the
 * caller's language, and its bundle key as {@code code}), a page that did not answer it itself (a download, a page of
 * the desk's alone) as a short text with the status. A key missing from the bundles is shown as the key, never a 500.
 * Ordered first, before the application's catch-all handler.
 */
final class AccessProblems {

    private AccessProblems() {
    }

    static String message(MessageSource messages, AccessProblem e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }

    @RestControllerAdvice(assignableTypes = {ReadingRoomController.class, UseStatisticsController.class,
            AccessRequestController.class, CertificateController.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Api {

        private final MessageSource messages;

        Api(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(AccessProblem.class)
        ProblemDetail problem(AccessProblem e, Locale locale) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
                    message(messages, e, locale));
            p.setProperty("code", e.code());
            return p;
        }
    }

    @ControllerAdvice(assignableTypes = {RequestPages.class, CertificatePages.class, ReadingRoomPages.class,
            UseStatisticsPages.class, PortalRegistrationPages.class, PortalRequestPages.class, VerifyPage.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Pages {

        private final MessageSource messages;

        Pages(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(AccessProblem.class)
        ResponseEntity<String> problem(AccessProblem e, Locale locale) {
            return ResponseEntity.status(e.status()).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(message(messages, e, locale));
        }
    }
}
