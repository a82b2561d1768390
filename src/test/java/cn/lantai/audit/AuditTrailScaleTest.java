package cn.lantai.audit;

import java.util.ArrayList;
import java.util.List;

import cn.lantai.support.LantaiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's worth of entries: 100,000 appended in batches of 2,000 as an import commits them, then the whole trail
 * verified. Prints both times. Only on request: {@code ./mvnw -Dtest=AuditTrailScaleTest -Dlantai.scaleTests=true
 * test}.
 */
@LantaiTest
@EnabledIfSystemProperty(named = "lantai.scaleTests", matches = "true")
class AuditTrailScaleTest {

    @Autowired
    AuditTrail audit;

    @Test
    @WithMockUser(roles = "AUDITOR")
    void aHundredThousandEntriesAppendInBatchesAndVerify() {
        long start = System.nanoTime();
        for (int batch = 0; batch < 50; batch++) {
            List<AuditEvent> events = new ArrayList<>(2000);
            for (int i = 0; i < 2000; i++) {
                int n = batch * 2000 + i;
                events.add(new AuditEvent("importer", "10.0.0.5", "item.create", "0012-WS·2019-Y-BGS-" + n, null,
                        "{\"title\":\"关于印发二〇一九年工作要点的通知 " + n + "\",\"creator\":\"区委办公室\"}"));
            }
            audit.recordAll(events);
        }
        long appended = System.nanoTime();
        ChainVerification result = audit.verify();
        long verified = System.nanoTime();

        System.out.printf("audit scale: appended 100000 entries in %.1f s (%.0f/s); verified %d entries in %.1f s%n",
                (appended - start) / 1e9, 100000 / ((appended - start) / 1e9), result.entriesChecked(),
                (verified - appended) / 1e9);
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(100000);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void anImportOfThirtyThousandRowsIsOneRowWhenGroupedByOperation() {
        long op = System.nanoTime();
        List<AuditEvent> events = new ArrayList<>(30_000);
        for (int i = 0; i < 30_000; i++) {
            events.add(new AuditEvent("importer30k", "10.0.0.6", "catalog.import", "item:" + (2_000_000 + i) + " op:"
                    + op, null, "{\"*\":\"0012-WS·2019-Y-" + i + "\"}"));
        }
        audit.recordAll(events);
        audit.groups(new AuditQuery("importer30k", null, null, null, null), 0, 50);
        long start = System.nanoTime();
        AuditGroupPage groups = audit.groups(new AuditQuery("importer30k", null, null, null, null), 0, 50);
        long grouped = System.nanoTime();
        System.out.printf("audit scale: grouped the trail (%d groups) in %.2f s, warm%n", groups.total(),
                (grouped - start) / 1e9);
        assertThat(groups.groups()).filteredOn(g -> Long.valueOf(op).equals(g.operation())).singleElement()
                .satisfies(g -> assertThat(g.count()).isEqualTo(30_000));
    }
}
