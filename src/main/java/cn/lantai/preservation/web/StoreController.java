package cn.lantai.preservation.web;

import cn.lantai.jobs.JobId;
import cn.lantai.preservation.CatalogueRebuilds;
import cn.lantai.preservation.RebuildRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store's maintenance in the API: {@code POST /api/v1/store/rebuild-catalogue[?replace=true]} starts the rebuild
 * of the catalogue from the store, the system administrator's; 202 with the job, followed at
 * {@code /api/v1/jobs/{id}}; 409 over a catalogue that is not empty unless {@code replace=true}.
 */
@RestController
class StoreController {

    private final CatalogueRebuilds rebuilds;
    private final MessageSource messages;

    StoreController(CatalogueRebuilds rebuilds, MessageSource messages) {
        this.rebuilds = rebuilds;
        this.messages = messages;
    }

    @PostMapping("/api/v1/store/rebuild-catalogue")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> rebuild(@RequestParam(defaultValue = "false") boolean replace, Principal caller,
            HttpServletRequest request) {
        JobId job = rebuilds.start(replace, caller.getName(), request.getRemoteAddr());
        return Map.of("job", job.value(), "status", "/api/v1/jobs/" + job.value());
    }

    @ExceptionHandler(RebuildRefused.class)
    ProblemDetail refused(Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("store.rebuild.refused", null, locale));
    }
}
