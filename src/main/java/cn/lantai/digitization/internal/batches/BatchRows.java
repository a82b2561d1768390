package cn.lantai.digitization.internal.batches;

import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.BatchOptions;
import cn.lantai.digitization.BatchProblem;
import cn.lantai.digitization.ScanBatch;
import cn.lantai.digitization.ScanBatch.Counts;
import cn.lantai.digitization.ScanBatch.State;
import cn.lantai.jobs.JobId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The scan batches ({@code scan_batch}), their 档号 ({@code scan_batch_entry}) and problems ({@code scan_batch_problem}). */
@Repository
public class BatchRows {

    private static final TypeReference<List<BatchFile>> FILES = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    BatchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One 档号 of a batch as stored. */
    public record EntryRow(long batch, String archivalCode, String state, Long itemId, List<BatchFile> files,
            int pages, List<String> digests, Integer acceptedPages) {
    }

    public long create(String source, String sourcePath, BatchOptions options, Viewer viewer) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO scan_batch (state, source, source_path, options, viewer, prepared, pages_total, pages_done,
                created_by, created_at) VALUES ('QUEUED', ?, ?, ?, ?, FALSE, 0, 0, ?, ?)""")
                .params(source, sourcePath, json.writeValueAsString(options), json.writeValueAsString(viewer),
                        viewer.name(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setSourcePath(long id, String path) {
        jdbc.sql("UPDATE scan_batch SET source_path = ? WHERE id = ?").params(path, id).update();
    }

    public void setJob(long id, JobId job) {
        jdbc.sql("UPDATE scan_batch SET job_id = ? WHERE id = ?").params(job.value(), id).update();
    }

    public Optional<Long> byJob(JobId job) {
        return jdbc.sql("SELECT id FROM scan_batch WHERE job_id = ?").param(job.value()).query(Long.class).optional();
    }

    public Optional<ScanBatch> batch(long id) {
        return jdbc.sql("SELECT * FROM scan_batch WHERE id = ?").param(id).query(this::batchRow).optional();
    }

    public List<ScanBatch> startedBy(String person, int limit) {
        return jdbc.sql("SELECT * FROM scan_batch WHERE created_by = ? ORDER BY created_at DESC, id DESC "
                + "FETCH FIRST ? ROWS ONLY").params(person, limit).query(this::batchRow).list();
    }

    /** Where the batch stands and which job runs it: read between entries, without counting anything. */
    public record Steering(State state, JobId job, long pagesDone, long pagesTotal) {
    }

    public Steering steering(long id) {
        return jdbc.sql("SELECT state, job_id, pages_done, pages_total FROM scan_batch WHERE id = ?").param(id)
                .query((rs, n) -> new Steering(State.valueOf(rs.getString("state")),
                        rs.getString("job_id") == null ? null : new JobId(rs.getString("job_id")),
                        rs.getLong("pages_done"), rs.getLong("pages_total")))
                .single();
    }

    /** The options of the batch that last attached the entry's pages. */
    public Optional<BatchOptions> lastAttachedOptions(long itemId) {
        return jdbc.sql("""
                SELECT b.options FROM scan_batch_entry e JOIN scan_batch b ON b.id = e.batch_id
                WHERE e.item_id = ? AND e.state = 'ATTACHED' ORDER BY b.id DESC FETCH FIRST 1 ROWS ONLY""")
                .param(itemId).query(String.class).optional().map(o -> json.readValue(o, BatchOptions.class));
    }

    public String sourcePath(long id) {
        return jdbc.sql("SELECT source_path FROM scan_batch WHERE id = ?").param(id).query(String.class).single();
    }

    public Viewer viewer(long id) {
        return json.readValue(jdbc.sql("SELECT viewer FROM scan_batch WHERE id = ?").param(id).query(String.class)
                .single(), Viewer.class);
    }

    /**
     * The person's catalogue view the batch's next run attaches with: saved again at every resume and re-run, so a
     * clearance or data scope lowered since the submission holds for what is attached from then on.
     */
    public void setViewer(long id, Viewer viewer) {
        jdbc.sql("UPDATE scan_batch SET viewer = ? WHERE id = ?").params(json.writeValueAsString(viewer), id).update();
    }

    public boolean prepared(long id) {
        return jdbc.sql("SELECT prepared FROM scan_batch WHERE id = ?").param(id).query(Boolean.class).single();
    }

    public void markPrepared(long id, long pagesTotal) {
        jdbc.sql("UPDATE scan_batch SET prepared = TRUE, pages_total = ?, pages_done = 0 WHERE id = ?")
                .params(pagesTotal, id).update();
    }

    public void setState(long id, State state, String message) {
        boolean ended = state == State.DONE || state == State.FAILED;
        jdbc.sql("UPDATE scan_batch SET state = ?, message = ?, finished_at = ? WHERE id = ?")
                .params(state.name(), message, ended ? Timestamp.from(Instant.now()) : null, id).update();
    }

    /** Moves the batch from one of the given states to another; false when it was in none of them. */
    public boolean moveState(long id, State to, State... from) {
        String in = String.join(",", Arrays.stream(from).map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("UPDATE scan_batch SET state = ?, finished_at = NULL WHERE id = ? AND state IN (" + in + ")")
                .params(to.name(), id).update() == 1;
    }

    public void addDone(long id, long pages) {
        jdbc.sql("UPDATE scan_batch SET pages_done = pages_done + ? WHERE id = ?").params(pages, id).update();
    }

    public void setDone(long id, long pages) {
        jdbc.sql("UPDATE scan_batch SET pages_done = ? WHERE id = ?").params(pages, id).update();
    }

    /** Forgets what a preparation that did not finish wrote, so it is made again whole. */
    public void forgetPreparation(long id) {
        jdbc.sql("DELETE FROM scan_batch_entry WHERE batch_id = ?").param(id).update();
        jdbc.sql("DELETE FROM scan_batch_problem WHERE batch_id = ?").param(id).update();
    }

    public void addEntry(long batch, String code, String state, List<BatchFile> files, int pages) {
        jdbc.sql("""
                INSERT INTO scan_batch_entry (batch_id, archival_code, state, files, pages) VALUES (?, ?, ?, ?, ?)""")
                .params(batch, code, state, json.writeValueAsString(files), pages).update();
    }

    public List<EntryRow> entries(long batch) {
        return jdbc.sql("SELECT * FROM scan_batch_entry WHERE batch_id = ? ORDER BY archival_code").param(batch)
                .query(this::entryRow).list();
    }

    public List<EntryRow> entriesIn(long batch, String state) {
        return jdbc.sql("SELECT * FROM scan_batch_entry WHERE batch_id = ? AND state = ? ORDER BY archival_code")
                .params(batch, state).query(this::entryRow).list();
    }

    public void finishEntry(long batch, String code, String state, Long itemId, List<String> digests) {
        jdbc.sql("""
                UPDATE scan_batch_entry SET state = ?, item_id = ?, digests = ? WHERE batch_id = ? AND archival_code = ?""")
                .params(state, itemId, digests == null ? null : json.writeValueAsString(digests), batch, code)
                .update();
    }

    /** Sends held entries back to be checked again; an accepted page count, where given, stands for 页数. */
    public int reopenHeld(long batch, Map<String, Integer> accepted) {
        accepted.forEach((code, pages) -> jdbc.sql("""
                UPDATE scan_batch_entry SET accepted_pages = ? WHERE batch_id = ? AND archival_code = ? AND state = 'HELD'""")
                .params(pages, batch, code).update());
        jdbc.sql("""
                DELETE FROM scan_batch_problem WHERE batch_id = ? AND (entry_code IN (SELECT archival_code FROM
                scan_batch_entry WHERE batch_id = ? AND state = 'HELD') OR code IN ('DUPLICATE_PAGE', 'NO_IMAGES')
                AND entry_code IS NULL)""").params(batch, batch).update();
        return jdbc.sql("UPDATE scan_batch_entry SET state = 'PENDING' WHERE batch_id = ? AND state = 'HELD'")
                .param(batch).update();
    }

    public void addProblem(long batch, String entryCode, BatchProblem p) {
        jdbc.sql("""
                INSERT INTO scan_batch_problem (batch_id, entry_code, code, archival_code, file, page, reason,
                reason_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(batch, entryCode, p.code().name(), p.archivalCode(), p.file(), p.page(), cut(p.reason()),
                        p.args().isEmpty() ? null : json.writeValueAsString(p.args().stream()
                                .map(a -> a.length() > 300 ? a.substring(0, 300) : a).toList()))
                .update();
    }

    /** Forgets the problems an entry's check found (it is checked again). */
    public void forgetProblems(long batch, String entryCode) {
        jdbc.sql("DELETE FROM scan_batch_problem WHERE batch_id = ? AND entry_code = ?").params(batch, entryCode)
                .update();
    }

    /** Forgets problems of these codes found across the batch (they are looked for again at its end). */
    public void forgetBatchProblems(long batch, List<BatchProblem.Code> codes) {
        for (BatchProblem.Code code : codes) {
            jdbc.sql("DELETE FROM scan_batch_problem WHERE batch_id = ? AND entry_code IS NULL AND code = ?")
                    .params(batch, code.name()).update();
        }
    }

    public List<BatchProblem> problems(long batch) {
        return jdbc.sql("SELECT * FROM scan_batch_problem WHERE batch_id = ? ORDER BY id").param(batch)
                .query((rs, n) -> new BatchProblem(BatchProblem.Code.valueOf(rs.getString("code")),
                        rs.getString("archival_code"), rs.getString("file"),
                        (Integer) rs.getObject("page", Integer.class), rs.getString("reason"),
                        rs.getString("reason_args") == null ? List.of()
                                : json.readValue(rs.getString("reason_args"), STRINGS)))
                .list();
    }

    private ScanBatch batchRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        record Tally(int entries, int attached, int held, int orphans, int problems) {
        }
        Tally t = jdbc.sql("""
                SELECT COUNT(*) AS entries,
                SUM(CASE WHEN state = 'ATTACHED' THEN 1 ELSE 0 END) AS attached,
                SUM(CASE WHEN state = 'HELD' THEN 1 ELSE 0 END) AS held,
                SUM(CASE WHEN state = 'ORPHAN' THEN 1 ELSE 0 END) AS orphans,
                (SELECT COUNT(*) FROM scan_batch_problem WHERE batch_id = ?) AS problems
                FROM scan_batch_entry WHERE batch_id = ?""").params(id, id)
                .query((r, i) -> new Tally(r.getInt("entries"), r.getInt("attached"), r.getInt("held"),
                        r.getInt("orphans"), r.getInt("problems"))).single();
        Timestamp finished = rs.getTimestamp("finished_at");
        String job = rs.getString("job_id");
        return new ScanBatch(id, State.valueOf(rs.getString("state")), rs.getString("source"),
                json.readValue(rs.getString("options"), BatchOptions.class), job == null ? null : new JobId(job),
                new Counts(rs.getLong("pages_total"), rs.getLong("pages_done"), t.entries(), t.attached(), t.held(),
                        t.orphans(), t.problems()),
                rs.getString("message"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private EntryRow entryRow(ResultSet rs, int n) throws SQLException {
        String digests = rs.getString("digests");
        return new EntryRow(rs.getLong("batch_id"), rs.getString("archival_code"), rs.getString("state"),
                (Long) rs.getObject("item_id", Long.class), json.readValue(rs.getString("files"), FILES),
                rs.getInt("pages"), digests == null ? List.of() : json.readValue(digests, STRINGS),
                (Integer) rs.getObject("accepted_pages", Integer.class));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
