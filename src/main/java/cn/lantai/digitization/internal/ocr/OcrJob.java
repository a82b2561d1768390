package cn.lantai.digitization.internal.ocr;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.PageText;
import cn.lantai.digitization.PagesRecognised;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.ProcessedPages;
import cn.lantai.digitization.internal.images.UnreadablePage;
import cn.lantai.digitization.internal.ocr.PageReadings.Outcome;
import cn.lantai.digitization.internal.ocr.PageReadings.Row;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobId;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.search.SearchManagement;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the pages of one entry ({@code params}: its id) on the OCR pool, all cores at once, storing each page's text
 * as it is read. Resumable: a page whose reading names the same master digest and engine is not read again. A page
 * that cannot be decoded or read (the engine failed or passed its deadline) is recorded as failed with the reason and
 * the rest go on. At the end the entry is indexed again with its pages' text and {@link PagesRecognised} published.
 * Without an engine on the machine the job fails at once and says so; the pages stay attached.
 */
@Component
class OcrJob implements JobHandler {

    static final String KIND = "ocr";
    private static final Logger log = LoggerFactory.getLogger(OcrJob.class);

    private final MessageSource messages;
    private final OcrEngine engine;
    private final ExecutorService pool;
    private final ScannedPages scannedPages;
    private final ProcessedPages processed;
    private final PageReadings readings;
    private final Jobs jobs;
    private final SearchManagement search;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final int maxSide;

    OcrJob(OcrEngine engine, @Qualifier("ocrPool") ExecutorService pool, ScannedPages scannedPages,
            ProcessedPages processed, PageReadings readings, Jobs jobs, SearchManagement search,
            ApplicationEventPublisher events, TransactionTemplate transaction, MessageSource messages,
            @Value("${lantai.digitization.ocr.max-side:3508}") int maxSide) {
        this.messages = messages;
        this.engine = engine;
        this.pool = pool;
        this.scannedPages = scannedPages;
        this.processed = processed;
        this.readings = readings;
        this.jobs = jobs;
        this.search = search;
        this.events = events;
        this.transaction = transaction;
        this.maxSide = maxSide;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Queued by itself after each attached entry: it waits its turn apart from people's own jobs. */
    @Override
    public boolean background() {
        return true;
    }

    @Override
    public void run(JobStatus job) {
        ItemId item = new ItemId(Long.parseLong(job.params().strip()));
        String missing = engine.unavailable();
        if (missing != null) {
            log.warn("OCR of entry {} not run: {}", item, missing);
            jobs.fail(job.id(), 0, 0, 0, 0, zh("digitization.ocr.job.not-run", missing));
            return;
        }
        List<ScanPage> pages = scannedPages.of(item);
        Map<Integer, Row> before = readings.of(item);
        Progress progress = new Progress(job.id(), pages.size());
        List<ScanPage> todo = new ArrayList<>();
        for (ScanPage page : pages) {
            Row row = before.get(page.page());
            if (row != null && row.covers(page.sha256(), engine.name())) {
                progress.count(row.outcome());
            } else {
                todo.add(page);
            }
        }
        progress.report();
        List<Future<Outcome>> running = new ArrayList<>();
        for (ScanPage page : todo) {
            running.add(pool.submit(() -> {
                Outcome outcome = read(page);
                progress.count(outcome);
                progress.report();
                return outcome;
            }));
        }
        for (Future<Outcome> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof OcrStopped) {
                    // the application is stopping: the job stays running and is resumed, from its pages read, at the
                    // next start
                    log.info("OCR of entry {} stopped with the application; it resumes at the next start", item);
                    running.forEach(r -> r.cancel(false));
                    return;
                }
                throw new IllegalStateException("OCR of entry " + item + " stopped: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("OCR of entry " + item + " interrupted", e);
            }
        }
        // the entry's pages as they are now: a re-scan with fewer pages while this job read takes the text it wrote
        readings.truncate(item, scannedPages.of(item).size());
        List<Integer> read = readings.of(item).values().stream().filter(r -> r.outcome() == Outcome.READ)
                .map(Row::page).sorted().toList();
        transaction.executeWithoutResult(s -> events.publishEvent(new PagesRecognised(item, read)));
        search.reindex(List.of(item));
        jobs.succeed(job.id(), progress.done, pages.size(), progress.read, progress.failed,
                progress.failed == 0 ? zh("digitization.ocr.job.read", read.size())
                        : zh("digitization.ocr.job.read-some", read.size(), progress.failed));
    }

    /** Job messages are stored as words, in the bundles' default language (zh-CN), as the other jobs' are. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** Reads one page and records the outcome; never throws for a bad page. */
    Outcome read(ScanPage page) {
        try {
            // read upright and as shown, so the words' boxes fall on the IIIF tiles and the access images
            ProcessedPages.Processed processedPage = processed.open(page, maxSide);
            BufferedImage image = processedPage.image();
            double factor = processedPage.scale();
            int dpi = page.dpiX() > 0 ? (int) Math.round(page.dpiX() / factor) : 0;
            Reading reading = engine.read(image, dpi).scaled(factor);
            readings.read(new PageText(page.item(), page.page(), engine.name(), reading.text(), reading.words()),
                    page.sha256());
            return Outcome.READ;
        } catch (OcrStopped e) {
            throw e;
        } catch (UnreadablePage | OcrFailed e) {
            return failed(page, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(page, e.toString());
        }
    }

    private Outcome failed(ScanPage page, String reason) {
        log.warn("OCR: page {} of entry {} not read: {}", page.page(), page.item(), reason);
        readings.failed(page.item(), page.page(), page.sha256(), engine.name(), reason);
        return Outcome.FAILED;
    }

    /** Counts pages as they end and records the job's progress. */
    private final class Progress {
        private final JobId id;
        private final long total;
        private long done;
        private long read;
        private long failed;

        Progress(JobId id, long total) {
            this.id = id;
            this.total = total;
        }

        synchronized void count(Outcome outcome) {
            done++;
            if (outcome == Outcome.READ) {
                read++;
            } else {
                failed++;
            }
        }

        synchronized void report() {
            jobs.progress(id, "ocr", done, total, read, failed);
        }
    }
}
