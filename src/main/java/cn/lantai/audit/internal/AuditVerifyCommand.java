package cn.lantai.audit.internal;

import java.io.PrintStream;

import cn.lantai.audit.AuditTrail;
import cn.lantai.audit.ChainVerification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --lantai.audit.verify}: verify the trail, print the result and exit with 0 when intact, 1 when broken. Runs
 * before every other start-up runner, and the application is then stopped before it is ready, so no background work
 * appends to the trail first. {@code LantaiApplication} starts such a run without opening the web server's port.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AuditVerifyCommand implements ApplicationRunner {

    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final AuditKeys keys;
    private final ApplicationContext context;

    AuditVerifyCommand(ChainVerifier verifier, Checkpoints checkpoints, AuditKeys keys, ApplicationContext context) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(AuditTrail.VERIFY_OPTION)) {
            int status = verify(System.out);
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Verifies, prints the result to {@code out}, and answers the exit status. */
    public int verify(PrintStream out) {
        ChainVerification result = verifier.verify();
        out.printf("Checkpoints %s, signed by the SM2 key whose public key has SM3 fingerprint %s%n",
                checkpoints.file(), keys.fingerprint());
        if (result.ok()) {
            out.printf("Audit trail intact: %d entries and %d checkpoints checked.%n", result.entriesChecked(),
                    result.checkpointsChecked());
            out.printf("  %s%n", result.detail());
            return 0;
        }
        out.printf("Audit trail BROKEN at entry %d [%s]: %s%n", result.firstBrokenSeq(), result.problem(),
                result.detail());
        out.printf("  %d entries and %d checkpoints checked before that.%n", result.entriesChecked(),
                result.checkpointsChecked());
        return 1;
    }
}
