package cn.lantai.audit;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.LongStream;

import cn.lantai.audit.internal.Checkpoints;
import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A new archive: its first start signs the empty trail, then its first entries are numbered from 1 and verify. */
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
        assertThat(lines).first().asString().startsWith("0 " + "0".repeat(64) + " ");

        // the first start's own work is the trail's first entries: the three administrators, the standard categories
        List<AuditEntry> first = audit.entries(AuditQuery.any(), 0, 100).entries();
        assertThat(first).extracting(AuditEntry::seq).containsExactly(
                LongStream.rangeClosed(1, first.size()).map(n -> first.size() + 1 - n).boxed().toArray(Long[]::new));
        assertThat(first).extracting(AuditEntry::action).filteredOn("account.create"::equals).hasSize(3);
        assertThat(first).extracting(AuditEntry::action).containsOnly("account.create", "catalog.define-category");
        long started = first.size();
        ChainVerification start = audit.verify();
        assertThat(start.ok()).as(start.detail()).isTrue();
        assertThat(start.entriesChecked()).isEqualTo(started);

        audit.record(new AuditEvent("admin", "127.0.0.1", "login", null, null, null));
        assertThat(audit.entries(AuditQuery.any(), 0, 1).entries()).extracting(AuditEntry::seq)
                .containsExactly(started + 1);
        assertThat(Files.readAllLines(checkpoints.file())).last().asString().startsWith((started + 1) + " ");
        assertThat(audit.verify().ok()).isTrue();
    }
}
