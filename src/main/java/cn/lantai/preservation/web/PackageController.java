package cn.lantai.preservation.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.lantai.catalog.ItemFilter;
import cn.lantai.catalog.Retention;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.preservation.PackageFormat;
import cn.lantai.preservation.PackageNotReady;
import cn.lantai.preservation.PackageTooLarge;
import cn.lantai.preservation.Packages;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Packages out in the API: {@code POST /api/v1/packages} with {@code {"format": "bagit"|"eark", "ids": […]}} or
 * {@code {"format": …, "filter": {"fonds", "category", "year", "retention", "org"}}} starts the job (202, Location
 * of its status); {@code GET /api/v1/packages/{id}} answers its state and progress; {@code GET …/zip} sends the
 * finished zip (with HTTP Range, so a large package can be fetched again from where a transfer broke off).
 */
@RestController
class PackageController {

    private final Packages packages;
    private final MessageSource messages;

    PackageController(Packages packages, MessageSource messages) {
        this.packages = packages;
        this.messages = messages;
    }

    record PackageBody(String format, List<Long> ids, Map<String, String> filter) {

        Packages.PackageRequest request() {
            return new Packages.PackageRequest(ids, filter == null ? null : filterOf(filter),
                    PackageFormat.parse(format));
        }
    }

    @PostMapping("/api/v1/packages")
    ResponseEntity<Map<String, Object>> submit(@RequestBody PackageBody body, Viewer viewer) {
        JobId id = packages.submit(body.request(), viewer);
        return ResponseEntity.accepted().location(URI.create("/api/v1/packages/" + id.value()))
                .body(status(packages.status(id, viewer)));
    }

    @GetMapping("/api/v1/packages/{id}")
    Map<String, Object> status(@PathVariable String id, Viewer viewer) {
        return status(packages.status(new JobId(id), viewer));
    }

    @GetMapping("/api/v1/packages/{id}/zip")
    ResponseEntity<Resource> zip(@PathVariable String id, Viewer viewer) {
        JobId job = new JobId(id);
        return FileResponses.zip(packages.zip(job, viewer), packages.fileName(packages.status(job, viewer)));
    }

    @ExceptionHandler(PackageTooLarge.class)
    ProblemDetail tooLarge(PackageTooLarge e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("package.too-many", new Object[] {e.limit()}, locale));
    }

    @ExceptionHandler(PackageNotReady.class)
    ProblemDetail notReady(PackageNotReady e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("package.not-ready", null, locale));
    }

    private Map<String, Object> status(JobStatus job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id().value());
        body.put("format", packages.format(job).name().toLowerCase(Locale.ROOT));
        body.put("state", job.state());
        body.put("done", job.done());
        body.put("total", job.total());
        body.put("message", job.state() == JobState.FAILED ? job.message() : null);
        body.put("download", job.state() == JobState.SUCCEEDED ? "/api/v1/packages/" + job.id().value() + "/zip" : null);
        return body;
    }

    /** The catalogue's filter parts; an unknown 保管期限 or a year that is no number is a 400. */
    static ItemFilter filterOf(Map<String, String> filter) {
        String year = blank(filter.get("year"));
        Integer y = year == null ? null : Integer.valueOf(year);
        String retention = blank(filter.get("retention"));
        return new ItemFilter(blank(filter.get("fonds")), blank(filter.get("category")), y, y,
                retention == null ? null : Retention.parse(retention)
                        .orElseThrow(() -> new IllegalArgumentException("retention " + retention)),
                blank(filter.get("org")), null, null, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
