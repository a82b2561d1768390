package cn.lantai.catalog.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.audit.ValueDigest;
import cn.lantai.catalog.Change;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Viewer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version history of the catalogue: each operation, and each field it changed with old and new value. Every
 * item an operation changes also appends one entry to the audit trail (who, from where, which fields changed), in the
 * same transaction. The trail is read by the security auditor, who may read no record: it shows where a record is
 * filed and how it is marked (the 档号 and its parts, 密级, 开放标识) in clear, and what the record says only as
 * salted digests ({@link ValueDigest}), whose salts stay here beside the values, read only through the
 * clearance-checked history.
 */
@Repository
public class ChangeLog {

    /** The field of a file's (卷) creation; its new value is the file's archival code. */
    public static final String VOLUME_CREATED = "file";

    /** An item's field changed by an operation. */
    public record FieldChange(long itemId, String field, String oldValue, String newValue) {
    }

    /** Fields the trail shows in clear: where the record is filed and how it is marked, never what it says. */
    private static final Set<String> IN_CLEAR = Set.of(CatalogWriter.CREATED, VOLUME_CREATED,
            DescriptionField.ARCHIVE_CODE.key(), DescriptionField.FONDS.key(), DescriptionField.CATEGORY.key(),
            DescriptionField.YEAR.key(), DescriptionField.RETENTION.key(), DescriptionField.ORG.key(),
            DescriptionField.VOLUME.key(), DescriptionField.ITEM_NO.key(), DescriptionField.CLASSIFICATION.key(),
            DescriptionField.OPEN_STATUS.key());

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
        List<Salted> salted = changes.stream()
                .map(c -> new Salted(c, IN_CLEAR.contains(c.field()) ? null : ValueDigest.newSalt())).toList();
        template.batchUpdate("INSERT INTO item_change (operation_id, item_id, field, old_value, new_value, salt) "
                + "VALUES (?, ?, ?, ?, ?, ?)", salted, 1000, (ps, s) -> {
                    ps.setLong(1, operationId);
                    ps.setLong(2, s.change().itemId());
                    ps.setString(3, s.change().field());
                    ps.setString(4, s.change().oldValue());
                    ps.setString(5, s.change().newValue());
                    ps.setString(6, s.salt());
                });
        audit(operationId, salted);
    }

    private void audit(long operationId, List<Salted> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Operation op = jdbc.sql("SELECT kind, actor, address FROM catalog_operation WHERE id = ?").param(operationId)
                .query((rs, n) -> new Operation(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        Map<Long, Map<String, String>> before = new LinkedHashMap<>();
        Map<Long, Map<String, String>> after = new LinkedHashMap<>();
        for (Salted s : changes) {
            FieldChange c = s.change();
            before.computeIfAbsent(c.itemId(), k -> new TreeMap<>()).put(c.field(), s.shown(c.oldValue()));
            after.computeIfAbsent(c.itemId(), k -> new TreeMap<>()).put(c.field(), s.shown(c.newValue()));
        }
        List<AuditEvent> events = new ArrayList<>(before.size());
        String action = "catalog." + op.kind().toLowerCase(Locale.ROOT);
        before.forEach((item, old) -> events.add(new AuditEvent(op.actor(), op.address(), action,
                "item:" + item + " op:" + operationId, json.writeValueAsString(old),
                json.writeValueAsString(after.get(item)))));
        trail.recordAll(events);
    }

    private record Operation(String kind, String actor, String address) {
    }

    /** A change with the salt of its values' digests in the trail; no salt for a field the trail shows in clear. */
    private record Salted(FieldChange change, String salt) {

        String shown(String value) {
            return salt == null ? value : ValueDigest.of(salt, value);
        }
    }

    public List<Change> history(long itemId) {
        return jdbc.sql("""
                SELECT o.id, o.kind, o.actor, o.at, c.field, c.old_value, c.new_value, c.salt
                FROM item_change c JOIN catalog_operation o ON o.id = c.operation_id
                WHERE c.item_id = ? ORDER BY o.id, c.id""").param(itemId)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /** Kinds of operation that no person typed: a catalogue imported, the demonstration data. */
    private static final List<String> MACHINE_KINDS = List.of("IMPORT", "DEMO");

    /** The last change a person made to a record by hand (著录, bulk edit, renumbering …): who, when, which fields. */
    public record HandEdit(long itemId, String actor, Instant at, String kind, List<String> fields) {
    }

    /**
     * The records among these that a person changed by hand after they were last imported (or ever, if no import
     * wrote them): a re-import would overwrite that work. The latest such operation per record.
     */
    public Map<Long, HandEdit> handEditsSinceImport(java.util.Collection<Long> itemIds) {
        Map<Long, HandEdit> edits = new java.util.HashMap<>();
        Map<Long, Long> opOf = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(itemIds));
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            jdbc.sql("""
                    SELECT c.item_id, o.id, o.actor, o.at, o.kind, c.field
                    FROM item_change c JOIN catalog_operation o ON o.id = c.operation_id
                    WHERE c.item_id IN (:ids) AND o.kind NOT IN (:machine)
                    AND o.id > COALESCE((SELECT MAX(c2.operation_id) FROM item_change c2
                        JOIN catalog_operation o2 ON o2.id = c2.operation_id
                        WHERE c2.item_id = c.item_id AND o2.kind IN (:machine)), 0)
                    ORDER BY c.item_id, o.id, c.id""").param("ids", chunk).param("machine", MACHINE_KINDS)
                    .query(rs -> {
                        long item = rs.getLong(1);
                        long op = rs.getLong(2);
                        HandEdit last = edits.get(item);
                        List<String> fields = last != null && last.fields() instanceof ArrayList<String> f
                                && opOf.getOrDefault(item, -1L) == op ? f : new ArrayList<>();
                        fields.add(rs.getString(6));
                        opOf.put(item, op);
                        edits.put(item, new HandEdit(item, rs.getString(3), rs.getTimestamp(4).toInstant(),
                                rs.getString(5), fields));
                    });
        }
        return edits;
    }

    /** Items an operation created and items it changed otherwise (the second excludes the first). */
    public long[] createdAndUpdated(long operationId) {
        long created = jdbc.sql("SELECT COUNT(DISTINCT item_id) FROM item_change WHERE operation_id = ? AND field = ?")
                .params(operationId, CatalogWriter.CREATED).query(Long.class).single();
        long touched = jdbc.sql("SELECT COUNT(DISTINCT item_id) FROM item_change WHERE operation_id = ?")
                .param(operationId).query(Long.class).single();
        return new long[] {created, touched - created};
    }
}
