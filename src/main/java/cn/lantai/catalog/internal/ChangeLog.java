package cn.lantai.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Change;
import cn.lantai.catalog.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version history of the catalogue: each operation, and each field it changed with old and new value. Every
 * item an operation changes also appends one entry to the audit trail (who, from where, the fields before and after),
 * in the same transaction.
 */
@Repository
public class ChangeLog {

    /** An item's field changed by an operation. */
    public record FieldChange(long itemId, String field, String oldValue, String newValue) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail trail;
    private final JsonMapper json;

    ChangeLog(JdbcClient jdbc, JdbcTemplate template, AuditTrail trail, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.trail = trail;
        this.json = json;
    }

    public long begin(String kind, Viewer actor, String summary, int itemCount) {
        return begin(kind, actor.name(), actor.address(), summary, itemCount);
    }

    public long begin(String kind, String actor, String address, String summary, int itemCount) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog_operation (kind, actor, address, at, summary, item_count) VALUES (?, ?, ?, ?, ?, ?)")
                .params(kind, actor, address, Timestamp.from(Instant.now()), summary, itemCount)
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
        audit(operationId, changes);
    }

    private void audit(long operationId, List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Operation op = jdbc.sql("SELECT kind, actor, address FROM catalog_operation WHERE id = ?").param(operationId)
                .query((rs, n) -> new Operation(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        Map<Long, Map<String, String>> before = new LinkedHashMap<>();
        Map<Long, Map<String, String>> after = new LinkedHashMap<>();
        for (FieldChange c : changes) {
            before.computeIfAbsent(c.itemId(), k -> new TreeMap<>()).put(c.field(), c.oldValue());
            after.computeIfAbsent(c.itemId(), k -> new TreeMap<>()).put(c.field(), c.newValue());
        }
        List<AuditEvent> events = new java.util.ArrayList<>(before.size());
        String action = "catalog." + op.kind().toLowerCase(java.util.Locale.ROOT);
        before.forEach((item, old) -> events.add(new AuditEvent(op.actor(), op.address(), action,
                "item:" + item + " op:" + operationId, json.writeValueAsString(old),
                json.writeValueAsString(after.get(item)))));
        trail.recordAll(events);
    }

    private record Operation(String kind, String actor, String address) {
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
