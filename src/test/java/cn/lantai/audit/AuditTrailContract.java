package cn.lantai.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.lantai.audit.internal.Checkpoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail's rules, run against every database Lantai supports (H2 and PostgreSQL). Each test appends its own
 * entries, tampers with them directly in the database or the checkpoint file as an attacker would, and puts
 * everything back afterwards, so the shared trail verifies again for the next test.
 */
@WithMockUser(roles = "AUDITOR")
abstract class AuditTrailContract {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Checkpoints checkpoints;

    Trail trail;

    @BeforeEach
    void openTrail() {
        trail = new Trail(jdbc, checkpoints.file());
    }

    @AfterEach
    void putTheTrailBack() {
        trail.restore();
        assertThat(audit.verify().ok()).as("the trail verifies again once put back").isTrue();
    }

    static AuditEvent event(String actor, String action, String target, String before, String after) {
        return new AuditEvent(actor, "192.168.1.20", action, target, before, after);
    }

    /** Appends {@code count} entries, one transaction each; answers the first new number. */
    long appendSingly(int count, String action) {
        long first = trail.headSeq() + 1;
        for (int i = 0; i < count; i++) {
            audit.record(event("张三", action, "0012-WS·2019-Y-BGS-" + i, "{\"title\":\"旧\"}", "{\"title\":\"新" + i + "\"}"));
        }
        return first;
    }

    /** Appends {@code count} entries in one transaction; answers the first new number. */
    long appendBatch(int count, String action) {
        long first = trail.headSeq() + 1;
        audit.recordAll(IntStream.range(0, count)
                .mapToObj(i -> event("importer", action, "item-" + i, null, "row " + i)).toList());
        return first;
    }

    @Test
    void anUntouchedTrailOfManyTransactionsAndABatchOfThousandsVerifies() {
        appendSingly(5, "login");
        appendBatch(40, "item.update");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            audit.record(event("李四", "item.create", "A-1", null, "{}"));
            audit.record(event("李四", "item.create", "A-2", null, "{}"));
        });
        long batch = appendBatch(3000, "import");
        appendSingly(3, "item.view");

        ChainVerification result = audit.verify();

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.firstBrokenSeq()).isNull();
        assertThat(result.problem()).isNull();
        assertThat(result.entriesChecked()).isEqualTo(trail.headSeq()).isGreaterThanOrEqualTo(batch + 3002);
        assertThat(result.checkpointsChecked()).isEqualTo(trail.lines().size());
        assertThat(trail.checkpointedSeqs()).first().isEqualTo(0L);
        assertThat(trail.checkpointedSeqs()).last().isEqualTo(trail.headSeq());
        assertThat(trail.checkpointedSeqs()).contains(batch + 2999).isSorted();
    }

    @Test
    void alteringAnyPartOfAnEntryIsDetectedAtThatEntry() {
        long first = appendSingly(12, "item.update");
        long target = first + 5;
        trail.save(first);
        for (String change : List.of("after_state = '{\"title\":\"改过\"}'", "before_state = NULL", "actor = '王五'",
                "address = '10.1.1.1'", "action = 'item.view'", "target = 'X'", "at_micros = at_micros + 1",
                "digest = '" + "a".repeat(64) + "'", "prev_digest = '" + "b".repeat(64) + "'")) {
            jdbc.update("UPDATE audit_entry SET " + change + " WHERE seq = ?", target);

            ChainVerification result = audit.verify();

            assertThat(result.ok()).as(change).isFalse();
            assertThat(result.firstBrokenSeq()).as(change).isEqualTo(target);
            assertThat(result.problem()).as(change).isEqualTo(ChainVerification.ALTERED);
            trail.restore();
            trail.save(first);
        }
    }

    @Test
    void alteringAnEntryAndRecomputingOnlyItsOwnDigestIsDetectedAtThatEntry() {
        long first = appendSingly(8, "item.update");
        long target = first + 3;
        trail.save(first);
        Map<String, Object> r = trail.row(target);
        String forged = Forger.digest((String) r.get("prev_digest"), target, ((Number) r.get("at_micros")).longValue(),
                (String) r.get("actor"), (String) r.get("address"), (String) r.get("action"), (String) r.get("target"),
                (String) r.get("before_state"), "{\"title\":\"改过\"}");
        jdbc.update("UPDATE audit_entry SET after_state = '{\"title\":\"改过\"}', digest = ? WHERE seq = ?", forged, target);

        assertBroken(ChainVerification.ALTERED, target);
    }

    @Test
    void deletingAnEntryFromTheMiddleIsDetectedAsMissing() {
        long first = appendSingly(10, "item.update");
        long target = first + 4;
        trail.save(first);
        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", target);

        ChainVerification result = assertBroken(ChainVerification.MISSING, target);
        assertThat(result.detail()).contains(Long.toString(target));
    }

    @Test
    void deletingAnEntryAndRenumberingTheRestToCloseTheGapIsDetectedAsMissing() {
        long first = appendSingly(10, "item.update");
        long target = first + 4;
        trail.save(first);
        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", target);
        trail.renumber(target + 1, -1);
        jdbc.update("UPDATE audit_head SET seq = seq - 1 WHERE id = 1");

        assertBroken(ChainVerification.MISSING, target);
    }

    @Test
    void twoEntriesSwappingPlacesIsDetected() {
        long first = appendSingly(6, "item.update");
        long target = first + 2;
        trail.save(first);
        jdbc.update("UPDATE audit_entry SET seq = -1 WHERE seq = ?", target);
        jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = ?", target, target + 1);
        jdbc.update("UPDATE audit_entry SET seq = ? WHERE seq = -1", target + 1);

        assertBroken(ChainVerification.INSERTED, target);
    }

    @Test
    void anEntryInsertedInTheMiddleByShiftingTheRestIsDetected() {
        long first = appendSingly(10, "item.update");
        long target = first + 4;
        trail.save(first);
        trail.renumber(target, 1);
        jdbc.update("UPDATE audit_head SET seq = seq + 1 WHERE id = 1");
        String previous = trail.digest(target - 1);
        long at = ((Number) trail.row(target - 1).get("at_micros")).longValue() + 1;
        trail.insert(target, at, "张三", "item.delete", "{}", previous,
                Forger.digest(previous, target, at, "张三", "10.0.0.66", "item.delete", "档案-0001", null, "{}"));

        assertBroken(ChainVerification.INSERTED, target);
    }

    @Test
    void anEntryWithARandomDigestInsertedInTheMiddleIsDetected() {
        long first = appendSingly(10, "item.update");
        long target = first + 4;
        trail.save(first);
        trail.renumber(target, 1);
        jdbc.update("UPDATE audit_head SET seq = seq + 1 WHERE id = 1");
        trail.insert(target, 1, "张三", "item.delete", "{}", "c".repeat(64), "d".repeat(64));

        assertBroken(ChainVerification.INSERTED, target);
    }

    @Test
    void aForgedEntryCorrectlyChainedAtTheEndIsDetected() {
        appendSingly(3, "item.update");
        long head = trail.headSeq();
        trail.save(head);
        String previous = trail.headDigest();
        long at = StoredMicros.now();
        trail.insert(head + 1, at, "张三", "item.delete", "{}", previous,
                Forger.digest(previous, head + 1, at, "张三", "10.0.0.66", "item.delete", "档案-0001", null, "{}"));

        assertBroken(ChainVerification.INSERTED, head + 1);
    }

    @Test
    void aDuplicateOfAnEntryIsDetected() {
        long first = appendSingly(6, "item.update");
        long target = first + 2;
        trail.save(first);
        // an attacker who may insert a second row with the same number must first drop the key
        jdbc.update("ALTER TABLE audit_entry DROP CONSTRAINT \"" + primaryKeyName() + "\"");
        try {
            Map<String, Object> r = trail.row(target);
            trail.insert(target, ((Number) r.get("at_micros")).longValue(), "张三", "item.view", "{}",
                    (String) r.get("prev_digest"), (String) r.get("digest"));

            ChainVerification result = audit.verify();

            assertThat(result.ok()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(target);
            assertThat(result.problem()).isIn(ChainVerification.INSERTED, ChainVerification.ALTERED);
        } finally {
            jdbc.update("DELETE FROM audit_entry WHERE seq = ? AND action = 'item.view'", target);
            jdbc.update("ALTER TABLE audit_entry ADD PRIMARY KEY (seq)");
        }
    }

    @Test
    void deletingTheNewestEntriesIsDetected() {
        long first = appendSingly(8, "item.update");
        long cut = first + 5;
        trail.save(first);
        jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", cut);

        assertBroken(ChainVerification.TRUNCATED, cut);
    }

    @Test
    void deletingTheNewestEntriesAndMovingTheHeadBackIsDetectedByTheSignedCheckpoint() {
        long first = appendSingly(8, "item.update");
        long cut = first + 5;
        trail.save(first);
        jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", cut);
        jdbc.update("UPDATE audit_head SET seq = ?, digest = ? WHERE id = 1", cut - 1, trail.digest(cut - 1));

        assertBroken(ChainVerification.TRUNCATED, cut);
    }

    @Test
    void recomputingTheWholeChainAfterAlteringAnEntryIsDetectedAtTheNextCheckpoint() {
        long first = appendBatch(6, "item.update");
        appendBatch(6, "item.update");
        long target = first + 2;
        trail.save(first);
        jdbc.update("UPDATE audit_entry SET after_state = 'row forged' WHERE seq = ?", target);
        trail.rechainFrom(target);

        ChainVerification result = audit.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).isEqualTo(ChainVerification.CHECKPOINT);
        long nextCheckpoint = trail.checkpointedSeqs().stream().filter(s -> s >= target).findFirst().orElseThrow();
        assertThat(nextCheckpoint).isEqualTo(first + 5);
        assertThat(result.firstBrokenSeq()).isEqualTo(nextCheckpoint);
    }

    @Test
    void recomputingTheChainAndSigningItWithAnotherKeyIsDetected() throws Exception {
        long first = appendSingly(4, "item.update");
        trail.save(first);
        jdbc.update("UPDATE audit_entry SET actor = '王五' WHERE seq = ?", first + 1);
        trail.rechainFrom(first + 1);
        List<String> lines = new ArrayList<>(trail.lines());
        lines.removeIf(l -> Long.parseLong(l.substring(0, l.indexOf(' '))) > first);
        lines.add(ForeignKey.signedLine(trail.headSeq(), trail.headDigest()));
        trail.writeLines(lines);

        assertBroken(ChainVerification.CHECKPOINT, trail.headSeq());
    }

    @Test
    void aCheckpointLineWithAnotherDigestIsDetected() {
        long first = appendSingly(4, "item.update");
        trail.save(first);
        List<String> lines = new ArrayList<>(trail.lines());
        String last = lines.remove(lines.size() - 1);
        String[] parts = last.split(" ");
        parts[1] = trail.digest(first);
        lines.add(String.join(" ", parts));
        trail.writeLines(lines);

        assertBroken(ChainVerification.CHECKPOINT, Long.parseLong(parts[0]));
    }

    @Test
    void aCheckpointLineWithAnotherLinesSignatureIsDetected() {
        long first = appendSingly(4, "item.update");
        trail.save(first);
        List<String> lines = new ArrayList<>(trail.lines());
        String last = lines.get(lines.size() - 1);
        String other = lines.get(lines.size() - 2);
        lines.set(lines.size() - 1, last.substring(0, last.lastIndexOf(' ')) + other.substring(other.lastIndexOf(' ')));
        trail.writeLines(lines);

        assertBroken(ChainVerification.CHECKPOINT, trail.headSeq());
    }

    @Test
    void aGarbledCheckpointLineIsDetected() {
        long first = appendSingly(4, "item.update");
        trail.save(first);
        List<String> lines = new ArrayList<>(trail.lines());
        lines.set(lines.size() - 2, "this is not a checkpoint");
        trail.writeLines(lines);

        ChainVerification result = audit.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).isEqualTo(ChainVerification.CHECKPOINT);
    }

    @Test
    void deletingTheCheckpointFileIsDetected() {
        long first = appendSingly(2, "item.update");
        trail.save(first);
        trail.writeLines(List.of());

        assertBroken(ChainVerification.CHECKPOINT, 1L);
    }

    /** Cuts off the entries from {@code cut} on, moves the head back and strips their checkpoint lines. */
    private void truncate(long cut) {
        jdbc.update("DELETE FROM audit_entry WHERE seq >= ?", cut);
        jdbc.update("UPDATE audit_head SET seq = ?, digest = ? WHERE id = 1", cut - 1, trail.digest(cut - 1));
        List<String> lines = new ArrayList<>(trail.lines());
        lines.removeIf(l -> Long.parseLong(l.substring(0, l.indexOf(' '))) >= cut);
        trail.writeLines(lines);
    }

    @Test
    void cuttingOffTheNewestEntriesWithTheirCheckpointsIsFoundByTheAuditorsReceipt() {
        long first = appendSingly(8, "item.update");
        AuditReceipt receipt = audit.receipt();
        assertThat(receipt.seq()).isEqualTo(first + 7);
        assertThat(receipt.digest()).isEqualTo(trail.digest(first + 7));
        ChainVerification untouched = audit.verify(List.of(receipt));
        assertThat(untouched.ok()).as(untouched.detail()).isTrue();
        assertThat(untouched.receiptsChecked()).isEqualTo(1);
        long cut = first + 5;
        trail.save(first);

        truncate(cut);

        assertThat(audit.verify().ok()).as("the server's own anchors cannot show it: all were cut back").isTrue();
        ChainVerification result = audit.verify(List.of(receipt));
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).as(result.detail()).isEqualTo(ChainVerification.TRUNCATED);
        assertThat(result.firstBrokenSeq()).isEqualTo(cut);
        assertThat(result.detail()).contains("receipt 1").contains(Long.toString(first + 7));
    }

    @Test
    void cuttingOffTheNewestEntriesAndAppendingOthersUpToTheReceiptIsFound() {
        long first = appendSingly(8, "item.update");
        AuditReceipt receipt = audit.receipt();
        long cut = first + 3;
        trail.save(first);
        truncate(cut);

        // new entries take the numbers of those cut off, up to the receipt's (no further: no checkpoint is written)
        appendSingly(5, "item.view");

        assertThat(trail.headSeq()).isEqualTo(receipt.seq());
        assertThat(audit.verify().ok()).isTrue();
        assertBroken(ChainVerification.RECEIPT, receipt.seq(), List.of(receipt));
    }

    @Test
    void wipingTheWholeTrailAndItsCheckpointFileIsFoundByAReceipt() {
        appendSingly(2, "item.update");
        AuditReceipt receipt = audit.receipt();
        trail.save(trail.headSeq() + 1);
        trail.writeLines(List.of());
        // the rows are wiped inside a transaction rolled back at the end: the shared trail may be long
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM audit_entry");
            jdbc.update("UPDATE audit_head SET seq = 0, digest = ? WHERE id = 1", "0".repeat(64));

            assertThat(audit.verify().ok()).as("an empty trail without checkpoints looks like a new archive").isTrue();
            assertBroken(ChainVerification.TRUNCATED, 1, List.of(receipt));
            status.setRollbackOnly();
        });
    }

    @Test
    void aReceiptNotSignedWithTheArchivesKeyIsRefused() throws Exception {
        appendSingly(2, "item.update");
        AuditReceipt forged = AuditReceipt.read(ForeignKey.signedLine(trail.headSeq(), trail.headDigest())).get(0);

        assertBroken(ChainVerification.RECEIPT, trail.headSeq(), List.of(forged));
    }

    @Test
    void noReceiptIsGivenForABrokenChain() {
        long first = appendSingly(3, "item.update");
        trail.save(first);
        jdbc.update("UPDATE audit_entry SET actor = '王五' WHERE seq = ?", first + 1);

        assertThatThrownBy(() -> audit.receipt()).isInstanceOfSatisfying(ChainBroken.class, e -> {
            assertThat(e.verification().problem()).isEqualTo(ChainVerification.ALTERED);
            assertThat(e.verification().firstBrokenSeq()).isEqualTo(first + 1);
        });
    }

    @Test
    void eachCheckpointAlsoGoesToTheWitnessLogWhereItServesAsAReceipt() {
        Logger witness = (Logger) LoggerFactory.getLogger("lantai.audit.witness");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Level level = witness.getLevel();
        witness.setLevel(Level.INFO);
        witness.addAppender(log);
        log.start();
        long first;
        try {
            first = appendSingly(6, "item.update");
        } finally {
            witness.detachAppender(log);
            witness.setLevel(level);
        }
        String logged = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(" " + (first + 5) + " ")).findFirst().orElseThrow();
        List<AuditReceipt> fromTheLog = AuditReceipt.read("Jan 12 10:00:01 archive lantai[4242]: " + logged);
        assertThat(fromTheLog).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(first + 5);
            assertThat(r.digest()).isEqualTo(trail.digest(first + 5));
        });
        assertThat(trail.lines()).contains(fromTheLog.get(0).line());
        trail.save(first);

        truncate(first + 2);

        assertBroken(ChainVerification.TRUNCATED, first + 2, fromTheLog);
    }

    @Test
    void entriesNewerThanTheNewestCheckpointAreReportedButDoNotBreakTheChain() {
        appendSingly(2, "item.update");
        long head = trail.headSeq();
        trail.save(head);
        // as a crash between the commit and its checkpoint leaves the trail
        String previous = trail.headDigest();
        long at = StoredMicros.now();
        trail.insert(head + 1, at, "张三", "item.view", "{}", previous,
                Forger.digest(previous, head + 1, at, "张三", "10.0.0.66", "item.view", "档案-0001", null, "{}"));
        jdbc.update("UPDATE audit_head SET seq = ?, digest = ? WHERE id = 1", head + 1, trail.digest(head + 1));

        ChainVerification result = audit.verify();

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.detail()).contains("not yet signed").contains(Long.toString(head + 1));
    }

    @Test
    void concurrentAppendsKeepNumbersContiguousAndTheChainValid() throws Exception {
        long before = trail.headSeq();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        if (i % 5 == 0) {
                            audit.recordAll(List.of(event("w" + writer, "batch", "t" + i, null, "a"),
                                    event("w" + writer, "batch", "t" + i, null, "b"),
                                    event("w" + writer, "batch", "t" + i, null, "c")));
                        } else {
                            audit.record(event("w" + writer, "single", "t" + i, null, null));
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(writers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long expected = 4 * (20 + 5 * 3);
        Map<String, Object> range = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi FROM audit_entry WHERE seq > ?", before);
        assertThat(((Number) range.get("n")).longValue()).isEqualTo(expected);
        assertThat(((Number) range.get("lo")).longValue()).isEqualTo(before + 1);
        assertThat(((Number) range.get("hi")).longValue()).isEqualTo(before + expected);
        assertThat(trail.headSeq()).isEqualTo(before + expected);
        ChainVerification result = audit.verify();
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(trail.checkpointedSeqs()).last().isEqualTo(before + expected);
    }

    @Test
    void anAppendInARolledBackTransactionLeavesNoEntryAndNoGap() {
        long before = trail.headSeq();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            audit.record(event("张三", "rolled.back", "X", null, null));
            assertThat(trail.headSeq()).as("the append joined this transaction: written as it commits")
                    .isEqualTo(before);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            audit.recordAll(List.of(event("张三", "rolled.back", "Y", null, null)));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(trail.headSeq()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'rolled.back'", Long.class))
                .isZero();
        audit.record(event("张三", "after.rollback", "Z", null, null));
        assertThat(jdbc.queryForObject("SELECT seq FROM audit_entry WHERE action = 'after.rollback'", Long.class))
                .isEqualTo(before + 1);
        assertThat(trail.checkpointedSeqs()).last().isEqualTo(before + 1);
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aRefusalRecordedApartStaysWhenTheRefusedWorkRollsBack() {
        long before = trail.headSeq();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            audit.record(event("张三", "rolled.back", "W", null, null));
            audit.recordApart(event("张三", "refused", "W", null, null));
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(trail.headSeq()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'refused'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE target = 'W' AND action = 'rolled.back'",
                Long.class)).isZero();
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void aViewAuditedFromAReadOnlyTransactionStillLands() {
        long before = trail.headSeq();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            audit.record(event("读者", "item.view", "0012-WS·2019-Y-BGS-0001", null, null));
            status.setRollbackOnly();
        });

        assertThat(trail.headSeq()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT action FROM audit_entry WHERE seq = ?", String.class, before + 1))
                .isEqualTo("item.view");
        assertThat(trail.checkpointedSeqs()).last().isEqualTo(before + 1);
    }

    @Test
    void textADatabaseCannotHoldAsGivenIsStoredCleanedAndStillVerifies() {
        long before = trail.headSeq();
        String huge = "档".repeat(1_000_500);
        audit.record(new AuditEvent("bad\u0000name", "::1", "login.failed", "half \uD800 pair", huge, "x".repeat(1200)));

        Map<String, Object> r = trail.row(before + 1);
        assertThat(r.get("actor")).isEqualTo("bad\uFFFDname");
        assertThat(r.get("target")).isEqualTo("half \uFFFD pair");
        assertThat((String) r.get("before_state")).hasSize(1_000_000).endsWith("…");
        assertThat(r.get("after_state")).isEqualTo("x".repeat(1200));
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void auditorsFindEntriesByActorActionTargetAndTimeNewestFirst() {
        String tag = Long.toString(System.nanoTime());
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS);
        audit.recordAll(List.of(
                event("Archivist_" + tag, "item.update", "0012-WS·2019-Y-BGS-0001", "{}", "{}"),
                event("archivist_" + tag, "item.view", "0012-WS·2019-Y-BGS-0002", null, null),
                event("reader_" + tag, "item.view", "0012-WS·2019-Y-BGS-0002", null, null)));
        // the three were appended in one transaction, so they are contiguous; other work may have appended since
        long newest = audit.entries(new AuditQuery("reader_" + tag, null, null, null, null), 0, 1).entries().get(0)
                .seq();

        AuditPage byActor = audit.entries(new AuditQuery("ARCHIVIST_" + tag, null, null, null, null), 0, 10);
        assertThat(byActor.total()).isEqualTo(2);
        assertThat(byActor.entries()).extracting(AuditEntry::seq).containsExactly(newest - 1, newest - 2);

        AuditPage views = audit.entries(new AuditQuery(tag, "item.view", "BGS-0002", start, null), 0, 1);
        assertThat(views.total()).isEqualTo(2);
        assertThat(views.entries()).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(newest);
            assertThat(e.actor()).isEqualTo("reader_" + tag);
            assertThat(e.digest()).isEqualTo(trail.digest(newest));
            assertThat(e.at()).isAfter(start);
        });
        assertThat(audit.entries(new AuditQuery(tag, null, null, null, start), 0, 10).total()).isZero();
        assertThat(audit.entries(new AuditQuery(tag + "%", null, null, null, null), 0, 10).total()).isZero();
        AuditPage second = audit.entries(new AuditQuery(tag, null, null, null, null), 1, 2);
        assertThat(second.entries()).extracting(AuditEntry::seq).containsExactly(newest - 2);
        assertThat(second.total()).isEqualTo(3);
    }

    /** The name of audit_entry's primary key, as each database named it. */
    private String primaryKeyName() {
        return jdbc.queryForObject("SELECT constraint_name FROM information_schema.table_constraints "
                + "WHERE LOWER(table_name) = 'audit_entry' AND constraint_type = 'PRIMARY KEY' "
                + "AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)", String.class);
    }

    /** The chain fails to verify, at this entry, for this reason. */
    private ChainVerification assertBroken(String problem, long firstBrokenSeq) {
        return assertBroken(problem, firstBrokenSeq, List.of());
    }

    /** The chain, held against these receipts, fails to verify at this entry, for this reason. */
    private ChainVerification assertBroken(String problem, long firstBrokenSeq, List<AuditReceipt> receipts) {
        ChainVerification result = audit.verify(receipts);
        assertThat(result.ok()).as("the trail verifies although it was tampered with").isFalse();
        assertThat(result.problem()).as(result.detail()).isEqualTo(problem);
        assertThat(result.firstBrokenSeq()).as(result.detail()).isEqualTo(firstBrokenSeq);
        return result;
    }
}
