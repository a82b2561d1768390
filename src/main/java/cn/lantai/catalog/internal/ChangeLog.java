package cn.lantai.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import cn.lantai.catalog.Change;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The version history of the catalogue: each operation, and each field it changed with old and new value. */
@Repository
public class ChangeLog {

    /** An item's field changed by an operation. */
    public record FieldChange(long itemId, String field, String oldValue, String newValue) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChangeLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long begin(String kind, String actor, String summary, int itemCount) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog_operation (kind, actor, at, summary, item_count) VALUES (?, ?, ?, ?, ?)")
                .params(kind, actor, Timestamp.from(Instant.now()), summary, itemCount)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setCount(long operationId, int itemCount) {
        jdbc.sql("UPDATE catalog_operation SET item_count = ? WHERE id = ?").params(itemCount, operationId).update();
    }

    public void record(long operationId, List<FieldChange> changes) {
        template.batchUpdate("INSERT INTO item_change (operation_id, item_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?)",
                changes, 1000, (ps, c) -> {
                    ps.setLong(1, operationId);
                    ps.setLong(2, c.itemId());
                    ps.setString(3, c.field());
                    ps.setString(4, c.oldValue());
                    ps.setString(5, c.newValue());
                });
    }

    public List<Change> history(long itemId) {
        return jdbc.sql("""
                SELECT o.id, o.kind, o.actor, o.at, c.field, c.old_value, c.new_value
                FROM item_change c JOIN catalog_operation o ON o.id = c.operation_id
                WHERE c.item_id = ? ORDER BY o.id, c.id""").param(itemId)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}
