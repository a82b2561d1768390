package cn.lantai.accession.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import cn.lantai.accession.RecheckNotFound;
import cn.lantai.accession.RecheckResult;
import cn.lantai.accession.RecheckRun;
import cn.lantai.accession.StoredRecordChecks;
import cn.lantai.catalog.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four-properties check of stored records in the API: {@code POST /api/v1/four-properties-checks} with
 * {@code {"ids": […]}} or {@code {"all": true}} starts a run (202, Location of its report);
 * {@code GET /api/v1/four-properties-checks/{id}} answers its state, counts and each record's checks;
 * {@code …/report.pdf} the sealed report.
 */
@RestController
class RecheckController {

    private final StoredRecordChecks checks;
    private final MessageSource messages;

    RecheckController(StoredRecordChecks checks, MessageSource messages) {
        this.checks = checks;
        this.messages = messages;
    }

    record RecheckBody(List<Long> ids, Boolean all) {
    }

    /** A run's state and its records' results. */
    record RecheckAnswer(RecheckRun run, List<RecheckResult> records) {
    }

    @PostMapping("/api/v1/four-properties-checks")
    ResponseEntity<RecheckRun> start(@RequestBody RecheckBody body, Viewer viewer) {
        boolean all = Boolean.TRUE.equals(body.all());
        if (all == (body.ids() != null)) {
            throw new IllegalArgumentException("either ids or all");
        }
        String id = checks.start(all ? null : body.ids(), viewer);
        return ResponseEntity.accepted().location(URI.create("/api/v1/four-properties-checks/" + id))
                .body(checks.run(id));
    }

    @GetMapping("/api/v1/four-properties-checks/{id}")
    RecheckAnswer run(@PathVariable String id) {
        return new RecheckAnswer(checks.run(id), checks.results(id));
    }

    @GetMapping("/api/v1/four-properties-checks/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String id, Viewer viewer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"four-properties-" + id + ".pdf\"")
                .body(checks.reportPdf(id, viewer));
    }

    @ExceptionHandler(RecheckNotFound.class)
    ProblemDetail notFound(RecheckNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
    }
}
