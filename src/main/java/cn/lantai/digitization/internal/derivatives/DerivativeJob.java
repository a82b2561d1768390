package cn.lantai.digitization.internal.derivatives;

import cn.lantai.audit.ArchiveSeal;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.PageText;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.TextLedger;
import cn.lantai.digitization.internal.ProcessedPages;
import cn.lantai.digitization.internal.images.UnreadablePage;
import cn.lantai.jobs.JobHandler;
import cn.lantai.jobs.JobStatus;
import cn.lantai.jobs.Jobs;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.Digests;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Makes an entry's derivatives from its masters in the store: per page an access image and a thumbnail (only those
 * missing, unless forced), then the PDF and the OFD when the masters or the OCR text changed since they were made.
 * Parameters: the item id, then {@code " force"} to make everything again. A page whose master cannot be read is
 * reported (in the job's message and its {@code rejected} count) and stands as a blank page with a note in the PDF and
 * OFD, so their page numbers stay the entry's; the rest are made. The job is idempotent, so a restart simply runs it
 * again.
 */
@Component
public class DerivativeJob implements JobHandler {

    public static final String KIND = "digitization.derivatives";
    private static final Logger log = LoggerFactory.getLogger(DerivativeJob.class);

    private final Jobs jobs;
    private final PageLedger pages;
    private final TextLedger texts;
    private final ArchivalStore store;
    private final CatalogManagement catalog;
    private final ArchiveSeal seal;
    private final DerivativeFiles files;
    private final MessageSource messages;
    private final ProcessedPages processed;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    DerivativeJob(Jobs jobs, PageLedger pages, TextLedger texts, ArchivalStore store, CatalogManagement catalog,
            ArchiveSeal seal, DerivativeFiles files, MessageSource messages, ProcessedPages processed) {
        this.processed = processed;
        this.jobs = jobs;
        this.pages = pages;
        this.texts = texts;
        this.store = store;
        this.catalog = catalog;
        this.seal = seal;
        this.files = files;
        this.messages = messages;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
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

    /** The job's parameters for this entry. */
    public static String params(ItemId item, boolean force) {
        return item.value() + (force ? " force" : "");
    }

    @Override
    public void run(JobStatus job) {
        String[] params = job.params().strip().split(" ");
        ItemId item = new ItemId(Long.parseLong(params[0]));
        boolean force = params.length > 1 && "force".equals(params[1]);
        Outcome outcome = make(item, force, job);
        String message = outcome.problems().isEmpty() ? null : String.join("; ", outcome.problems());
        jobs.succeed(job.id(), outcome.pages(), outcome.pages(), outcome.pages() - outcome.problems().size(),
                outcome.problems().size(), message);
    }

    /** What a run made: how many pages, and the pages it could not read with why. */
    public record Outcome(int pages, List<String> problems, boolean documentsMade) {
    }

    /** Makes the entry's derivatives now, in the caller's thread (the job's, or a test's). */
    public Outcome make(ItemId item, boolean force, JobStatus job) {
        ReentrantLock lock = locks[(int) Math.floorMod(item.value(), (long) locks.length)];
        lock.lock();
        try {
            return makeLocked(item, force, job);
        } finally {
            lock.unlock();
        }
    }

    private Outcome makeLocked(ItemId item, boolean force, JobStatus job) {
        List<ScanPage> scanned = pages.pages(item);
        if (scanned.isEmpty()) {
            files.sweep(item, Set.of());
            return new Outcome(0, List.of(), false);
        }
        Map<Integer, PageText> read = texts.of(item).stream()
                .collect(Collectors.toMap(PageText::page, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        List<String> problems = new ArrayList<>();
        List<Sheet> sheets = new ArrayList<>();
        Set<Path> keep = new HashSet<>();
        int done = 0;
        for (ScanPage page : scanned) {
            Path access = files.access(page);
            Path thumbnail = files.thumbnail(page);
            Optional<String> problem = Optional.empty();
            if (force || !Files.isRegularFile(access) || !Files.isRegularFile(thumbnail)) {
                problem = accessImages(page, access, thumbnail);
            }
            problem.ifPresent(p -> problems.add(messages.getMessage("digitization.derivatives.page-unreadable",
                    new Object[] {page.page(), p}, Locale.SIMPLIFIED_CHINESE)));
            boolean made = Files.isRegularFile(access);
            if (made) {
                keep.add(access);
                keep.add(thumbnail);
            }
            PageText text = read.get(page.page());
            sheets.add(Sheet.of(processed.upright(page), made ? access : null, text == null ? List.of() : text.words(),
                    made ? null : messages.getMessage("digitization.derivatives.blank-page",
                            new Object[] {page.page()}, Locale.SIMPLIFIED_CHINESE)));
            if (job != null && ++done % 10 == 0) {
                jobs.progress(job.id(), "pages", done, scanned.size() + 2, done, problems.size());
            }
        }
        Path pdf = files.pdf(item, scanned);
        Path ofd = files.ofd(item, scanned);
        Path stamp = files.stamp(item, scanned);
        String made = stampOf(sheets, read);
        boolean current = !force && Files.isRegularFile(pdf) && Files.isRegularFile(ofd)
                && made.equals(readStamp(stamp));
        Path font = seal.cjkFont().orElse(null);
        if (font == null) {
            log.warn("No CJK TrueType font (lantai.fonts.cjk): the PDF and OFD of item {} carry no text layer", item);
        }
        if (!current) {
            Item entry = catalog.itemsForIndexing(List.of(item)).stream().findFirst().orElse(null);
            String title = entry == null ? null : entry.title();
            String code = entry == null ? null : entry.archivalCode();
            DerivativeFiles.replace(pdf, out -> PdfCopy.write(sheets, title, code, font, out));
            if (job != null) {
                jobs.progress(job.id(), "pdf", scanned.size() + 1, scanned.size() + 2, done, problems.size());
            }
            DerivativeFiles.replace(ofd, out -> OfdCopy.write(sheets, font, out));
            DerivativeFiles.replace(stamp, out -> out.write(made.getBytes(StandardCharsets.UTF_8)));
        }
        keep.add(pdf);
        keep.add(ofd);
        keep.add(stamp);
        files.sweep(item, keep);
        return new Outcome(scanned.size(), problems, !current);
    }

    /** Writes the page's access image and thumbnail; the reason when its master cannot be read. */
    private Optional<String> accessImages(ScanPage page, Path access, Path thumbnail) {
        Optional<Path> master = store.location(page.item(), page.master());
        if (master.isEmpty()) {
            return Optional.of(messages.getMessage("digitization.derivatives.master-missing",
                    new Object[] {page.master()}, Locale.SIMPLIFIED_CHINESE));
        }
        try {
            // subsampled while decoding to at most twice the access size, processed, then scaled down smoothly
            BufferedImage pixels = processed.open(page, 2 * DerivativeFiles.ACCESS_SIDE).image();
            BufferedImage large = AccessImages.scaled(pixels, DerivativeFiles.ACCESS_SIDE);
            BufferedImage small = AccessImages.scaled(large, DerivativeFiles.THUMBNAIL_SIDE);
            DerivativeFiles.replace(access, out -> AccessImages.writeJpeg(large, out));
            DerivativeFiles.replace(thumbnail, out -> AccessImages.writeJpeg(small, out));
            return Optional.empty();
        } catch (UnreadablePage e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Page {} of item {} could not be made into an access image", page.page(), page.item(), e);
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /**
     * What the documents are made of beyond the masters: which pages have an image, and the OCR text; they are made
     * again when it changes (new pages read, read again, a page readable again).
     */
    private static String stampOf(List<Sheet> sheets, Map<Integer, PageText> read) {
        StringBuilder s = new StringBuilder();
        for (Sheet sheet : sheets) {
            PageText text = read.get(sheet.page());
            s.append(sheet.page()).append(':').append(sheet.image() == null ? "" : sheet.image().getFileName())
                    .append(':');
            if (text != null) {
                s.append(text.engine()).append(':').append(text.text()).append(':').append(text.words());
            }
            s.append('\n');
        }
        return Digests.sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String readStamp(Path stamp) {
        try {
            return Files.isRegularFile(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
