package cn.lantai.accession.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.accession.RecheckResult;
import cn.lantai.catalog.ItemId;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.PreservationEvent;
import org.springframework.stereotype.Component;

/**
 * The background job of a run over stored records (kind {@value #KIND}; parameters {@code all} or the ids, comma
 * separated). Per record: the check, a PREMIS validation event appended to its object, then its result row with the
 * job's progress. A restarted run skips the records whose result is written; a record a crash caught between its
 * event and its result is checked again (its history then shows two checks, both true).
 */
@Component
public class RecheckJob implements JobHandler {

    public static final String KIND = "stored-record-check";
    public static final String ALL = "all";

    private final Jobs jobs;
    private final ArchivalStore store;
    private final StoredRecordCheck check;
    private final RecheckLedger ledger;

    RecheckJob(Jobs jobs, ArchivalStore store, StoredRecordCheck check, RecheckLedger ledger) {
        this.jobs = jobs;
        this.store = store;
        this.check = check;
        this.ledger = ledger;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String reportLink(JobId id) {
        return "/api/v1/four-properties-checks/" + id.value();
    }

    @Override
    public void run(JobStatus job) {
        String runId = job.id().value();
        List<ItemId> records = records(job.params());
        Set<Long> done = ledger.checked(runId);
        long checked = done.size();
        long failed = ledger.count(runId, true);
        for (ItemId id : records) {
            if (done.contains(id.value())) {
                continue;
            }
            RecheckResult result = checkOne(runId, id);
            ledger.record(runId, result);
            checked++;
            failed += result.result() == Result.FAIL ? 1 : 0;
            jobs.progress(job.id(), "checking", checked, records.size(), checked - failed, failed);
        }
        ledger.finish(runId);
        jobs.succeed(job.id(), checked, records.size(), checked - failed, failed, null);
    }

    private RecheckResult checkOne(String runId, ItemId id) {
        StoredRecordCheck.Outcome outcome = check.check(id);
        boolean passed = outcome.report().passed();
        if (store.holds(id) && store.record(id).isPresent()) {
            String detail = "four-properties check (DA/T 70-2018), run " + runId + ": "
                    + outcome.report().checks().size() + " checks, " + (passed ? "all passed" : "failed: "
                    + String.join(", ", outcome.report().failures().stream()
                            .map(f -> f.code() + (f.file().isEmpty() ? "" : " " + f.file())).toList()));
            store.recordEvents(id, List.of(passed
                    ? PreservationEvent.success(PreservationEvent.VALIDATION, "Lantai", detail, null)
                    : PreservationEvent.failure(PreservationEvent.VALIDATION, "Lantai", detail, null)), "Lantai");
        }
        return new RecheckResult(id.value(), outcome.archivalCode(), passed
                ? Result.PASS : Result.FAIL,
                outcome.report().checks());
    }

    private List<ItemId> records(String params) {
        if (ALL.equals(params)) {
            try (Stream<ItemId> ids = store.records()) {
                return ids.sorted((a, b) -> Long.compare(a.value(), b.value())).toList();
            }
        }
        return Arrays.stream(params.split(",")).filter(s -> !s.isBlank()).map(s -> new ItemId(Long.parseLong(s)))
                .toList();
    }
}
