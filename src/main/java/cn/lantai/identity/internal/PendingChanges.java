package cn.lantai.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.lantai.identity.PendingChange;
import cn.lantai.identity.PendingChange.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The changes waiting for the security administrator's confirmation ({@code pending_change}), one per kind and
 * subject. Asking for a change of unit or place changes nobody's permissions; holding a new or reset account back
 * does (it holds none until confirmed), and so does taking that out: both tell the {@link PermissionGeneration}.
 */
@Repository
public class PendingChanges {

    private static final String SELECT = """
            SELECT p.*, a.unit_code AS account_unit, a.must_change_password, u.parent_code, u.fonds_code
            FROM pending_change p
            LEFT JOIN account a ON p.kind <> 'UNIT_PLACE' AND a.username = p.subject
            LEFT JOIN org_unit u ON p.kind = 'UNIT_PLACE' AND u.code = p.subject""";

    private final JdbcClient jdbc;
    private final PermissionGeneration generation;

    PendingChanges(JdbcClient jdbc, PermissionGeneration generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    /**
     * Records that the account is new or its password was reset ({@link Kind#holdsRightsBack}): from now on it holds
     * no rights until this is confirmed.
     */
    public void holdBack(Kind kind, String username, String by) {
        generation.changed();
        replace(kind, username, null, null, by);
    }

    /** Asks for a change of an account's unit or a unit's place, in place of any such request before it. */
    public PendingChange request(Kind kind, String subject, String unit, String fonds, String by) {
        return find(replace(kind, subject, unit, fonds, by)).orElseThrow();
    }

    /** Drops the request of this kind about this subject; tells whether there was one. */
    public boolean withdraw(Kind kind, String subject) {
        return jdbc.sql("DELETE FROM pending_change WHERE kind = ? AND subject = ?").params(kind.name(), subject)
                .update() > 0;
    }

    public List<PendingChange> all() {
        return jdbc.sql(SELECT + " ORDER BY p.id").query(PendingChanges::row).list();
    }

    public Optional<PendingChange> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(PendingChanges::row).optional();
    }

    /**
     * Takes the change out as it is confirmed or refused. False when it is no longer pending (replaced, withdrawn, or
     * taken by a confirmation that committed meanwhile: the row lock makes the second one wait and find nothing).
     */
    public boolean take(PendingChange change) {
        if (change.kind().holdsRightsBack()) {
            generation.changed();
        }
        return jdbc.sql("DELETE FROM pending_change WHERE id = ?").param(change.id()).update() > 0;
    }

    private long replace(Kind kind, String subject, String unit, String fonds, String by) {
        withdraw(kind, subject);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO pending_change (kind, subject, to_unit, to_fonds, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), subject, unit, fonds, by, Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static PendingChange row(ResultSet rs, int n) throws SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind"));
        boolean place = kind == Kind.UNIT_PLACE;
        String unitNow = switch (kind) {
            case NEW_ACCOUNT, PASSWORD_RESET -> null;
            case ACCOUNT_UNIT -> rs.getString("account_unit");
            case UNIT_PLACE -> rs.getString("parent_code");
        };
        return new PendingChange(rs.getLong("id"), kind, rs.getString("subject"), unitNow, rs.getString("to_unit"),
                place ? rs.getString("fonds_code") : null, rs.getString("to_fonds"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                !kind.holdsRightsBack() || !rs.getBoolean("must_change_password"));
    }
}
