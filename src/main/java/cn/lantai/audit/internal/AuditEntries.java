package cn.lantai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.lantai.audit.AuditPage;
import cn.lantai.audit.AuditQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trail's rows and its head row. Inserts only: nothing here updates or deletes an entry. */
@Repository
public class AuditEntries {

    private static final String COLUMNS =
            "seq, at_micros, actor, address, action, target, before_state, after_state, prev_digest, digest";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Reads the whole trail as a cursor, a thousand rows at a time, so memory stays bounded at any length. */
    private final JdbcTemplate streaming;

    AuditEntries(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
    }

    /** The head, locked until the current transaction ends: appends wait for each other here. */
    Head lockHead() {
        return jdbc.sql("SELECT seq, digest FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalStateException(
                        "the audit trail's head row is missing; run --lantai.audit.verify"));
    }

    public Optional<Head> head() {
        return jdbc.sql("SELECT seq, digest FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    void insert(List<StoredEntry> entries) {
        template.batchUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries, 1000, (ps, e) -> {
                    ps.setLong(1, e.seq());
                    ps.setLong(2, e.atMicros());
                    ps.setString(3, e.actor());
                    ps.setString(4, e.address());
                    ps.setString(5, e.action());
                    ps.setString(6, e.target());
                    ps.setString(7, e.before());
                    ps.setString(8, e.after());
                    ps.setString(9, e.prevDigest());
                    ps.setString(10, e.digest());
                });
    }

    void moveHead(Head head) {
        jdbc.sql("UPDATE audit_head SET seq = ?, digest = ? WHERE id = 1").params(head.seq(), head.digest()).update();
    }

    /**
     * Every row numbered up to {@code lastSeq} in number order, duplicates and strays included; to be read inside a
     * transaction (PostgreSQL streams a cursor only there) and closed.
     */
    public Stream<StoredEntry> upTo(long lastSeq) {
        return streaming.queryForStream("SELECT " + COLUMNS + " FROM audit_entry WHERE seq <= ? ORDER BY seq",
                AuditEntries::row, lastSeq);
    }

    public Optional<Long> newestSeq() {
        return jdbc.sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).optional();
    }

    public Optional<Long> firstSeqAfter(long seq) {
        return jdbc.sql("SELECT MIN(seq) FROM audit_entry WHERE seq > ?").param(seq).query(Long.class).optional();
    }

    public AuditPage page(AuditQuery query, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (query.actor() != null && !query.actor().isEmpty()) {
            where.add("LOWER(actor) LIKE ? ESCAPE '\\'");
            params.add(containing(query.actor()));
        }
        if (query.action() != null && !query.action().isEmpty()) {
            where.add("action = ?");
            params.add(query.action());
        }
        if (query.target() != null && !query.target().isEmpty()) {
            where.add("LOWER(target) LIKE ? ESCAPE '\\'");
            params.add(containing(query.target()));
        }
        if (query.from() != null) {
            where.add("at_micros >= ?");
            params.add(StoredEntry.micros(query.from()));
        }
        if (query.to() != null) {
            where.add("at_micros < ?");
            params.add(StoredEntry.micros(query.to()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        var entries = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + filter + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(AuditEntries::row).list().stream().map(StoredEntry::toEntry).toList();
        return new AuditPage(entries, total, page, size);
    }

    private static String containing(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static StoredEntry row(ResultSet rs, int n) throws SQLException {
        return new StoredEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
