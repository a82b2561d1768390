package cn.lantai.supervision.internal.units;

import java.util.List;
import java.util.Map;

import cn.lantai.supervision.Grade;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The year's grading targets (年度创建目标, table {@code supervision_target}): unit → grade, one per unit and year. */
@Repository
public class Targets {

    private final JdbcClient jdbc;

    Targets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the unit's target for the year; {@code null} removes it. */
    public void put(String unitCode, int year, Grade grade) {
        jdbc.sql("DELETE FROM supervision_target WHERE unit_code = ? AND target_year = ?").params(unitCode, year)
                .update();
        if (grade != null) {
            jdbc.sql("INSERT INTO supervision_target (unit_code, target_year, grade) VALUES (?, ?, ?)")
                    .params(unitCode, year, grade.name())
                    .update();
        }
    }

    /** The year's targets, unit code → grade, by code. */
    public List<Map.Entry<String, Grade>> ofYear(int year) {
        return jdbc.sql("SELECT unit_code, grade FROM supervision_target WHERE target_year = ? ORDER BY unit_code")
                .param(year)
                .query((rs, n) -> Map.entry(rs.getString(1), Grade.valueOf(rs.getString(2))))
                .list();
    }
}
