package cn.lantai.accession.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.lantai.accession.PropertyCheck;
import cn.lantai.accession.PropertyCheck.Property;
import cn.lantai.accession.PropertyCheck.Result;
import cn.lantai.accession.Transfer;
import cn.lantai.accession.Transfer.Counts;
import cn.lantai.accession.Transfer.Decision;
import cn.lantai.accession.Transfer.Kind;
import cn.lantai.accession.Transfer.Paper;
import cn.lantai.accession.TransferState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of transfers (V19): the transfer, its report's checks and its records. */
@Repository
public class TransferRows {

    /** Where one record of an accepted transfer stands in the accept job. */
    public enum RecordState {
        /** It has a fault: left out of the accept (kept for the receipt's count). */
        LEFT_OUT,
        /** To be catalogued and stored. */
        PENDING,
        /** In the catalogue ({@code item_id} set), not yet known to be in the store. */
        CATALOGUED,
        /** In the catalogue and the store. */
        STORED,
        /** The catalogue refused it (the same record is there already …): nothing of it kept. */
        REFUSED
    }

    /**
     * One record of a transfer: its row in the catalogue sheet, its label, its item once created, its state, its entry
     * as the sheet gave it (JSON) and its files, payload-relative and {@code ;}-separated.
     */
    public record RecordRow(int row, String label, Long itemId, RecordState state, String problem, String entry,
            String files) {
    }

    private static final int MAX_REASON = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TransferRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new transfer; its id. */
    public long insert(String unit, String fonds, Kind kind, TransferState state, String by, Instant at,
            String packageSha256, Counts counts, Paper paper) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer (unit_code, fonds_code, kind, state, submitted_by, submitted_at, package_sha256,
                item_count, volume_count, file_count, byte_count, boxes, shelf, handed_over_on, stored_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(unit, fonds, kind.name(), state.name(), by, Timestamp.from(at), packageSha256, counts.items(),
                        counts.volumes(), counts.files(), counts.bytes(), paper == null ? null : paper.boxes(),
                        paper == null ? null : paper.shelf(), paper == null || paper.handedOverOn() == null ? null
                                : Date.valueOf(paper.handedOverOn()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Transfer> find(long id) {
        return jdbc.sql("SELECT * FROM transfer WHERE id = ?").param(id).query(TransferRows::transfer).optional();
    }

    /** Transfers newest first, of one unit or (null) of all, in one state or (null) any, at most {@code limit}. */
    public List<Transfer> list(String unit, TransferState state, int limit) {
        return jdbc.sql("SELECT * FROM transfer WHERE (CAST(? AS VARCHAR(32)) IS NULL OR unit_code = ?) "
                + "AND (CAST(? AS VARCHAR(16)) IS NULL OR state = ?) ORDER BY submitted_at DESC, id DESC "
                + "FETCH FIRST ? ROWS ONLY")
                .params(unit, unit, state == null ? null : state.name(), state == null ? null : state.name(), limit)
                .query(TransferRows::transfer).list();
    }

    /** The unit's earlier transfer of the same package that still counts (not rejected, not refused). */
    public Optional<Long> sameDigest(String unit, String sha256) {
        return jdbc.sql("SELECT id FROM transfer WHERE unit_code = ? AND package_sha256 = ? "
                + "AND state NOT IN ('REJECTED', 'REFUSED') ORDER BY id FETCH FIRST 1 ROWS ONLY").params(unit, sha256)
                .query(Long.class).optional();
    }

    /** The id of the transfer's latest job (its check, then its accept). */
    public Optional<String> job(long id) {
        return jdbc.sql("SELECT job_id FROM transfer WHERE id = ?").param(id).query(String.class).optional();
    }

    public void jobStarted(long id, String jobId) {
        jdbc.sql("UPDATE transfer SET job_id = ? WHERE id = ?").params(jobId, id).update();
    }

    /**
     * Moves the transfer from one state to another; false when it was no longer in {@code from} (someone decided
     * first), so two decisions never both take effect.
     */
    public boolean move(long id, TransferState from, TransferState to) {
        return jdbc.sql("UPDATE transfer SET state = ? WHERE id = ? AND state = ?").params(to.name(), id, from.name())
                .update() == 1;
    }

    /** The check is done: the manifest's SM3, the counts, and where the payload lies in the transfer's folder. */
    public void checked(long id, String manifestSm3, Counts counts, String payloadDir) {
        jdbc.sql("""
                UPDATE transfer SET state = 'CHECKED', manifest_sm3 = ?, item_count = ?, volume_count = ?,
                file_count = ?, byte_count = ?, payload_dir = ? WHERE id = ?""")
                .params(manifestSm3, counts.items(), counts.volumes(), counts.files(), counts.bytes(), payloadDir, id)
                .update();
    }

    public String payloadDir(long id) {
        return jdbc.sql("SELECT payload_dir FROM transfer WHERE id = ?").param(id).query(String.class).single();
    }

    public void refused(long id, String problem) {
        jdbc.sql("UPDATE transfer SET state = 'REFUSED', problem = ? WHERE id = ?").params(cut(problem, 2000), id)
                .update();
    }

    /** Transfers accepted from {@code from} (inclusive) to {@code to}: how many, their 卷 and their 件. */
    public long[] acceptedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(volume_count), 0), COALESCE(SUM(item_count), 0) FROM transfer"
                        + " WHERE decision = 'ACCEPTED' AND decided_at >= ? AND decided_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    public void decided(long id, Decision decision, String reasons, String by, Instant at) {
        jdbc.sql("UPDATE transfer SET decision = ?, reasons = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(decision.name(), reasons, by, Timestamp.from(at), id).update();
    }

    public void storedCount(long id, int stored) {
        jdbc.sql("UPDATE transfer SET stored_count = ? WHERE id = ?").params(stored, id).update();
    }

    /** Replaces the report's checks (a check job resumed after a crash runs again from the start). */
    public void saveChecks(long id, List<PropertyCheck> checks) {
        jdbc.sql("DELETE FROM transfer_check WHERE transfer_id = ?").param(id).update();
        List<Object[]> rows = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            PropertyCheck c = checks.get(i);
            rows.add(new Object[] {id, i, c.property().name(), c.code(), c.result().name(), cut(c.record(), 200),
                    cut(c.file(), 2000), cut(c.reason(), MAX_REASON)});
        }
        template.batchUpdate("""
                INSERT INTO transfer_check (transfer_id, seq, property, code, result, record_label, file_name, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public List<PropertyCheck> checks(long id) {
        return jdbc.sql("SELECT * FROM transfer_check WHERE transfer_id = ? ORDER BY seq").param(id)
                .query((rs, n) -> new PropertyCheck(Property.valueOf(rs.getString("property")), rs.getString("code"),
                        Result.valueOf(rs.getString("result")), rs.getString("record_label"),
                        rs.getString("file_name"), rs.getString("reason"))).list();
    }

    public void saveRecords(long id, List<RecordRow> records) {
        jdbc.sql("DELETE FROM transfer_record WHERE transfer_id = ?").param(id).update();
        template.batchUpdate("INSERT INTO transfer_record (transfer_id, row_no, record_label, state, entry, files) "
                + "VALUES (?, ?, ?, ?, ?, ?)", records, 1000, (ps, r) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, r.row());
                    ps.setString(3, cut(r.label(), 200));
                    ps.setString(4, r.state().name());
                    ps.setString(5, r.entry());
                    ps.setString(6, r.files());
                });
    }

    public List<RecordRow> records(long id) {
        return jdbc.sql("SELECT * FROM transfer_record WHERE transfer_id = ? ORDER BY row_no").param(id)
                .query((rs, n) -> new RecordRow(rs.getInt("row_no"), rs.getString("record_label"),
                        rs.getObject("item_id") == null ? null : rs.getLong("item_id"),
                        RecordState.valueOf(rs.getString("state")), rs.getString("problem"), rs.getString("entry"),
                        rs.getString("files"))).list();
    }

    public void recordState(long id, int row, RecordState state, Long itemId, String problem) {
        jdbc.sql("UPDATE transfer_record SET state = ?, item_id = ?, problem = ? WHERE transfer_id = ? AND row_no = ?")
                .params(state.name(), itemId, cut(problem, 2000), id, row).update();
    }

    private static Transfer transfer(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        Date handedOver = rs.getDate("handed_over_on");
        LocalDate on = handedOver == null ? null : handedOver.toLocalDate();
        Kind kind = Kind.valueOf(rs.getString("kind"));
        String decision = rs.getString("decision");
        return new Transfer(rs.getLong("id"), rs.getString("unit_code"), rs.getString("fonds_code"), kind,
                TransferState.valueOf(rs.getString("state")), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("package_sha256"),
                rs.getString("manifest_sm3"), new Counts(rs.getInt("item_count"), rs.getInt("volume_count"),
                        rs.getInt("file_count"), rs.getLong("byte_count")),
                kind == Kind.PAPER ? new Paper(rs.getInt("boxes"), rs.getString("shelf"), on) : null,
                rs.getString("problem"), decision == null ? null : Decision.valueOf(decision),
                rs.getString("reasons"), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getInt("stored_count"));
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}
