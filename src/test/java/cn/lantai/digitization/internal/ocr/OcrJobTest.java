package cn.lantai.digitization.internal.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.TextLedger;
import cn.lantai.digitization.internal.ocr.PageReadings.Outcome;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobState;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.digitization.internal.ProcessedPages;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.search.SearchManagement;
import cn.lantai.support.LantaiTest;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OCR job with engines that misbehave on purpose: it resumes after a restart without reading a page twice, records
 * a page that cannot be decoded or read (an engine past its deadline) as failed with the reason while the rest are
 * read, and says plainly when no engine is installed.
 */
@LantaiTest
class OcrJobTest {

    @Autowired CatalogManagement catalog;
    @Autowired ArchivalStore store;
    @Autowired ProcessedPages processed;
    @Autowired PageLedger ledger;
    @Autowired TextLedger texts;
    @Autowired PageReadings readings;
    @Autowired ScannedPages scannedPages;
    @Autowired Jobs jobs;
    @Autowired SearchManagement search;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;
    @TempDir java.nio.file.Path dir;

    private ExecutorService pool;
    private ScannedEntries entries;

    @BeforeEach
    void setUp() {
        pool = Executors.newFixedThreadPool(2);
        entries = new ScannedEntries(catalog, store, ledger, dir);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void aJobResumedAfterARestartReadsOnlyThePagesNotYetRead() {
        Item item = entries.entry("恢复测试", blank(1), blank(2), blank(3));
        // the first run dies on page 3, as the application would in a crash: pages 1 and 2 are kept
        FakeEngine dying = new FakeEngine(page -> {
            if (page == 3) {
                throw new Crash();
            }
        });
        assertThatThrownBy(() -> job(dying).run(status(item))).hasCauseInstanceOf(Crash.class);
        assertThat(readings.of(item.id())).containsOnlyKeys(1, 2);

        FakeEngine resumed = new FakeEngine(page -> { });
        job(resumed).run(status(item));
        assertThat(resumed.pagesRead).containsExactly(3);
        assertThat(texts.of(item.id())).hasSize(3);

        // a page re-scanned into a new master is read again; the others are not
        entries.attach(item, 2, stamped(2));
        FakeEngine after = new FakeEngine(page -> { });
        job(after).run(status(item));
        assertThat(after.pagesRead).containsExactly(2);
    }

    @Test
    void aPageThatCannotBeDecodedOrReadIsRecordedAsFailedAndTheRestAreRead() {
        byte[] truncatedPng = java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                40);
        Item item = entries.entry("坏页测试", blank(1), truncatedPng, blank(3),
                "not an image at all".getBytes(StandardCharsets.UTF_8));
        FakeEngine engine = new FakeEngine(page -> {
            if (page == 3) {
                throw new OcrFailed("Tesseract did not finish the page within 120 s and was stopped");
            }
        });
        JobStatus job = status(item);
        job(engine).run(job);

        var rows = readings.of(item.id());
        assertThat(rows.get(1).outcome()).isEqualTo(Outcome.READ);
        assertThat(rows.get(2).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(rows.get(2).reason()).isNotBlank();
        assertThat(rows.get(3).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(rows.get(3).reason()).contains("did not finish");
        assertThat(rows.get(4).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(engine.pagesRead).containsExactly(1);
        assertThat(texts.of(item.id())).extracting(t -> t.page()).containsExactly(1);
        JobStatus end = jobs.status(job.id());
        assertThat(end.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(end.accepted()).isEqualTo(1);
        assertThat(end.rejected()).isEqualTo(3);
    }

    @Test
    void anEngineStoppingWithTheApplicationLeavesTheJobToResumeAndFailsNoPage() {
        Item item = entries.entry("停机测试", blank(1), blank(2));
        FakeEngine stopping = new FakeEngine(page -> {
            if (page == 2) {
                throw new OcrStopped();
            }
        });
        JobStatus job = status(item);
        jobs.progress(job.id(), "reading", 0, 2, 0, 0);
        job(stopping).run(job);

        // page 2 is neither read nor failed, and the job is still running: the next start resumes it
        assertThat(readings.of(item.id())).doesNotContainKey(2);
        assertThat(jobs.status(job.id()).state()).isEqualTo(JobState.RUNNING);
        FakeEngine resumed = new FakeEngine(page -> { });
        job(resumed).run(status(item));
        assertThat(resumed.pagesRead).containsExactly(2);
    }

    @Test
    void withoutTesseractOnTheMachineTheJobSaysSoAndThePagesStayAttached() {
        Item item = entries.entry("无引擎测试", blank(1));
        TesseractEngine missing = new TesseractEngine("/nonexistent/bin/tesseract", "chi_sim", Duration.ofSeconds(5));
        JobStatus job = status(item);
        job(missing).run(job);

        JobStatus end = jobs.status(job.id());
        assertThat(end.state()).isEqualTo(JobState.FAILED);
        assertThat(end.message()).contains("Tesseract is not installed").contains("tesseract-ocr-chi-sim");
        assertThat(scannedPages.of(item.id())).hasSize(1);
        assertThat(readings.of(item.id())).isEmpty();
    }

    // -------------------------------------------------------------------------------------------------------------

    private OcrJob job(OcrEngine engine) {
        return new OcrJob(engine, pool, scannedPages, processed, readings, jobs, search, events, transaction, messages,
                3508);
    }

    /** A job row of its own kind (no handler picks it up), for the job under test to report into. */
    private JobStatus status(Item item) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO job (id, kind, state, done, total, accepted, rejected, params, created_by, created_at, "
                + "updated_at) VALUES (?, 'ocr-test', 'RUNNING', 0, 0, 0, 0, ?, 'tester', ?, ?)")
                .params(id, Long.toString(item.id().value()), now, now).update();
        return jobs.status(new JobId(id));
    }

    /** A blank page that carries its number in its first pixel, for the fake engine. */
    private static BufferedImage blank(int number) {
        BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, number);
        return image;
    }

    /** The same page scanned again: another master. */
    private static BufferedImage stamped(int number) {
        BufferedImage image = blank(number);
        image.getRaster().setSample(10, 10, 0, 200);
        return image;
    }

    /** Stands for the machine going down mid-page: not an error the job records against the page. */
    static final class Crash extends Error {
    }

    interface Behaviour {
        void on(int page);
    }

    /** Reads every page as "第N页" after the behaviour lets it; counts the pages it read. */
    static final class FakeEngine implements OcrEngine {
        final Set<Integer> pagesRead = ConcurrentHashMap.newKeySet();
        private final Behaviour behaviour;

        FakeEngine(Behaviour behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String unavailable() {
            return null;
        }

        @Override
        public Reading read(BufferedImage page, int dpi) {
            int number = page.getRaster().getSample(0, 0, 0); // the page's number, drawn into its first pixel
            behaviour.on(number);
            pagesRead.add(number);
            return new Reading("第" + number + "页", List.of());
        }
    }
}
