package cn.lantai.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the local PostgreSQL (127.0.0.1:5432, database {@code lantai_test}, made afresh per run).
 * Skipped with a message where no PostgreSQL answers, except under {@code CI=true}, where it must run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres", "postgres-test"})
public @interface PostgresTest {
}
