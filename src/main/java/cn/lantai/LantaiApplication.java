package cn.lantai;

import java.util.Arrays;

import cn.lantai.access.CertificateCheck;
import cn.lantai.audit.AuditTrail;
import cn.lantai.preservation.CatalogueRebuilds;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Lantai (兰台): the digital archive of a district archives bureau. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class LantaiApplication {

    public static void main(String[] args) {
        if (CertificateCheck.requested(args)) {
            // An offline check of a certified copy needs the archive's public key alone: no Spring, no database.
            System.exit(CertificateCheck.run(args, System.out));
        }
        if (Arrays.stream(args).anyMatch(a -> isOption(a, AuditTrail.VERIFY_OPTION)
                || isOption(a, CatalogueRebuilds.OPTION))) {
            // A verification run opens no port and replays no interrupted events: nothing appends before it looks.
            // Nor does a rebuild of the catalogue from the store: nothing writes to the catalogue while it is rebuilt.
            // (Port -1 rather than no web context: the web security configuration needs one.)
            args = Arrays.copyOf(args, args.length + 2);
            args[args.length - 2] = "--server.port=-1";
            args[args.length - 1] = "--spring.modulith.events.republish-outstanding-events-on-restart=false";
        }
        SpringApplication.run(LantaiApplication.class, args);
    }

    private static boolean isOption(String arg, String option) {
        return arg.equals("--" + option) || arg.startsWith("--" + option + "=");
    }
}
