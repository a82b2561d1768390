package cn.lantai.accession;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.lantai.accession.internal.RecheckJob;
import cn.lantai.accession.internal.RecheckLedger;
import cn.lantai.accession.internal.SealedForms;
import cn.lantai.audit.ArchiveSeal;
import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four-properties check of the records the archival store holds (DA/T 70-2018), run again on demand and on a
 * schedule ({@code lantai.accession.recheck-schedule}, a cron, yearly by default: DA/T 92 asks at least that) as a
 * resumable background job; each record's result and a PREMIS validation event in its object, the run's report as
 * JSON and as a sealed PDF. Starting and reading runs is the receiving staff's ({@code RECEIVE}): it is the archive's
 * own care of what it received, and the reports name records and files.
 */
@Service
public class StoredRecordChecks {

    /** The most records one request may name; the whole store is asked for with "all". */
    public static final int MAX_IDS = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Jobs jobs;
    private final RecheckLedger ledger;
    private final AuditTrail trail;
    private final ArchiveSeal seal;

    StoredRecordChecks(Jobs jobs, RecheckLedger ledger, AuditTrail trail, ArchiveSeal seal) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.trail = trail;
        this.seal = seal;
    }

    /**
     * Starts a run over the given records (ids of the catalogue), or over every record the store holds when
     * {@code ids} is null. Recorded in the audit trail (DA/T 70's "process logged").
     */
    @PreAuthorize("hasAuthority('RECEIVE')")
    @Transactional
    public String start(List<Long> ids, Viewer viewer) {
        if (ids != null && (ids.isEmpty() || ids.size() > MAX_IDS)) {
            throw new IllegalArgumentException("between 1 and " + MAX_IDS + " record ids, or all");
        }
        String id = begin(ids, viewer.name());
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.recheck", "run:" + id, null,
                ids == null ? RecheckJob.ALL : ids.size() + " record(s)"));
        return id;
    }

    /** The scheduled run over the whole store. */
    @Scheduled(cron = "${lantai.accession.recheck-schedule:0 0 2 1 1 *}")
    @Transactional
    public void startScheduled() {
        String id = begin(null, "Lantai");
        trail.record(new AuditEvent("Lantai", null, "accession.recheck", "run:" + id, null, RecheckJob.ALL));
    }

    private String begin(List<Long> ids, String actor) {
        String params = ids == null ? RecheckJob.ALL : ids.stream().distinct().map(String::valueOf)
                .collect(Collectors.joining(","));
        JobId job = jobs.submit(RecheckJob.KIND, params, actor);
        ledger.start(job.value(), ids == null ? "all" : "ids", actor);
        return job.value();
    }

    @PreAuthorize("hasAuthority('RECEIVE')")
    public RecheckRun run(String id) {
        return summary(ledger.run(id).orElseThrow(() -> new RecheckNotFound(id)));
    }

    /** The newest runs, at most {@code limit}. */
    @PreAuthorize("hasAuthority('RECEIVE')")
    public List<RecheckRun> runs(int limit) {
        return ledger.runs(limit).stream().map(this::summary).toList();
    }

    /** Each record's result in the run so far, failed ones first. */
    @PreAuthorize("hasAuthority('RECEIVE')")
    public List<RecheckResult> results(String id) {
        run(id);
        return ledger.results(id);
    }

    /** The run's report as a sealed PDF: every failed check, and the records that passed by count. */
    @PreAuthorize("hasAuthority('RECEIVE')")
    public byte[] reportPdf(String id, Viewer viewer) {
        RecheckRun run = run(id);
        List<PropertyCheck> failures = new ArrayList<>();
        ledger.results(id).forEach(r -> failures.addAll(r.checks().stream().filter(PropertyCheck::failed).toList()));
        List<String> lines = List.of("检测编号：" + run.id(), "范围：" + ("all".equals(run.scope()) ? "保存库全部记录" : "指定记录"),
                "发起：" + run.startedBy() + "　" + TIME.format(run.startedAt())
                        + (run.finishedAt() == null ? "（进行中）" : "　完成：" + TIME.format(run.finishedAt())),
                "已检测 " + run.checked() + " 件，未通过 " + run.failed() + " 件；下表列出每一项未通过的检测");
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "accession.recheck-report", "run:" + id, null,
                null));
        return seal.sealedPdf(SealedForms.report("保存库电子档案四性检测报告", lines, failures));
    }

    private RecheckRun summary(RecheckLedger.Run run) {
        JobStatus job = jobs.status(new JobId(run.id()));
        return new RecheckRun(run.id(), run.scope(), run.startedBy(), run.startedAt(), run.finishedAt(), job.state(),
                job.done(), job.total(), ledger.count(run.id(), false), ledger.count(run.id(), true));
    }
}
