package cn.lantai.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when the local server answers, after making the test database afresh once per run. Where it
 * does not answer the tests are skipped with a visible message, unless {@code CI=true}: then they run and fail.
 */
public class PostgresAvailable implements ExecutionCondition {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** The test database; {@code LANTAI_TEST_DB} names another, so that two checkouts can run their tests at once. */
    public static final String DATABASE = System.getenv().getOrDefault("LANTAI_TEST_DB", "lantai_test");
    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (prepare()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at 127.0.0.1:5432");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests must run (and will fail without it)");
        }
        String message = "SKIPPED: no PostgreSQL at 127.0.0.1:5432 (user postgres); PostgreSQL tests skipped. "
                + "Under CI=true they run and fail.";
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static synchronized boolean prepare() {
        if (available == null) {
            try (Connection c = DriverManager.getConnection(SERVER, "postgres", "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                c.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                available = true;
            } catch (SQLException e) {
                available = false;
            }
        }
        return available;
    }
}
