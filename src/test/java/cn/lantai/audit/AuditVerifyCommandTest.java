package cn.lantai.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.lantai.audit.internal.AuditVerifyCommand;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --lantai.audit.verify}: exit status 0 for an intact trail, 1 naming the first broken entry otherwise. */
@LantaiTest
class AuditVerifyCommandTest {

    @Autowired
    AuditVerifyCommand command;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVerifyCommandExitsWithZeroWhenIntactAndOneNamingTheBrokenEntryOtherwise() {
        audit.recordAll(List.of(new AuditEvent("张三", "10.0.0.1", "item.update", "A", "{}", "{\"a\":1}"),
                new AuditEvent("张三", "10.0.0.1", "item.update", "B", "{}", "{\"b\":1}")));
        long altered = jdbc.queryForObject("SELECT seq FROM audit_head", Long.class) - 1;

        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        assertThat(command.verify(new PrintStream(intact, true, StandardCharsets.UTF_8), List.of())).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("intact").contains("entries");

        String original = jdbc.queryForObject("SELECT after_state FROM audit_entry WHERE seq = ?", String.class, altered);
        jdbc.update("UPDATE audit_entry SET after_state = '{\"a\":2}' WHERE seq = ?", altered);
        try {
            ByteArrayOutputStream broken = new ByteArrayOutputStream();
            assertThat(command.verify(new PrintStream(broken, true, StandardCharsets.UTF_8), List.of())).isEqualTo(1);
            assertThat(broken.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry " + altered)
                    .contains(ChainVerification.ALTERED);
        } finally {
            jdbc.update("UPDATE audit_entry SET after_state = ? WHERE seq = ?", original, altered);
        }
        assertThat(command.verify(new PrintStream(new ByteArrayOutputStream()), List.of())).isZero();
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void theVerifyCommandHoldsTheTrailAgainstTheReceiptFilesNamed(@TempDir Path dir) throws Exception {
        audit.record(new AuditEvent("张三", "10.0.0.1", "item.update", "C", "{}", "{}"));
        Path receipt = Files.writeString(dir.resolve("receipt.txt"), "# 回执\n" + audit.receipt().line() + "\n");
        Path none = Files.writeString(dir.resolve("notes.txt"), "no receipt here\n");

        ByteArrayOutputStream held = new ByteArrayOutputStream();
        assertThat(command.verify(new PrintStream(held, true, StandardCharsets.UTF_8), List.of(receipt))).isZero();
        assertThat(held.toString(StandardCharsets.UTF_8)).contains("1 receipts checked");

        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(command.verify(new PrintStream(refused, true, StandardCharsets.UTF_8), List.of(none))).isEqualTo(1);
        assertThat(refused.toString(StandardCharsets.UTF_8)).contains("notes.txt").contains("no audit receipt");
    }
}
