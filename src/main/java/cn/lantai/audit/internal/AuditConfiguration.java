package cn.lantai.audit.internal;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** The trail's files, and method security, which guards the trail's reading side to the auditor's role. */
@Configuration
@EnableMethodSecurity
class AuditConfiguration {

    /**
     * The data directory is read once here: with a test's {@code ${random.uuid}} in it, every separate reading would
     * name another directory.
     */
    @Bean
    AuditFiles auditFiles(Environment environment) {
        Path dataDir = Path.of(environment.getRequiredProperty("lantai.data-dir")).toAbsolutePath().normalize();
        Path checkpoints = path(environment, "lantai.audit.checkpoint-file",
                dataDir.resolve("audit").resolve("checkpoints"));
        Path key = path(environment, "lantai.audit.key-file", AuditFiles.defaultKey());
        return AuditFiles.of(checkpoints, key, dataDir);
    }

    private static Path path(Environment environment, String property, Path otherwise) {
        String given = environment.getProperty(property);
        return (given == null || given.isBlank() ? otherwise : Path.of(given)).toAbsolutePath().normalize();
    }
}
