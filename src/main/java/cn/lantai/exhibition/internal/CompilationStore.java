package cn.lantai.exhibition.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.lantai.exhibition.Compilation;
import cn.lantai.exhibition.CompilationKind;
import cn.lantai.exhibition.CompilationPlan;
import cn.lantai.exhibition.CompilationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The compilation projects and their sources (tables {@code exhibition_compilation}, {@code …_source}). */
@Repository
public class CompilationStore {

    private static final String COLUMNS = "id, title, kind, state, editors, summary, planned_start, planned_end, "
            + "started_on, finished_on, titles, wan_chars";

    private final JdbcClient jdbc;

    CompilationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finished projects and their output over some archive days. */
    public record Output(long projects, long titles, BigDecimal wanChars) {
    }

    /** Every project, newest first, with its sources. */
    public List<Compilation> all() {
        return read("SELECT " + COLUMNS + " FROM exhibition_compilation ORDER BY id DESC", null);
    }

    public Optional<Compilation> find(long id) {
        return read("SELECT " + COLUMNS + " FROM exhibition_compilation WHERE id = ?", id).stream().findFirst();
    }

    public long insert(CompilationPlan p, String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO exhibition_compilation (title, kind, state, editors, summary, planned_start, "
                        + "planned_end, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, 'PLANNED', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(p.title(), p.kind().name(), p.editors(), p.summary(), p.plannedStart(), p.plannedEnd(),
                        createdBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void update(long id, CompilationPlan p) {
        jdbc.sql("UPDATE exhibition_compilation SET title = ?, kind = ?, editors = ?, summary = ?, planned_start = ?, "
                        + "planned_end = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .params(p.title(), p.kind().name(), p.editors(), p.summary(), p.plannedStart(), p.plannedEnd(), id)
                .update();
    }

    public void start(long id, LocalDate on) {
        jdbc.sql("UPDATE exhibition_compilation SET state = 'IN_PROGRESS', started_on = ?, "
                + "updated_at = CURRENT_TIMESTAMP WHERE id = ?").params(on, id).update();
    }

    public void finish(long id, LocalDate on, int titles, BigDecimal wanChars) {
        jdbc.sql("UPDATE exhibition_compilation SET state = 'FINISHED', finished_on = ?, titles = ?, wan_chars = ?, "
                + "updated_at = CURRENT_TIMESTAMP WHERE id = ?").params(on, titles, wanChars, id).update();
    }

    public void cancel(long id) {
        jdbc.sql("UPDATE exhibition_compilation SET state = 'CANCELLED', updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .param(id).update();
    }

    public long addSource(long compilation, Long item, String archivalCode, String text) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO exhibition_compilation_source (compilation_id, item_id, archival_code, source_text) "
                + "VALUES (?, ?, ?, ?)").params(compilation, item, archivalCode, text).update(key, "id");
        return key.getKey().longValue();
    }

    /** Removes the source if it belongs to the project; false when it does not. */
    public boolean removeSource(long compilation, long source) {
        return jdbc.sql("DELETE FROM exhibition_compilation_source WHERE id = ? AND compilation_id = ?")
                .params(source, compilation).update() == 1;
    }

    public int sourceCount(long compilation) {
        return jdbc.sql("SELECT COUNT(*) FROM exhibition_compilation_source WHERE compilation_id = ?")
                .param(compilation).query(Integer.class).single();
    }

    /** Projects finished on archive days within these bounds, with their titles and 万字. */
    public Output finished(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(titles), 0), COALESCE(SUM(wan_chars), 0) "
                        + "FROM exhibition_compilation WHERE state = 'FINISHED' AND finished_on BETWEEN ? AND ?")
                .params(from, to)
                .query((rs, n) -> new Output(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).setScale(2)))
                .single();
    }

    private List<Compilation> read(String sql, Long id) {
        Map<Long, List<Compilation.Source>> sources = new HashMap<>();
        String sourceSql = "SELECT compilation_id, id, item_id, archival_code, source_text "
                + "FROM exhibition_compilation_source" + (id == null ? "" : " WHERE compilation_id = ?") + " ORDER BY id";
        (id == null ? jdbc.sql(sourceSql) : jdbc.sql(sourceSql).param(id)).query(rs -> {
            sources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Compilation.Source(rs.getLong(2),
                    (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5)));
        });
        return (id == null ? jdbc.sql(sql) : jdbc.sql(sql).param(id)).query((rs, n) -> new Compilation(
                rs.getLong(1), rs.getString(2), CompilationKind.valueOf(rs.getString(3)),
                CompilationState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), (Integer) rs.getObject(11, Integer.class), rs.getBigDecimal(12),
                sources.getOrDefault(rs.getLong(1), List.of()))).list();
    }
}
