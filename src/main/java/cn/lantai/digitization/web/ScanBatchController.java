package cn.lantai.digitization.web;

import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.BatchNotFound;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchRefused;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatches;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Scan batches in the API: {@code POST /api/v1/scan-batches} with a multipart {@code batch} (a zip) and the options
 * as form fields, or JSON {@code {"path": …}} (relative to the inbox) with the options beside it → 202 and the batch;
 * {@code GET …} (the person's batches), {@code GET …/{id}} and {@code GET …/{id}/report} (state, progress, counts,
 * entries and problems), {@code POST …/{id}/pause}, {@code …/resume}, {@code …/rerun} ({@code {"accept": {档号: n}}}).
 * Options: {@code minDpi} (200), {@code denseText} (300 dpi at least), {@code maxSkew} (2°), {@code blankCheck}
 * (true), {@code deskew}, {@code cropBorders}, {@code rotate} (0/90/180/270, or {@code auto}: each page's orientation
 * detected by the OCR engine), {@code scope} (a 档号 prefix).
 */
@RestController
@RequestMapping("/api/v1/scan-batches")
class ScanBatchController {

    private final ScanBatches batches;
    private final MessageSource messages;

    ScanBatchController(ScanBatches batches, MessageSource messages) {
        this.batches = batches;
        this.messages = messages;
    }

    /** The options as JSON or form fields give them; missing ones take their defaults. */
    record Options(String path, Integer minDpi, Boolean denseText, Double maxSkew, Boolean blankCheck, Boolean deskew,
            Boolean cropBorders, String rotate, String scope) {

        BatchOptions options() {
            BatchOptions d = BatchOptions.defaults();
            return new BatchOptions(minDpi == null ? d.minDpi() : minDpi, Boolean.TRUE.equals(denseText),
                    maxSkew == null ? d.maxSkew() : maxSkew, blankCheck == null || blankCheck,
                    Boolean.TRUE.equals(deskew), Boolean.TRUE.equals(cropBorders), BatchOptions.rotation(rotate),
                    scope);
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@RequestPart("batch") MultipartFile zip, Options options,
            Viewer viewer) throws IOException {
        if (zip.getSize() > batches.maxUpload()) {
            throw new BatchRefused(413, "digitization.batch.too-large", batches.maxUpload() >> 20);
        }
        BatchOptions chosen = options.options();
        ScanBatch batch = batches.submitZip(zip.getInputStream(), chosen, viewer);
        return accepted(batch);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> inbox(@RequestBody Options options, Viewer viewer) {
        ScanBatch batch = batches.submitInbox(options.path(), options.options(), viewer);
        return accepted(batch);
    }

    @GetMapping
    List<Map<String, Object>> list(Viewer viewer) {
        return batches.batches(viewer).stream().map(ScanBatchController::body).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> one(@PathVariable long id, Viewer viewer, Locale locale) {
        return report(batches.report(id, viewer), locale);
    }

    @GetMapping("/{id}/report")
    Map<String, Object> report(@PathVariable long id, Viewer viewer, Locale locale) {
        return report(batches.report(id, viewer), locale);
    }

    @PostMapping("/{id}/pause")
    Map<String, Object> pause(@PathVariable long id, Viewer viewer) {
        return body(batches.pause(id, viewer));
    }

    @PostMapping("/{id}/resume")
    Map<String, Object> resume(@PathVariable long id, Viewer viewer) {
        return body(batches.resume(id, viewer));
    }

    /** A re-run of the held entries; the body is optional: {@code {"accept": {"档号": pages}}}. */
    record Rerun(Map<String, Integer> accept) {
    }

    @PostMapping("/{id}/rerun")
    ResponseEntity<Map<String, Object>> rerun(@PathVariable long id, @RequestBody(required = false) Rerun rerun,
            Viewer viewer) {
        return ResponseEntity.accepted().body(body(batches.rerun(id, rerun == null ? null : rerun.accept(), viewer)));
    }

    private static ResponseEntity<Map<String, Object>> accepted(ScanBatch batch) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/scan-batches/" + batch.id())).body(body(batch));
    }

    static Map<String, Object> body(ScanBatch b) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", b.id());
        body.put("state", b.state());
        body.put("source", b.source());
        body.put("options", b.options());
        body.put("processing", b.options().processing() ? Map.of("deskew", b.options().deskew(), "cropBorders",
                b.options().cropBorders(), "rotate", b.options().autoRotate() ? "auto" : b.options().rotate()) : Map.of());
        body.put("job", b.job() == null ? null : b.job().value());
        body.put("progress", Map.of("done", b.counts().pagesDone(), "total", b.counts().pagesTotal()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pages", b.counts().pagesTotal());
        counts.put("entries", b.counts().entries());
        counts.put("attached", b.counts().attached());
        counts.put("held", b.counts().held());
        counts.put("orphans", b.counts().orphans());
        counts.put("problems", b.counts().problems());
        body.put("counts", counts);
        body.put("message", b.message());
        body.put("createdBy", b.createdBy());
        body.put("createdAt", b.createdAt());
        body.put("finishedAt", b.finishedAt());
        body.put("report", "/api/v1/scan-batches/" + b.id() + "/report");
        return body;
    }

    /** The report; each problem's {@code reason} in the request's language (zh-CN unless English is asked for). */
    Map<String, Object> report(ScanBatch.Report r, Locale locale) {
        Map<String, Object> body = body(r.batch());
        body.put("entries", r.entries());
        body.put("problems", r.problems().stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("code", p.code());
            problem.put("archivalCode", p.archivalCode());
            problem.put("file", p.file());
            problem.put("page", p.page());
            problem.put("reason", p.reason(messages, locale));
            return problem;
        }).toList());
        return body;
    }

    @ExceptionHandler(BatchNotFound.class)
    ProblemDetail notFound(BatchNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
    }

    @ExceptionHandler(BatchRefused.class)
    ProblemDetail refused(BatchRefused e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        p.setProperty("code", e.code());
        return p;
    }
}
