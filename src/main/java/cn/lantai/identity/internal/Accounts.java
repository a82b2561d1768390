package cn.lantai.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.lantai.catalog.Classification;
import cn.lantai.identity.Account;
import cn.lantai.identity.AccountRef;
import cn.lantai.identity.AdminDuty;
import cn.lantai.identity.PendingChange.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table and its memberships. Every write that can change the account's effective permissions (not the
 * count of failed logins or a lockout, which permissions do not hold) tells the {@link PermissionGeneration}.
 */
@Repository
public class Accounts {

    /**
     * The account's row and what holds its rights back until confirmed ({@link PendingChanges}): NEW_ACCOUNT sorts
     * before PASSWORD_RESET, so a new account reset before its confirmation still shows as new.
     */
    private static final String SELECT = """
            SELECT a.*, (SELECT MIN(p.kind) FROM pending_change p WHERE p.kind IN ('NEW_ACCOUNT', 'PASSWORD_RESET')
                AND p.subject = a.username) AS held_back_by
            FROM account a""";

    private final JdbcClient jdbc;
    private final PermissionGeneration generation;

    Accounts(JdbcClient jdbc, PermissionGeneration generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    public boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single() == 0;
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = ?").param(username).query(Long.class).single() > 0;
    }

    public void insert(String username, String displayName, String unit, String passwordHash, AdminDuty duty,
            boolean mustChangePassword) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO account (username, display_name, password_hash, unit_code, clearance, admin_duty, enabled,
                    must_change_password, failed_attempts, locked_until, session_epoch, password_changed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, 0, NULL, 0, ?, ?)""")
                .params(username, displayName, passwordHash, unit, Classification.NONE.name(),
                        duty == null ? null : duty.name(), mustChangePassword, now, now)
                .update();
    }

    /** Login names differ in more than case, so the trail's actor names are never ambiguous. */
    public boolean existsIgnoringCase(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE LOWER(username) = LOWER(?)").param(username)
                .query(Long.class).single() > 0;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = ?").param(username).query(Accounts::row).optional()
                .map(this::withMemberships);
    }

    public List<Account> all() {
        return jdbc.sql(SELECT + " ORDER BY a.username").query(Accounts::row).list().stream()
                .map(this::withMemberships).toList();
    }

    /** The enabled accounts of a unit (not below it), by login. */
    public List<AccountRef> inUnit(String unitCode) {
        return jdbc.sql("SELECT username, display_name FROM account WHERE unit_code = ? AND enabled ORDER BY username")
                .param(unitCode).query((rs, n) -> new AccountRef(rs.getString(1), rs.getString(2))).list();
    }

    /** The unit the account belongs to; empty for no such account or one in no unit. */
    public Optional<String> unitOf(String username) {
        return jdbc.sql("SELECT unit_code FROM account WHERE username = ?").param(username).query(String.class)
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = ?").param(username).query(String.class)
                .optional();
    }

    public int sessionEpoch(String username) {
        return jdbc.sql("SELECT session_epoch FROM account WHERE username = ?").param(username).query(Integer.class)
                .optional().orElse(-1);
    }

    /** Ends every session of the account (logout everywhere, disabled, password changed). */
    public void endSessions(String username) {
        generation.changed();
        jdbc.sql("UPDATE account SET session_epoch = session_epoch + 1 WHERE username = ?").param(username).update();
    }

    public void setPassword(String username, String hash, boolean mustChange) {
        generation.changed();
        jdbc.sql("""
                UPDATE account SET password_hash = ?, must_change_password = ?, password_changed_at = ?,
                    failed_attempts = 0, locked_until = NULL WHERE username = ?""")
                .params(hash, mustChange, Timestamp.from(Instant.now()), username).update();
    }

    public void setEnabled(String username, boolean enabled) {
        generation.changed();
        jdbc.sql("UPDATE account SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    public void setUnit(String username, String unit) {
        generation.changed();
        jdbc.sql("UPDATE account SET unit_code = ? WHERE username = ?").params(unit, username).update();
    }

    public void setClearance(String username, Classification clearance) {
        generation.changed();
        jdbc.sql("UPDATE account SET clearance = ? WHERE username = ?").params(clearance.name(), username).update();
    }

    public void setDuty(String username, AdminDuty duty) {
        generation.changed();
        jdbc.sql("UPDATE account SET admin_duty = ? WHERE username = ?").params(duty == null ? null : duty.name(),
                username).update();
    }

    /**
     * How many enabled accounts hold the duty, their rows locked until the transaction ends: two administrators
     * disabling the last two auditors at once cannot both succeed.
     */
    public long countWithDuty(AdminDuty duty) {
        return jdbc.sql("SELECT username FROM account WHERE admin_duty = ? AND enabled FOR UPDATE").param(duty.name())
                .query(String.class).list().size();
    }

    /** Counts a failed login; locks the account for the given time once the attempts reach the limit. */
    public void failedLogin(String username, int limit, Instant lockUntil) {
        jdbc.sql("UPDATE account SET failed_attempts = failed_attempts + 1 WHERE username = ?").param(username).update();
        int locked = jdbc.sql(
                "UPDATE account SET locked_until = ?, failed_attempts = 0 WHERE username = ? AND failed_attempts >= ?")
                .params(Timestamp.from(lockUntil), username, limit).update();
        if (locked > 0) {
            // a locked account's access tokens authenticate nobody from the next call on
            generation.changed();
        }
    }

    public void succeededLogin(String username) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE username = ?").param(username)
                .update();
    }

    public void unlock(String username) {
        succeededLogin(username);
    }

    public void setRoles(String username, Set<String> roles) {
        generation.changed();
        jdbc.sql("DELETE FROM account_role WHERE username = ?").param(username).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO account_role (username, role_code) VALUES (?, ?)").params(username, role).update();
        }
    }

    public void setGroups(String username, Set<String> groups) {
        generation.changed();
        jdbc.sql("DELETE FROM group_member WHERE username = ?").param(username).update();
        for (String group : groups) {
            jdbc.sql("INSERT INTO group_member (group_code, username) VALUES (?, ?)").params(group, username).update();
        }
    }

    /** The roles held directly and through groups. */
    public Set<String> effectiveRoles(String username) {
        return new HashSet<>(jdbc.sql("""
                SELECT role_code FROM account_role WHERE username = ?
                UNION SELECT gr.role_code FROM group_role gr JOIN group_member gm ON gm.group_code = gr.group_code
                WHERE gm.username = ?""").params(username, username).query(String.class).list());
    }

    /** The account's row alone: memberships are read after the row, never while its result set is open. */
    private static Account row(ResultSet rs, int n) throws SQLException {
        String duty = rs.getString("admin_duty");
        String heldBackBy = rs.getString("held_back_by");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("unit_code"),
                Classification.valueOf(rs.getString("clearance")), duty == null ? null : AdminDuty.valueOf(duty),
                Set.of(), Set.of(), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
                heldBackBy == null ? null : Kind.valueOf(heldBackBy));
    }

    private Account withMemberships(Account a) {
        Set<String> roles = Set.copyOf(jdbc.sql("SELECT role_code FROM account_role WHERE username = ?")
                .param(a.username()).query(String.class).list());
        Set<String> groups = Set.copyOf(jdbc.sql("SELECT group_code FROM group_member WHERE username = ?")
                .param(a.username()).query(String.class).list());
        return new Account(a.username(), a.displayName(), a.unit(), a.clearance(), a.duty(), roles, groups,
                a.enabled(), a.mustChangePassword(), a.failedAttempts(), a.lockedUntil(), a.heldBackBy());
    }
}
