package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.lantai.audit.AuditEntry;
import cn.lantai.audit.AuditQuery;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobNotFound;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.FixityFailure.Kind;
import cn.lantai.preservation.internal.fixity.FixityAuditJob;
import cn.lantai.preservation.internal.fixity.FixityRuns;
import cn.lantai.preservation.internal.fixity.FixityThrottle;
import cn.lantai.preservation.internal.fixity.ObjectAudit;
import cn.lantai.preservation.internal.fixity.ObjectAuditor;
import cn.lantai.preservation.internal.store.StorageRoot;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The fixity audit over real stored records: a whole store passes and every object gets its PREMIS event; one flipped
 * byte or one deleted file is named, exactly, by the next audit, in its result, the PREMIS history and the audit
 * trail; a run interrupted halfway goes on where it stopped; reads go through the rate limiter.
 */
abstract class FixityAuditContract {

    @Autowired FixityAudits audits;
    @Autowired ArchivalStore store;
    @Autowired OcflRepository ocfl;
    @Autowired StorageRoot root;
    @Autowired CatalogManagement catalog;
    @Autowired Staff staff;
    @Autowired AuditTrail trail;
    @Autowired Jobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired FixityAuditJob job;
    @Autowired FixityRuns runs;
    @Autowired ObjectAuditor auditor;
    @Autowired FixityThrottle throttle;
    @Autowired MockMvc mvc;

    @TempDir
    Path dir;

    final List<Item> records = new ArrayList<>();
    /** Stored files this test damaged, with their original bytes: put back so other tests find a valid store. */
    final Map<Path, byte[]> damaged = new LinkedHashMap<>();

    @BeforeEach
    void threeStoredRecords() throws IOException {
        String fonds = Catalogues.freshFonds();
        catalog.registerFonds(new Fonds(fonds, "固定性检查全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        Random bytes = new Random(7);
        for (int i = 1; i <= 3; i++) {
            Item item = catalog.create(Entries.item(fonds, 2021, "关于库房检查的通知 " + i).input(), Viewer.system());
            byte[] pdf = new byte[20_000 + i * 1000];
            bytes.nextBytes(pdf);
            Path body = Files.write(dir.resolve(i + ".pdf"), pdf);
            Path scan = Files.write(dir.resolve(i + ".jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
            store.deposit(new Deposit(item, List.of(new ContentFile("正文.pdf", body, "application/pdf"),
                    new ContentFile("附件/扫描.jpg", scan, "image/jpeg")), List.of(), "zhang", "接收"));
            records.add(item);
        }
    }

    @AfterEach
    void repairTheStore() throws IOException {
        for (Map.Entry<Path, byte[]> file : damaged.entrySet()) {
            Files.write(file.getKey(), file.getValue());
        }
    }

    @Test
    void aWholeStorePassesAndEveryObjectGetsAFixityCheckEvent() {
        FixityAuditReport report = auditToTheEnd();

        assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(report.done()).isEqualTo(report.total()).isGreaterThanOrEqualTo(3);
        assertThat(failuresOfThisTest(report)).isEmpty();
        for (Item item : records) {
            assertThat(store.events(item.id())).last().satisfies(e -> {
                assertThat(e.type()).isEqualTo(PreservationEvent.FIXITY_CHECK);
                assertThat(e.succeeded()).isTrue();
                assertThat(e.detail()).contains("SHA-256 and SM3", "4 file(s)", "v1", report.id().value());
            });
            assertThat(store.validate(item.id(), true)).isEmpty();
        }
    }

    @Test
    void oneFlippedByteIsCaughtByTheNextAuditAsAMismatchOfExactlyThatRecordAndFileAndRecordedAsAPremisEvent()
            throws Exception {
        Item hit = records.get(1);
        String before = store.files(hit.id()).stream().filter(f -> f.name().equals("正文.pdf")).findFirst()
                .orElseThrow().sha256();
        Path file = onDisk(hit.id(), "content/正文.pdf");
        byte[] flipped = damage(file).clone();
        flipped[10_000] ^= 0x01;
        Files.write(file, flipped);

        FixityAuditReport report = auditToTheEnd();

        assertThat(failuresOfThisTest(report)).containsExactly(new FixityFailure(hit.id(), "正文.pdf", Kind.MISMATCH,
                "sha256:" + before, "sha256:" + Digests.of(file).sha256()));
        assertThat(store.events(hit.id())).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(PreservationEvent.FIXITY_CHECK);
            assertThat(e.succeeded()).isFalse();
            assertThat(e.file()).isEqualTo("正文.pdf");
            assertThat(e.detail()).contains(before, Digests.of(file).sha256());
        });
        assertThat(store.events(records.get(0).id())).last().extracting(PreservationEvent::succeeded).isEqualTo(true);
        assertThat(Files.readAllBytes(file)).as("the audit repairs nothing").isEqualTo(flipped);
        List<AuditEntry> entries = staff.asAuditor(() -> trail.entries(new AuditQuery(null, "fixity.mismatch",
                "item:" + hit.id().value(), null, null), 0, 10).entries());
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.before()).isEqualTo("sha256:" + before);
            assertThat(entry.after()).contains(report.id().value()).doesNotContain("正文");
        });

        mvc.perform(get("/api/v1/fixity-audits/" + report.id()).with(Staff.as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUCCEEDED"))
                .andExpect(jsonPath("$.failures[?(@.record == " + hit.id().value() + ")].file").value("正文.pdf"))
                .andExpect(jsonPath("$.failures[?(@.record == " + hit.id().value() + ")].kind").value("MISMATCH"));
        mvc.perform(get("/fixity-audits").with(Staff.page("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"fixity-alert\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("正文.pdf")));
    }

    @Test
    void aDeletedFileIsReportedMissingAndTheNextWholeAuditClearsTheAlert() throws Exception {
        Item hit = records.get(2);
        Path file = onDisk(hit.id(), "content/附件/扫描.jpg");
        damage(file);
        Files.delete(file);

        FixityAuditReport report = auditToTheEnd();

        assertThat(failuresOfThisTest(report)).singleElement().satisfies(f -> {
            assertThat(f.record()).isEqualTo(hit.id());
            assertThat(f.file()).isEqualTo("附件/扫描.jpg");
            assertThat(f.kind()).isEqualTo(Kind.MISSING);
            assertThat(f.actual()).isNull();
        });
        assertThat(store.events(hit.id())).last().satisfies(e -> {
            assertThat(e.succeeded()).isFalse();
            assertThat(e.detail()).startsWith("missing");
        });
        assertThat(staff.asSystemAdmin(audits::alert)).map(FixityAuditReport::id).contains(report.id());

        repairTheStore();
        damaged.clear();
        FixityAuditReport whole = auditToTheEnd();
        assertThat(failuresOfThisTest(whole)).isEmpty();
        if (whole.failureCount() == 0) {
            assertThat(staff.asSystemAdmin(audits::alert)).isEmpty();
        }
    }

    @Test
    void anAuditInterruptedByARestartGoesOnWithTheObjectsItHadNotFinishedAndKeepsWhatItFound() throws IOException {
        Item first = records.get(0);
        Path file = onDisk(first.id(), "content/正文.pdf");
        byte[] flipped = damage(file).clone();
        flipped[0] ^= 0x20;
        Files.write(file, flipped);
        JobId run = new JobId(UUID.randomUUID().toString());
        // what a run leaves behind when the application stops after its first object: the job still RUNNING, the
        // object finished with its failure and its PREMIS event
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO job (id, kind, state, done, total, accepted, rejected, created_by, created_at, updated_at)"
                + " VALUES (?, ?, 'RUNNING', 0, 0, 0, 0, 'admin', ?, ?)")
                .params(run.value(), FixityAuditJob.KIND, now, now).update();
        runs.create(run, "admin");
        job.auditObject(run, "admin", first.id());
        int eventsOfFirst = store.events(first.id()).size();
        int eventsOfSecond = store.events(records.get(1).id()).size();

        assertThat(staff.asSystemAdmin(() -> audits.start(Viewer.system()))).as("only one audit runs at a time")
                .isEqualTo(new FixityAuditStart(run, false));
        jobs.resumeUnfinished();
        FixityAuditReport report = awaitEnd(run);

        assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(report.done()).isEqualTo(report.total());
        assertThat(store.events(first.id())).as("not audited again").hasSize(eventsOfFirst);
        assertThat(store.events(records.get(1).id())).as("audited once").hasSize(eventsOfSecond + 1);
        assertThat(failuresOfThisTest(report)).extracting(FixityFailure::record, FixityFailure::file)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), "正文.pdf"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM fixity_audit_object WHERE job_id = ?").param(run.value())
                .query(Long.class).single()).as("the resume point goes when the run ends").isZero();
    }

    @Test
    void readsGoThroughTheSharedRateLimiter() {
        assertThat(throttle.bytesPerSecond()).as("lantai.fixity.max-mb-per-second: 0 by default").isZero();
        long before = throttle.bytesTaken();
        ObjectAudit audit = auditor.audit(records.get(0).id());
        assertThat(throttle.bytesTaken() - before).isEqualTo(audit.bytes()).isGreaterThan(21_000);

        FixityThrottle oneMbPerSecond = FixityThrottle.of(1);
        ObjectAudit limited = auditor.audit(records.get(0).id(), oneMbPerSecond);
        assertThat(oneMbPerSecond.bytesPerSecond()).isEqualTo(1024 * 1024);
        assertThat(oneMbPerSecond.bytesTaken()).isEqualTo(limited.bytes());
        assertThatThrownBy(() -> FixityThrottle.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheSystemAdministratorStartsAnAuditAndAnIdThatIsNoAuditIsNotFound() throws Exception {
        mvc.perform(post("/api/v1/fixity-audits").with(Staff.archivist())).andExpect(status().isForbidden());
        assertThatThrownBy(() -> staff.as(Staff.ARCHIVIST, () -> audits.start(Viewer.system())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.asAuditor(() -> audits.report(new JobId(UUID.randomUUID().toString()))))
                .isInstanceOf(AccessDeniedException.class);
        for (String id : List.of(UUID.randomUUID().toString(), "..%2F..%2Fetc%2Fpasswd", "x".repeat(5000),
                "' OR '1'='1", "%00", "00000000-0000-0000-0000-00000000000G")) {
            mvc.perform(get("/api/v1/fixity-audits/" + id).with(Staff.as("admin")))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).as(id).isIn(400, 404));
        }
        String importJob = jobs.submit("no-such-kind", null, "admin").value();
        assertThatThrownBy(() -> staff.asSystemAdmin(() -> audits.report(new JobId(importJob))))
                .as("another job is no audit").isInstanceOf(JobNotFound.class);

        String id = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/fixity-audits").with(Staff.as("admin")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/fixity-audits/")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        awaitEnd(new JobId(id));
        assertThat(staff.asAuditor(() -> trail.entries(new AuditQuery("admin", "fixity.start", id, null, null), 0, 10)
                .entries())).hasSize(1);
    }

    private FixityAuditReport auditToTheEnd() {
        FixityAuditStart start = staff.asSystemAdmin(() -> audits.start(Viewer.system()));
        assertThat(start.started()).isTrue();
        return awaitEnd(start.id());
    }

    private FixityAuditReport awaitEnd(JobId id) {
        return Awaitility.await().alias("fixity audit " + id + " ends").atMost(Duration.ofMinutes(2))
                .until(() -> staff.asSystemAdmin(() -> audits.report(id)), r -> !r.running());
    }

    private List<FixityFailure> failuresOfThisTest(FixityAuditReport report) {
        List<ItemId> ours = records.stream().map(Item::id).toList();
        return report.failures().stream().filter(f -> ours.contains(f.record())).toList();
    }

    private Path onDisk(ItemId id, String logicalPath) {
        return root.path().resolve(ocfl.getObject(ObjectVersionId.head(ArchivalStore.objectId(id))).getFile(logicalPath)
                .getStorageRelativePath());
    }

    /** Keeps the file's bytes to put back after the test; answers them. */
    private byte[] damage(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        damaged.putIfAbsent(file, original);
        return original;
    }
}
