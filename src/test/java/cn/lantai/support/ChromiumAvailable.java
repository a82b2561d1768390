package cn.lantai.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests where Debian's Chromium is installed ({@code /usr/bin/chromium}, package {@code chromium}).
 * Where it is not, they are skipped with a visible message, unless {@code CI=true}: then they run and fail, as the
 * PostgreSQL tests do ({@link PostgresAvailable}).
 */
public class ChromiumAvailable implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM)) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: browser tests must run (and will fail without Chromium)");
        }
        String message = "SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install chromium); browser tests skipped. "
                + "Under CI=true they run and fail.";
        System.out.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}
