package cn.lantai.jobs.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    Map<String, Object> job(@PathVariable String id, Principal caller) {
        JobStatus job = jobs.statusFor(new JobId(id), caller.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id().value());
        body.put("kind", job.kind());
        body.put("state", job.state());
        body.put("done", job.done());
        body.put("total", job.total());
        body.put("accepted", job.accepted());
        body.put("rejected", job.rejected());
        body.put("message", job.message());
        body.put("createdAt", job.createdAt());
        body.put("finishedAt", job.finishedAt());
        body.put("report", jobs.reportLink(job));
        return body;
    }
}
