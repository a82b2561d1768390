package cn.lantai.audit.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.lantai.audit.AuditReceipt;
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
 * {@code --lantai.audit.verify}: verify the trail, print the result and exit with 0 when intact, 1 when broken. With
 * {@code --lantai.audit.receipts=a.txt,b.txt} the trail is also held against the auditor's receipts in those files.
 * Runs before every other start-up runner, and the application is then stopped before it is ready, so no background
 * work appends to the trail first. {@code LantaiApplication} starts such a run without opening the web server's port.
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
            String[] receipts = context.getEnvironment().getProperty(AuditTrail.RECEIPTS_OPTION, String[].class,
                    new String[0]);
            int status = verify(System.out, Arrays.stream(receipts).map(Path::of).toList());
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Verifies, holding the trail against the receipts in these files, prints the result, answers the exit status. */
    public int verify(PrintStream out, List<Path> receiptFiles) {
        List<AuditReceipt> receipts = new ArrayList<>();
        for (Path file : receiptFiles) {
            try {
                // a receipt is ASCII; read byte for byte, so a log extract in any encoding is read whole
                receipts.addAll(AuditReceipt.read(Files.readString(file, StandardCharsets.ISO_8859_1)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit receipts " + file, e);
            } catch (IllegalArgumentException e) {
                out.printf("%s: %s%n", file, e.getMessage());
                return 1;
            }
        }
        ChainVerification result = verifier.verify(receipts);
        out.printf("Checkpoints %s, signed by the SM2 key whose public key has SM3 fingerprint %s%n",
                checkpoints.file(), keys.fingerprint());
        if (result.ok()) {
            out.printf("Audit trail intact: %d entries, %d checkpoints and %d receipts checked.%n",
                    result.entriesChecked(), result.checkpointsChecked(), result.receiptsChecked());
            out.printf("  %s%n", result.detail());
            return 0;
        }
        out.printf("Audit trail BROKEN at entry %d [%s]: %s%n", result.firstBrokenSeq(), result.problem(),
                result.detail());
        out.printf("  %d entries, %d checkpoints and %d receipts checked before that.%n", result.entriesChecked(),
                result.checkpointsChecked(), result.receiptsChecked());
        return 1;
    }
}
