package cn.lantai.stacks.internal.safety;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The checklist and the quarterly checks (tables {@code stacks_safety_point}, {@code stacks_safety_check},
 * {@code stacks_safety_check_room}, {@code stacks_safety_answer}); a finding is an answer that is not in order.
 */
@Repository
public class CheckStore {

    private static final String FINDING = "SELECT a.id, c.id, c.check_year, c.quarter, c.done_on, p.protection, p.text,"
            + " a.note, a.room_code, a.fix_by, a.fix_action, a.fix_due, a.closed_on, a.closed_by, a.closing_note"
            + " FROM stacks_safety_answer a JOIN stacks_safety_check c ON c.id = a.check_id"
            + " JOIN stacks_safety_point p ON p.id = a.point_id WHERE a.finding = TRUE";
    private static final String CHECK = "SELECT c.id, c.check_year, c.quarter, c.done_on, c.inspectors, c.recorded_by,"
            + " (SELECT COUNT(*) FROM stacks_safety_answer a WHERE a.check_id = c.id),"
            + " (SELECT COUNT(*) FROM stacks_safety_answer a WHERE a.check_id = c.id AND a.finding = TRUE),"
            + " (SELECT COUNT(*) FROM stacks_safety_answer a WHERE a.check_id = c.id AND a.finding = TRUE"
            + " AND a.closed_on IS NULL) FROM stacks_safety_check c";

    private final JdbcClient jdbc;

    CheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChecklistPoint> points() {
        return jdbc.sql("SELECT id, protection, text, retired_on FROM stacks_safety_point ORDER BY id")
                .query((rs, n) -> new ChecklistPoint(rs.getLong(1), Protection.valueOf(rs.getString(2)),
                        rs.getString(3), day(rs, 4)))
                .list();
    }

    Optional<ChecklistPoint> point(long id) {
        return points().stream().filter(p -> p.id() == id).findFirst();
    }

    void addPoint(Protection protection, String text) {
        jdbc.sql("INSERT INTO stacks_safety_point (protection, text) VALUES (?, ?)").params(protection.name(), text)
                .update();
    }

    void retirePoint(long id, LocalDate on) {
        jdbc.sql("UPDATE stacks_safety_point SET retired_on = ? WHERE id = ?").params(on, id).update();
    }

    boolean checkExists(int year, int quarter) {
        return jdbc.sql("SELECT COUNT(*) FROM stacks_safety_check WHERE check_year = ? AND quarter = ?")
                .params(year, quarter).query(Long.class).single() > 0;
    }

    long insertCheck(NewCheck check, String recordedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stacks_safety_check (check_year, quarter, done_on, inspectors, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(check.year(), check.quarter(), check.doneOn(), check.inspectors(), recordedBy)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String room : check.rooms()) {
            jdbc.sql("INSERT INTO stacks_safety_check_room (check_id, room_code) VALUES (?, ?)").params(id, room)
                    .update();
        }
        for (Answer a : check.answers()) {
            jdbc.sql("INSERT INTO stacks_safety_answer (check_id, point_id, finding, note, room_code)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(id, a.pointId(), a.finding(), a.note(), a.room()).update();
        }
        return id;
    }

    /** The checks of a year, by quarter, each with its rooms and counts. */
    List<SafetyCheck> checks(int year) {
        return withRooms(jdbc.sql(CHECK + " WHERE c.check_year = ? ORDER BY c.quarter").param(year)
                .query(this::checkRow).list());
    }

    Optional<SafetyCheck> check(long id) {
        return withRooms(jdbc.sql(CHECK + " WHERE c.id = ?").param(id).query(this::checkRow).list()).stream()
                .findFirst();
    }

    private SafetyCheck checkRow(ResultSet rs, int n) throws SQLException {
        return new SafetyCheck(rs.getLong(1), rs.getInt(2), rs.getInt(3), day(rs, 4), rs.getString(5), List.of(),
                rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(6));
    }

    private List<SafetyCheck> withRooms(List<SafetyCheck> checks) {
        List<SafetyCheck> out = new ArrayList<>();
        for (SafetyCheck c : checks) {
            List<String> rooms = jdbc.sql("SELECT room_code FROM stacks_safety_check_room WHERE check_id = ?"
                    + " ORDER BY room_code").param(c.id()).query(String.class).list();
            out.add(new SafetyCheck(c.id(), c.year(), c.quarter(), c.doneOn(), c.inspectors(), rooms, c.points(),
                    c.findings(), c.openFindings(), c.recordedBy()));
        }
        return out;
    }

    /** Each point's answer in a check, by point: whether a finding, and its note. */
    Map<Long, Answer> answers(long checkId) {
        Map<Long, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("SELECT point_id, finding, note, room_code FROM stacks_safety_answer WHERE check_id = ?"
                        + " ORDER BY point_id")
                .param(checkId)
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                .list().forEach(a -> answers.put(a.pointId(), a));
        return answers;
    }

    /** The findings of a year's checks, by quarter and point. */
    List<Finding> findings(int year) {
        return jdbc.sql(FINDING + " AND c.check_year = ? ORDER BY c.quarter, a.point_id").param(year)
                .query(this::findingRow).list();
    }

    /** Every finding not closed yet, whatever its year, oldest first. */
    List<Finding> openFindings() {
        return jdbc.sql(FINDING + " AND a.closed_on IS NULL ORDER BY c.done_on, a.id").query(this::findingRow).list();
    }

    Optional<Finding> finding(long id) {
        return jdbc.sql(FINDING + " AND a.id = ?").param(id).query(this::findingRow).optional();
    }

    void fix(long id, String by, String action, LocalDate due) {
        jdbc.sql("UPDATE stacks_safety_answer SET fix_by = ?, fix_action = ?, fix_due = ? WHERE id = ?")
                .params(by, action, due, id).update();
    }

    void close(long id, LocalDate on, String by, String note) {
        jdbc.sql("UPDATE stacks_safety_answer SET closed_on = ?, closed_by = ?, closing_note = ? WHERE id = ?")
                .params(on, by, note, id).update();
    }

    private Finding findingRow(ResultSet rs, int n) throws SQLException {
        return new Finding(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), day(rs, 5),
                Protection.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), day(rs, 12), day(rs, 13), rs.getString(14), rs.getString(15));
    }

    /** The year's checks, their findings, and those findings closed on or before the year's last day. */
    public long[] yearCounts(int year) {
        long checks = jdbc.sql("SELECT COUNT(*) FROM stacks_safety_check WHERE check_year = ?").param(year)
                .query(Long.class).single();
        long findings = jdbc.sql("SELECT COUNT(*) FROM stacks_safety_answer a JOIN stacks_safety_check c"
                + " ON c.id = a.check_id WHERE a.finding = TRUE AND c.check_year = ?").param(year)
                .query(Long.class).single();
        long closed = jdbc.sql("SELECT COUNT(*) FROM stacks_safety_answer a JOIN stacks_safety_check c"
                + " ON c.id = a.check_id WHERE a.finding = TRUE AND c.check_year = ? AND a.closed_on <= ?")
                .params(year, LocalDate.of(year, 12, 31)).query(Long.class).single();
        return new long[] {checks, findings, closed};
    }

    static LocalDate day(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
