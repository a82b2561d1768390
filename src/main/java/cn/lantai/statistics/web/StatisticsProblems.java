package cn.lantai.statistics.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.lantai.statistics.StatisticsProblem;
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
 * How the statistics' controllers answer a {@link StatisticsProblem}: under {@code /api/} as problem+json (the
 * status, the message in the caller's language and its bundle key as {@code code}), on a page that did not answer it
 * itself as a short text with the status. A key missing from the bundles is shown as the key, never a 500. Ordered
 * before the application's catch-all handler.
 */
@ControllerAdvice(basePackages = "cn.lantai.statistics.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatisticsProblems {

    private final MessageSource messages;

    StatisticsProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(StatisticsProblem.class)
    ResponseEntity<?> problem(StatisticsProblem e, HttpServletRequest request, Locale locale) {
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
