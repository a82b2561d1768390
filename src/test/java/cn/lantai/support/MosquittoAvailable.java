package cn.lantai.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs MQTT tests where an MQTT broker answers on 127.0.0.1:1883 (Debian's {@code mosquitto}, started by
 * {@code .ci/run}); elsewhere they are skipped with a visible message, unless {@code CI=true}: then they run and fail,
 * as the PostgreSQL tests do ({@link PostgresAvailable}).
 */
public class MosquittoAvailable implements ExecutionCondition {

    public static final String URL = "tcp://127.0.0.1:1883";
    private static Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available()) {
            return ConditionEvaluationResult.enabled("an MQTT broker answers at 127.0.0.1:1883");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: MQTT tests must run (and will fail without Mosquitto)");
        }
        String message = "SKIPPED: no MQTT broker at 127.0.0.1:1883 (apt-get install mosquitto); MQTT tests skipped. "
                + "Under CI=true they run and fail.";
        System.out.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static synchronized boolean available() {
        if (available == null) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 1883), 2000);
                available = true;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }
}
