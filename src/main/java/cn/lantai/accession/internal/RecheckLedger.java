package cn.lantai.accession.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.RecheckResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The runs of the stored records' check and each record's result (V22). */
@Repository
public class RecheckLedger {

    private static final TypeReference<List<PropertyCheck>> CHECKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecheckLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A run's row: its scope ({@code all}, or {@code ids}) and who started it when. */
    public record Run(String id, String scope, String startedBy, Instant startedAt, Instant finishedAt) {
    }

    public void start(String id, String scope, String startedBy) {
        jdbc.sql("INSERT INTO record_check_run (id, scope, started_by, started_at) VALUES (?, ?, ?, ?)")
                .params(id, scope, startedBy, Timestamp.from(Instant.now())).update();
    }

    public void finish(String id) {
        jdbc.sql("UPDATE record_check_run SET finished_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), id)
                .update();
    }

    public Optional<Run> run(String id) {
        return jdbc.sql(RUN + " WHERE id = ?").param(id).query(this::toRun).optional();
    }

    /** The newest runs first. */
    public List<Run> runs(int limit) {
        return jdbc.sql(RUN + " ORDER BY started_at DESC, id FETCH FIRST ? ROWS ONLY").param(limit).query(this::toRun)
                .list();
    }

    public void record(String runId, RecheckResult result) {
        jdbc.sql("""
                INSERT INTO record_check_result (run_id, item_id, archival_code, passed, checks)
                VALUES (?, ?, ?, ?, ?)""")
                .params(runId, result.recordId(), result.archivalCode(),
                        result.result() == PropertyCheck.Result.PASS, json.writeValueAsString(result.checks()))
                .update();
    }

    /** The records this run has checked already (a resumed run skips them). */
    public Set<Long> checked(String runId) {
        return Set.copyOf(jdbc.sql("SELECT item_id FROM record_check_result WHERE run_id = ?").param(runId)
                .query(Long.class).list());
    }

    public long count(String runId, boolean failedOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM record_check_result WHERE run_id = ?"
                + (failedOnly ? " AND passed = FALSE" : "")).param(runId).query(Long.class).single();
    }

    /** The run's results, failed records first, then by 档号. */
    public List<RecheckResult> results(String runId) {
        return jdbc.sql("""
                SELECT item_id, archival_code, passed, checks FROM record_check_result WHERE run_id = ?
                ORDER BY passed, archival_code, item_id""").param(runId)
                .query((rs, n) -> new RecheckResult(rs.getLong("item_id"), rs.getString("archival_code"),
                        rs.getBoolean("passed") ? PropertyCheck.Result.PASS : PropertyCheck.Result.FAIL,
                        json.readValue(rs.getString("checks"), CHECKS)))
                .list();
    }

    private static final String RUN = "SELECT id, scope, started_by, started_at, finished_at FROM record_check_run";

    private Run toRun(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getString("id"), rs.getString("scope"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
