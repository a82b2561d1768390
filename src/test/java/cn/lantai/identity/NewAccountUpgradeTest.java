package cn.lantai.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import cn.lantai.support.PostgresAvailable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading an archive to migration V11: an account the system administrator created before it and whose holder has
 * not signed in yet waits for the security administrator's confirmation like a new one (its one-time password is
 * known to its creator); accounts in use, reset ones and the administrators of the first start stay as they were.
 * Flyway alone on an empty database, no application: on H2 and on PostgreSQL (a schema of the test database).
 */
class NewAccountUpgradeTest {

    private static final String SCHEMA = "upgrade_v11";
    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void onH2AnAccountNeverSignedInWaitsForConfirmationAfterTheUpgrade() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:upgrade_v11;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            upgrade(new SingleConnectionDataSource(c, true), Flyway.configure());
        }
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    void onPostgresAnAccountNeverSignedInWaitsForConfirmationAfterTheUpgrade() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/"
                + PostgresAvailable.DATABASE + "?currentSchema=" + SCHEMA, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                try {
                    upgrade(new SingleConnectionDataSource(c, true), Flyway.configure().schemas(SCHEMA));
                } finally {
                    // the test database is shared: a second set of Lantai's tables would confuse other tests
                    s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                }
            }
        }
    }

    private static void upgrade(DataSource data, FluentConfiguration flyway) {
        flyway.dataSource(data).locations("classpath:db/migration");
        flyway.target("10").load().migrate();
        JdbcClient jdbc = JdbcClient.create(data);
        account(jdbc, "unused", null, true, CREATED);
        account(jdbc, "in-use", null, false, LATER);
        account(jdbc, "reset", null, true, LATER);
        jdbc.sql("""
                INSERT INTO pending_change (kind, subject, requested_by, requested_at)
                VALUES ('PASSWORD_RESET', 'reset', 'admin', ?)""").param(Timestamp.from(LATER)).update();
        account(jdbc, "auditor", "AUDITOR", true, CREATED);

        flyway.target("latest").load().migrate();

        assertThat(jdbc.sql("SELECT kind || ' ' || subject || ' ' || requested_by FROM pending_change ORDER BY kind")
                .query(String.class).list())
                .isEqualTo(List.of("NEW_ACCOUNT unused system", "PASSWORD_RESET reset admin"));
    }

    /** An account as an earlier version left it, created at {@link #CREATED}, its password set at {@code changed}. */
    private static void account(JdbcClient jdbc, String username, String duty, boolean mustChange, Instant changed) {
        jdbc.sql("""
                INSERT INTO account (username, display_name, password_hash, clearance, admin_duty, enabled,
                    must_change_password, failed_attempts, session_epoch, password_changed_at, created_at)
                VALUES (?, ?, 'x', 'NONE', ?, TRUE, ?, 0, 0, ?, ?)""")
                .params(username, username, duty, mustChange, Timestamp.from(changed), Timestamp.from(CREATED))
                .update();
    }
}
