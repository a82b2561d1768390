package cn.lantai.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditGroup;
import cn.lantai.audit.AuditGroupPage;
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
        Filter filter = filter(query);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter.sql()).params(filter.params())
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(filter.params());
        pageParams.add(size);
        pageParams.add((long) page * size);
        var entries = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + filter.sql()
                        + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(AuditEntries::row).list().stream().map(StoredEntry::toEntry).toList();
        return new AuditPage(entries, total, page, size);
    }

    /**
     * The matching entries taken together by operation (the {@code op:<n>} their target ends in), newest first; an
     * entry of no operation is a group of its own. One query in standard SQL for H2 and PostgreSQL.
     */
    public AuditGroupPage groups(AuditQuery query, int page, int size) {
        Filter filter = filter(query);
        String grouped = """
                SELECT action, actor, MIN(address) AS address, is_op, grp, COUNT(*) AS entries,
                       MIN(seq) AS first_seq, MAX(seq) AS last_seq, MIN(at_micros) AS first_at,
                       MAX(at_micros) AS last_at, MIN(target) AS target
                FROM (SELECT seq, at_micros, actor, address, action, target,
                             CASE WHEN POSITION(' op:' IN target) > 0 THEN 1 ELSE 0 END AS is_op,
                             CASE WHEN POSITION(' op:' IN target) > 0
                                  THEN SUBSTRING(target FROM POSITION(' op:' IN target) + 4)
                                  ELSE CAST(seq AS VARCHAR(20)) END AS grp
                      FROM audit_entry""" + filter.sql() + """
                ) e
                GROUP BY action, actor, is_op, grp""";
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + grouped + ") g").params(filter.params())
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(filter.params());
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditGroup> groups = jdbc.sql(grouped + " ORDER BY MAX(seq) DESC LIMIT ? OFFSET ?").params(pageParams)
                .query((rs, n) -> {
                    boolean op = rs.getInt(4) == 1;
                    long count = rs.getLong(6);
                    return new AuditGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                            op ? Long.valueOf(rs.getString(5).strip()) : null, count, rs.getLong(7), rs.getLong(8),
                            StoredEntry.instant(rs.getLong(9)), StoredEntry.instant(rs.getLong(10)),
                            op ? null : rs.getString(11));
                }).list();
        return new AuditGroupPage(groups, total, page, size);
    }

    /**
     * Every matching entry, newest first, handed one by one to {@code each}, at most {@code limit}; read as a cursor so
     * memory stays bounded. To be called inside a transaction (PostgreSQL streams only there).
     */
    public long each(AuditQuery query, long limit, Consumer<AuditEntry> each) {
        Filter filter = filter(query);
        List<Object> params = new ArrayList<>(filter.params());
        params.add(limit);
        long[] count = {0};
        try (Stream<StoredEntry> rows = streaming.queryForStream("SELECT " + COLUMNS + " FROM audit_entry"
                + filter.sql() + " ORDER BY seq DESC LIMIT ?", AuditEntries::row, params.toArray())) {
            rows.forEach(r -> {
                count[0]++;
                each.accept(r.toEntry());
            });
        }
        return count[0];
    }

    /** How many entries match. */
    public long count(AuditQuery query) {
        Filter filter = filter(query);
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter.sql()).params(filter.params())
                .query(Long.class).single();
    }

    private record Filter(String sql, List<Object> params) {
    }

    private static Filter filter(AuditQuery query) {
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
        List<String> targets = new ArrayList<>();
        if (query.target() != null && !query.target().isEmpty()) {
            targets.add("LOWER(target) LIKE ? ESCAPE '\\'");
            params.add(containing(query.target()));
        }
        for (Long item : query.items()) {
            // "item:5" alone or followed by what else the entry names ("item:5 op:12", "item:5 0012-WS-…")
            targets.add("target = ?");
            params.add("item:" + item);
            targets.add("target LIKE ?");
            params.add("item:" + item + " %");
        }
        if (!targets.isEmpty()) {
            where.add("(" + String.join(" OR ", targets) + ")");
        }
        if (query.address() != null && !query.address().isEmpty()) {
            where.add("LOWER(address) LIKE ? ESCAPE '\\'");
            params.add(containing(query.address()));
        }
        if (query.operation() != null) {
            where.add("target LIKE ?");
            params.add("% op:" + query.operation());
        }
        if (query.from() != null) {
            where.add("at_micros >= ?");
            params.add(StoredEntry.micros(query.from()));
        }
        if (query.to() != null) {
            where.add("at_micros < ?");
            params.add(StoredEntry.micros(query.to()));
        }
        return new Filter(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static StoredEntry row(ResultSet rs, int n) throws SQLException {
        return new StoredEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
