package cn.lantai.preservation.web;

import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobNotFound;
import cn.lantai.preservation.FixityAuditReport;
import cn.lantai.preservation.FixityAuditStart;
import cn.lantai.preservation.FixityAudits;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/fixity-audits} starts an audit of the whole store (202 and its id, or the id of the one under
 * way); {@code GET /api/v1/fixity-audits/{id}} answers its state, progress and failures.
 */
@RestController
@RequestMapping("/api/v1/fixity-audits")
class FixityAuditController {

    /** Job ids are UUIDs; anything else is no audit, answered before a query is made of it. */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final FixityAudits audits;

    FixityAuditController(FixityAudits audits) {
        this.audits = audits;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> start(Viewer viewer) {
        FixityAuditStart start = audits.start(viewer);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", start.id().value());
        body.put("started", start.started());
        return ResponseEntity.accepted().location(URI.create("/api/v1/fixity-audits/" + start.id())).body(body);
    }

    @GetMapping("/{id}")
    Map<String, Object> report(@PathVariable String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw new JobNotFound(new JobId("?"));
        }
        FixityAuditReport report = audits.report(new JobId(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", report.id().value());
        body.put("state", report.state());
        body.put("done", report.done());
        body.put("total", report.total());
        body.put("filesChecked", report.filesChecked());
        body.put("bytesChecked", report.bytesChecked());
        body.put("failureCount", report.failureCount());
        body.put("failures", report.failures().stream().map(f -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("record", f.record().value());
            failure.put("file", f.file());
            failure.put("expected", f.expected());
            failure.put("actual", f.actual());
            failure.put("kind", f.kind());
            return failure;
        }).toList());
        body.put("startedBy", report.startedBy());
        body.put("startedAt", report.startedAt());
        body.put("finishedAt", report.finishedAt());
        return body;
    }
}
