package cn.lantai.preservation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import cn.lantai.preservation.internal.inspection.Clamd;
import cn.lantai.preservation.internal.inspection.Clamscan;
import cn.lantai.preservation.internal.inspection.FormatIdentification;
import cn.lantai.preservation.internal.inspection.Quarantine;

/** Content inspections built without Spring, with the archival formats application.yaml ships. */
final class Inspections {

    static final Instant NOW = Instant.parse("2026-11-30T10:15:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));

    private Inspections() {
    }

    /** clamscan with the given signatures (no daemon), quarantine under the data directory. */
    static ContentInspection withClamscan(String clamscan, Path database, Path dataDir) {
        return new ContentInspection(new Clamd(dataDir.resolve("no-clamd.ctl"), TIMEOUT),
                new Clamscan(clamscan, database.toString(), "2000M", TIMEOUT), new FormatIdentification(shippedArchivalFormats()),
                new Quarantine(dataDir.resolve("quarantine"), CLOCK));
    }

    static ContentInspection withClamd(Path socket, Path dataDir) {
        return new ContentInspection(new Clamd(socket, TIMEOUT), new Clamscan("/nonexistent/clamscan", "", "2000M",
                TIMEOUT), new FormatIdentification(shippedArchivalFormats()),
                new Quarantine(dataDir.resolve("quarantine"), CLOCK));
    }

    /** clamd first, clamscan with the given signatures and size limit for what clamd cuts off. */
    static ContentInspection withClamdAndClamscan(Path socket, Path database, String maxFileSize, Path dataDir) {
        return new ContentInspection(new Clamd(socket, TIMEOUT), new Clamscan("clamscan", database.toString(),
                maxFileSize, TIMEOUT), new FormatIdentification(shippedArchivalFormats()),
                new Quarantine(dataDir.resolve("quarantine"), CLOCK));
    }

    /** clamscan with the given signatures and {@code --max-filesize}/{@code --max-scansize}, no daemon. */
    static ContentInspection withClamscanLimitedTo(String maxFileSize, Path database, Path dataDir) {
        return new ContentInspection(new Clamd(dataDir.resolve("no-clamd.ctl"), TIMEOUT),
                new Clamscan("clamscan", database.toString(), maxFileSize, TIMEOUT),
                new FormatIdentification(shippedArchivalFormats()), new Quarantine(dataDir.resolve("quarantine"), CLOCK));
    }

    static FormatIdentification formats() {
        return new FormatIdentification(shippedArchivalFormats());
    }

    /** {@code lantai.preservation.archival-formats} as application.yaml has it. */
    static List<String> shippedArchivalFormats() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = yaml.getObject();
        List<String> formats = new ArrayList<>();
        for (int i = 0; properties.containsKey("lantai.preservation.archival-formats[" + i + "]"); i++) {
            formats.add(properties.getProperty("lantai.preservation.archival-formats[" + i + "]"));
        }
        return formats;
    }
}
