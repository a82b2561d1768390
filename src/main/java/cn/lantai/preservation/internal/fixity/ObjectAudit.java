package cn.lantai.preservation.internal.fixity;

import cn.lantai.catalog.ItemId;
import cn.lantai.jobs.JobId;
import cn.lantai.preservation.FixityFailure;
import cn.lantai.preservation.PreservationEvent;
import java.util.List;

/** What auditing one object found: the head version re-read, how many files and bytes, and its failures. */
public record ObjectAudit(ItemId record, long version, long files, long bytes, List<FixityFailure> failures) {

    static final String AGENT = "Lantai fixity audit";

    public ObjectAudit {
        failures = List.copyOf(failures);
    }

    /**
     * The PREMIS events this audit appends to the object: one success naming the algorithms and the version, or one
     * failure per damaged or missing file naming the digests expected and found.
     */
    public List<PreservationEvent> events(JobId run) {
        if (failures.isEmpty()) {
            return List.of(PreservationEvent.success(PreservationEvent.FIXITY_CHECK, AGENT, "SHA-256 and SM3 of " + files
                    + " file(s) of v" + version + " match the inventory (audit " + run + ")", null));
        }
        return failures.stream().map(f -> PreservationEvent.failure(PreservationEvent.FIXITY_CHECK, AGENT,
                (f.kind() == FixityFailure.Kind.MISSING ? "missing from v" + version + "; expected " + f.expected()
                        : "v" + version + ": expected " + f.expected() + ", found " + f.actual())
                        + " (audit " + run + ")", f.file())).toList();
    }
}
