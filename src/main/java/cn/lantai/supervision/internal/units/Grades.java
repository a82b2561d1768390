package cn.lantai.supervision.internal.units;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.supervision.Grade;
import cn.lantai.supervision.GradeChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grades units' archive rooms reached, each with its day (table {@code supervision_grade}): a unit's grade on a
 * day is the latest reached by that day (by day, then by the order recorded).
 */
@Repository
public class Grades {

    private static final String LATEST = "SELECT g.unit_code, g.grade FROM supervision_grade g WHERE g.reached_on <= ? "
            + "AND NOT EXISTS (SELECT 1 FROM supervision_grade h WHERE h.unit_code = g.unit_code "
            + "AND h.reached_on <= ? "
            + "AND (h.reached_on > g.reached_on OR (h.reached_on = g.reached_on AND h.id > g.id)))";

    private final JdbcClient jdbc;

    Grades(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(GradeChange change) {
        jdbc.sql("INSERT INTO supervision_grade (unit_code, grade, reached_on, recorded_by, recorded_at) "
                        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(change.unitCode(), change.grade().name(), Date.valueOf(change.reachedOn()),
                        change.recordedBy())
                .update();
    }

    /** The unit's grades, newest first. */
    public List<GradeChange> history(String unitCode) {
        return jdbc.sql("SELECT unit_code, grade, reached_on, recorded_by FROM supervision_grade WHERE unit_code = ? "
                        + "ORDER BY reached_on DESC, id DESC")
                .param(unitCode)
                .query((rs, n) -> new GradeChange(rs.getString(1), Grade.valueOf(rs.getString(2)),
                        rs.getDate(3).toLocalDate(), rs.getString(4)))
                .list();
    }

    /** Each graded unit's grade on that day (units graded only later left out). */
    public Map<String, Grade> on(LocalDate day) {
        Map<String, Grade> grades = new HashMap<>();
        jdbc.sql(LATEST).params(Date.valueOf(day), Date.valueOf(day))
                .query((rs, n) -> grades.put(rs.getString(1), Grade.valueOf(rs.getString(2))))
                .list();
        return grades;
    }

    /** For every grade, how many units held it on that day (every grade present, 0 when none). */
    public Map<Grade, Long> countsOn(LocalDate day) {
        Map<Grade, Long> counts = new EnumMap<>(Grade.class);
        for (Grade g : Grade.values()) {
            counts.put(g, 0L);
        }
        jdbc.sql("SELECT grade, COUNT(*) FROM (" + LATEST + ") latest GROUP BY grade")
                .params(Date.valueOf(day), Date.valueOf(day))
                .query((rs, n) -> counts.put(Grade.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }
}
