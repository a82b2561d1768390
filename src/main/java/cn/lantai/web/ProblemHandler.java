package cn.lantai.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.CatalogConflict;
import cn.lantai.catalog.CatalogImports;
import cn.lantai.catalog.FieldsInUse;
import cn.lantai.catalog.InvalidEntry;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.NotPermitted;
import cn.lantai.identity.AccountNotFound;
import cn.lantai.identity.IdentityProblem;
import cn.lantai.identity.PasswordRejected;
import cn.lantai.identity.SeparationOfDuties;
import cn.lantai.catalog.Violation;
import cn.lantai.jobs.JobNotFound;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Maps the modules' exceptions to RFC 9457 problem responses with messages from the i18n bundle, for the API's
 * controllers; the workbench's pages have {@link PageErrors}. Just after the highest precedence: a module's own advice
 * for its controllers (at the highest) is asked first, whatever order the advices were found in, and this one, with
 * its catch-all, before Boot's defaults.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProblemHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    ProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidEntry.class)
    ProblemDetail invalid(InvalidEntry e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid-entry", null, locale));
        List<Map<String, Object>> violations = e.violations().stream().map(v -> render(v, locale)).toList();
        p.setProperty("violations", violations);
        return p;
    }

    @ExceptionHandler({ItemNotFound.class, JobNotFound.class})
    ProblemDetail notFound(RuntimeException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("problem.not-found", null, locale));
    }

    @ExceptionHandler(CatalogConflict.class)
    ProblemDetail conflict(CatalogConflict e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(e.code(), e.args(), locale));
    }

    /** A category's definition that its records contradict: 409, with each field's refusal as a violation. */
    @ExceptionHandler(FieldsInUse.class)
    ProblemDetail fieldsInUse(FieldsInUse e, Locale locale) {
        ProblemDetail p = conflict(e, locale);
        p.setProperty("violations", e.violations().stream().map(v -> render(v, locale)).toList());
        return p;
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.getMessage(e.code(), e.args(), locale));
    }

    @ExceptionHandler(AccountNotFound.class)
    ProblemDetail noAccount(AccountNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage(e.code(), e.args(), locale));
    }

    @ExceptionHandler(SeparationOfDuties.class)
    ProblemDetail separation(SeparationOfDuties e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.getMessage(e.code(), e.args(), locale));
    }

    @ExceptionHandler(IdentityProblem.class)
    ProblemDetail identity(IdentityProblem e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.args(), locale));
        if (e instanceof PasswordRejected rejected) {
            p.setProperty("reasons", rejected.reasons().stream()
                    .map(r -> messages.getMessage(r, null, r, locale)).toList());
        }
        return p;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("problem.too-large", null, locale));
    }

    @ExceptionHandler(CatalogImports.UnreadableImport.class)
    ProblemDetail unreadable(CatalogImports.UnreadableImport e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.validation.BindException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class,
            java.nio.charset.UnsupportedCharsetException.class, java.nio.charset.IllegalCharsetNameException.class})
    ProblemDetail malformed(Exception e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.bad-request", new Object[] {e.getMessage()}, locale));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.bad-request", new Object[] {e.getMessage()}, locale));
    }

    /**
     * Whatever nothing above maps: Spring's own web exceptions keep their status (405, 406, 415 …); anything else is a
     * generic 500 problem that shows no internals (the log has them), never Spring's bare error JSON. Access refusals
     * go on to Spring Security, which answers 401/403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        if (e instanceof org.springframework.web.ErrorResponse known) {
            // with its headers: Allow on a 405, Accept on a 415
            return ResponseEntity.status(known.getStatusCode()).headers(known.getHeaders()).body(known.getBody());
        }
        log.error("Unexpected failure of an API request", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("problem.unexpected", null, locale)));
    }

    private Map<String, Object> render(Violation v, Locale locale) {
        return Map.of("field", v.field(), "value", v.value() == null ? "" : v.value(), "code", v.code(),
                "message", messages.getMessage(v.code(), v.args().toArray(), v.code(), locale));
    }
}
