package cn.lantai.stacks.internal.locations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.lantai.stacks.Kept;
import cn.lantai.stacks.Move;
import cn.lantai.stacks.MoveReason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The out/in log (出库/入库, table {@code stacks_move}): a row when something is taken out, closed when it comes back. A
 * thing has at most one open row: its {@code open_key} is unique, so two people taking out the same box at once
 * cannot both succeed.
 */
@Repository
public class MoveLog {

    private static final String SELECT = "SELECT id, kind, target_id, label, reason, note, taken_by, taken_at, due_on,"
            + " returned_by, returned_at FROM stacks_move ";

    private final JdbcClient jdbc;

    MoveLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Logs a taking out; empty when the thing is out already. */
    public Optional<Long> takeOut(Kept kind, long target, String label, MoveReason reason, String note, String by,
            Instant at, LocalDate due) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO stacks_move (kind, target_id, label, reason, note, taken_by, taken_at, due_on, open_key)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(kind.name(), target, label, reason.name(), note, by, Timestamp.from(at), Date.valueOf(due),
                            kind.name() + ":" + target)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    /** Closes the thing's open row; false when it is not out. */
    public boolean giveBack(Kept kind, long target, String by, Instant at) {
        return jdbc.sql("UPDATE stacks_move SET returned_by = ?, returned_at = ?, open_key = NULL WHERE open_key = ?")
                .params(by, Timestamp.from(at), kind.name() + ":" + target).update() == 1;
    }

    public Optional<Move> open(Kept kind, long target) {
        return jdbc.sql(SELECT + "WHERE open_key = ?").param(kind.name() + ":" + target).query(MoveLog::move)
                .optional();
    }

    /** Everything out now, the longest out first. */
    public List<Move> allOut() {
        return jdbc.sql(SELECT + "WHERE open_key IS NOT NULL ORDER BY taken_at, id").query(MoveLog::move).list();
    }

    /** Everything out whose due day is before {@code today}, the most overdue first. */
    public List<Move> overdue(LocalDate today) {
        return jdbc.sql(SELECT + "WHERE open_key IS NOT NULL AND due_on < ? ORDER BY due_on, id")
                .param(Date.valueOf(today)).query(MoveLog::move).list();
    }

    public long overdueCount(LocalDate today) {
        return jdbc.sql("SELECT COUNT(*) FROM stacks_move WHERE open_key IS NOT NULL AND due_on < ?")
                .param(Date.valueOf(today)).query(Long.class).single();
    }

    /** The thing's log, the latest first. */
    public List<Move> of(Kept kind, long target) {
        return jdbc.sql(SELECT + "WHERE kind = ? AND target_id = ? ORDER BY taken_at DESC, id DESC")
                .params(kind.name(), target).query(MoveLog::move).list();
    }

    /** The latest rows of the log, at most {@code limit}. */
    public List<Move> latest(int limit) {
        return jdbc.sql(SELECT + "ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY").query(MoveLog::move).list();
    }

    /** The rows taken out or returned from {@code from} up to {@code to} (excluded): what a year's figures count. */
    public List<Move> touching(Instant from, Instant to) {
        return jdbc.sql(SELECT + "WHERE (taken_at >= ? AND taken_at < ?) OR (returned_at >= ? AND returned_at < ?)")
                .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to))
                .query(MoveLog::move).list();
    }

    private static Move move(ResultSet rs, int n) throws SQLException {
        Timestamp returned = rs.getTimestamp(11);
        return new Move(rs.getLong(1), Kept.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                MoveReason.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getDate(9).toLocalDate(), rs.getString(10), returned == null ? null : returned.toInstant());
    }
}
