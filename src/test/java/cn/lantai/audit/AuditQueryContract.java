package cn.lantai.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's filters and the grouping by operation, on every database Lantai supports: the same answers on H2 and
 * PostgreSQL from one SQL text.
 */
@WithMockUser(roles = "AUDITOR")
abstract class AuditQueryContract {

    @Autowired
    AuditTrail audit;

    String who;
    long op;

    @BeforeEach
    void aPersonAndAnOperation() {
        who = "查询" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        op = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    @Test
    void theAddressFilterMatchesPartOfTheAddressIgnoringCase() {
        audit.record(new AuditEvent(who, "192.168.10.5", "login.success", who, null, null));
        audit.record(new AuditEvent(who, "FE80::1", "login.success", who, null, null));
        audit.record(new AuditEvent(who, null, "login.success", who, null, null));

        assertThat(total(query(null, "192.168.10.", List.of(), null))).isEqualTo(1);
        assertThat(total(query(null, "fe80", List.of(), null))).isEqualTo(1);
        assertThat(total(query(null, null, List.of(), null))).isEqualTo(3);
    }

    @Test
    void aRecordIsFoundByItsIdWhateverElseItsEntriesNameAndNotByAnotherIdThatStartsAlike() {
        long item = ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L);
        audit.record(new AuditEvent(who, null, "catalog.update", "item:" + item + " op:" + op, null, null));
        audit.record(new AuditEvent(who, null, "catalog.view", "item:" + item + " 0012-WS·2019-Y-0001", null, null));
        audit.record(new AuditEvent(who, null, "catalog.view-refused", "item:" + item, null, null));
        audit.record(new AuditEvent(who, null, "catalog.view-refused", "item:" + item + "1", null, null));

        assertThat(total(query(null, null, List.of(item), null))).isEqualTo(3);
        // a 档号 typed with the ids of its records: the entries that spell it and those of the record
        assertThat(total(new AuditQuery(who, null, "0012-WS·2019-Y-0001", null, List.of(item * 10 + 1), null, null,
                null))).isEqualTo(2);
    }

    @Test
    void anOperationsEntriesAreOneGroupAndEveryOtherEntryAGroupOfItsOwn() {
        List<AuditEvent> imported = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            imported.add(new AuditEvent(who, "10.0.0.9", "catalog.import", "item:" + (5_000_000 + i) + " op:" + op,
                    null, null));
        }
        audit.recordAll(imported);
        audit.record(new AuditEvent(who, "10.0.0.9", "catalog.update", "item:1 op:" + (op + 1), null, null));
        audit.record(new AuditEvent(who, "10.0.0.9", "login.success", who, null, null));
        audit.record(new AuditEvent(who, "10.0.0.9", "login.success", who, null, null));

        AuditGroupPage groups = audit.groups(query(null, null, List.of(), null), 0, 10);
        assertThat(groups.total()).isEqualTo(4);
        assertThat(groups.groups()).extracting(AuditGroup::action)
                .containsExactly("login.success", "login.success", "catalog.update", "catalog.import");
        AuditGroup imports = groups.groups().get(3);
        assertThat(imports.operation()).isEqualTo(op);
        assertThat(imports.count()).isEqualTo(1200);
        assertThat(imports.lastSeq() - imports.firstSeq()).isEqualTo(1199);
        assertThat(imports.address()).isEqualTo("10.0.0.9");
        assertThat(imports.target()).isNull();
        assertThat(groups.groups().get(0).operation()).isNull();
        assertThat(groups.groups().get(0).target()).isEqualTo(who);
        assertThat(groups.groups().get(0).count()).isEqualTo(1);

        assertThat(audit.groups(query(null, null, List.of(), null), 1, 3).groups()).singleElement()
                .satisfies(g -> assertThat(g.operation()).isEqualTo(op));
        assertThat(total(query(null, null, List.of(), op))).isEqualTo(1200);
        assertThat(total(query(null, null, List.of(), op + 1))).isEqualTo(1);
        // op:1 is not op:12…: the operation is matched to the end of the target
        assertThat(total(new AuditQuery(who, null, null, null, List.of(), Long.parseLong(
                String.valueOf(op).substring(0, 5)), null, null))).isZero();
    }

    @Test
    void theTimeRangeIsFromInclusiveToExclusive() {
        audit.record(new AuditEvent(who, null, "login.success", who, null, null));
        Instant now = Instant.now();
        assertThat(total(new AuditQuery(who, null, null, null, List.of(), null, now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.MINUTES)))).isEqualTo(1);
        assertThat(total(new AuditQuery(who, null, null, null, List.of(), null, now.plus(1, ChronoUnit.MINUTES),
                null))).isZero();
        assertThat(audit.groups(new AuditQuery(who, null, null, null, List.of(), null, null,
                now.minus(1, ChronoUnit.HOURS)), 0, 10).total()).isZero();
    }

    private AuditQuery query(String target, String address, List<Long> items, Long operation) {
        return new AuditQuery(who, null, target, address, items, operation, null, null);
    }

    private long total(AuditQuery query) {
        return audit.entries(query, 0, 1).total();
    }
}
