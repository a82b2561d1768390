package cn.lantai.audit;

import java.nio.file.Files;
import java.util.List;

import cn.lantai.audit.internal.Checkpoints;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A new archive: its first start signs the empty trail, which verifies, and the first entry is number 1. */
@LantaiTest
@TestPropertySource(properties = "lantai.audit.test=a-new-archive")
@DirtiesContext
@WithMockUser(roles = "AUDITOR")
class EmptyTrailTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    Checkpoints checkpoints;

    @Test
    void theFirstStartSignsTheEmptyTrailAndTheFirstEntryIsNumberOne() throws Exception {
        List<String> lines = Files.readAllLines(checkpoints.file());
        assertThat(lines).singleElement().asString().startsWith("0 " + "0".repeat(64) + " ");

        ChainVerification empty = audit.verify();
        assertThat(empty.ok()).as(empty.detail()).isTrue();
        assertThat(empty.entriesChecked()).isZero();
        assertThat(empty.checkpointsChecked()).isEqualTo(1);

        audit.record(new AuditEvent("admin", "127.0.0.1", "login", null, null, null));
        assertThat(audit.entries(AuditQuery.any(), 0, 10).entries()).extracting(AuditEntry::seq).containsExactly(1L);
        assertThat(Files.readAllLines(checkpoints.file())).hasSize(2).last().asString().startsWith("1 ");
        assertThat(audit.verify().ok()).isTrue();
    }
}
