package cn.lantai.preservation.internal.fixity;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.ItemId;
import cn.lantai.jobs.JobId;
import cn.lantai.preservation.FixityFailure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fixity audits' own tables (V18): a row per run with its counts, the objects a run has finished (its resume
 * point: committed with each object's results, removed when the run ends) and the failures, kept for good. Each failure
 * also goes to the audit trail in the same transaction, naming the record and the digests (not the file's name, which
 * may say what the record is about: the auditor reads no record).
 */
@Repository
public class FixityRuns {

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    FixityRuns(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    /** A run's row as stored. */
    public record Run(JobId id, String startedBy, Instant startedAt, Instant finishedAt, long total, long done,
            long filesChecked, long bytesChecked, long failures) {
    }

    @Transactional
    public void create(JobId id, String startedBy) {
        jdbc.sql("INSERT INTO fixity_audit (job_id, started_by, started_at) VALUES (?, ?, ?)")
                .params(id.value(), startedBy, Timestamp.from(Instant.now())).update();
    }

    public void total(JobId id, long objects) {
        jdbc.sql("UPDATE fixity_audit SET objects_total = ? WHERE job_id = ?").params(objects, id.value()).update();
    }

    /** The objects the run has finished (empty for a fresh run; what a resumed run skips). */
    public Set<Long> finishedObjects(JobId id) {
        return new HashSet<>(jdbc.sql("SELECT item_id FROM fixity_audit_object WHERE job_id = ?").param(id.value())
                .query(Long.class).list());
    }

    /**
     * Commits one object's results at once: the object marked finished, its failures listed, the run's counts moved on
     * and an audit entry per failure, all or none.
     */
    @Transactional
    public void objectFinished(JobId id, String actor, ObjectAudit audit) {
        jdbc.sql("INSERT INTO fixity_audit_object (job_id, item_id) VALUES (?, ?)")
                .params(id.value(), audit.record().value()).update();
        Timestamp now = Timestamp.from(Instant.now());
        List<AuditEvent> entries = new ArrayList<>();
        for (FixityFailure f : audit.failures()) {
            jdbc.sql("INSERT INTO fixity_failure (job_id, item_id, file, kind, expected, actual, found_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id.value(), f.record().value(), f.file(), f.kind().name(), cut(f.expected(), 200),
                            cut(f.actual(), 1000), now).update();
            entries.add(new AuditEvent(actor, null,
                    f.kind() == FixityFailure.Kind.MISSING ? "fixity.missing" : "fixity.mismatch",
                    "item:" + f.record().value(), f.expected(), f.actual() == null ? null
                            : cut(f.actual(), 1000) + " (fixity-audit:" + id + ")"));
        }
        jdbc.sql("UPDATE fixity_audit SET objects_done = objects_done + 1, files_checked = files_checked + ?, "
                + "bytes_checked = bytes_checked + ?, failures = failures + ? WHERE job_id = ?")
                .params(audit.files(), audit.bytes(), audit.failures().size(), id.value()).update();
        trail.recordAll(entries);
    }

    /** Ends the run: its resume point is no longer needed; its counts and failures stay. */
    @Transactional
    public void finish(JobId id) {
        jdbc.sql("UPDATE fixity_audit SET finished_at = ? WHERE job_id = ? AND finished_at IS NULL")
                .params(Timestamp.from(Instant.now()), id.value()).update();
        jdbc.sql("DELETE FROM fixity_audit_object WHERE job_id = ?").param(id.value()).update();
    }

    public Optional<Run> run(JobId id) {
        return jdbc.sql("SELECT * FROM fixity_audit WHERE job_id = ?").param(id.value()).query(FixityRuns::run)
                .optional();
    }

    /** The runs not marked finished, newest first. */
    public List<JobId> unfinished() {
        return jdbc.sql("SELECT job_id FROM fixity_audit WHERE finished_at IS NULL ORDER BY started_at DESC")
                .query((rs, n) -> new JobId(rs.getString(1))).list();
    }

    /** The newest runs, newest first. */
    public List<Run> newest(int limit) {
        return jdbc.sql("SELECT * FROM fixity_audit ORDER BY started_at DESC, job_id LIMIT ?").param(limit)
                .query(FixityRuns::run).list();
    }

    /** The run's failures in the order of records and files, at most {@code limit}. */
    public List<FixityFailure> failures(JobId id, int limit) {
        return jdbc.sql("SELECT * FROM fixity_failure WHERE job_id = ? ORDER BY item_id, file LIMIT ?")
                .params(id.value(), limit)
                .query((rs, n) -> new FixityFailure(new ItemId(rs.getLong("item_id")), rs.getString("file"),
                        FixityFailure.Kind.valueOf(rs.getString("kind")), rs.getString("expected"),
                        rs.getString("actual")))
                .list();
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(new JobId(rs.getString("job_id")), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getLong("objects_total"), rs.getLong("objects_done"), rs.getLong("files_checked"),
                rs.getLong("bytes_checked"), rs.getLong("failures"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
