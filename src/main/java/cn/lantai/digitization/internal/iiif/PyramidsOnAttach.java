package cn.lantai.digitization.internal.iiif;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import cn.lantai.digitization.PagesAttached;
import cn.lantai.digitization.PagesDropped;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.images.UnreadablePage;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Cuts the tiles of newly attached pages in the background, after the pages are committed, so the first person to
 * open them does not wait; a page left out (a crash, an unreadable master) is cut on its first request instead. The
 * pages are cut one at a time on a thread of their own, holding no database connection while they are cut: a large
 * batch queues its pages here rather than starting a thread (and a transaction) per entry.
 */
@Component
class PyramidsOnAttach {

    private static final Logger log = LoggerFactory.getLogger(PyramidsOnAttach.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ScannedPages pages;
    private final Pyramids pyramids;
    private final ExecutorService cutter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iiif-cutter-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    PyramidsOnAttach(ScannedPages pages, Pyramids pyramids) {
        this.pages = pages;
        this.pyramids = pyramids;
    }

    /** Once a re-scan with fewer pages commits, the dropped pages' tiles go (no request can reach them by then). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PagesDropped event) {
        pyramids.dropAbove(event.item(), event.lastPage());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PagesAttached event) {
        cutter.execute(() -> cut(event));
    }

    private void cut(PagesAttached event) {
        for (int n : event.pages()) {
            try {
                pages.page(event.item(), n).ifPresent(pyramids::of);
            } catch (UnreadablePage | UncheckedIOException e) {
                log.warn("IIIF tiles of page {}-{} not made: {}", event.item().value(), n, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("IIIF tiles of page {}-{} not made", event.item().value(), n, e);
            }
        }
    }

    @PreDestroy
    void stop() {
        cutter.shutdownNow();
    }
}
