package cn.lantai.digitization.internal.iiif;

import java.io.UncheckedIOException;

import cn.lantai.digitization.PagesAttached;
import cn.lantai.digitization.PagesDropped;
import cn.lantai.digitization.ScannedPages;
import cn.lantai.digitization.internal.images.UnreadablePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Cuts the tiles of newly attached pages in the background, after the pages are committed, so the first person to
 * open them does not wait; a page left out (a crash, an unreadable master) is cut on its first request instead.
 */
@Component
class PyramidsOnAttach {

    private static final Logger log = LoggerFactory.getLogger(PyramidsOnAttach.class);

    private final ScannedPages pages;
    private final Pyramids pyramids;

    PyramidsOnAttach(ScannedPages pages, Pyramids pyramids) {
        this.pages = pages;
        this.pyramids = pyramids;
    }

    /** Once a re-scan with fewer pages commits, the dropped pages' tiles go (no request can reach them by then). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PagesDropped event) {
        pyramids.dropAbove(event.item(), event.lastPage());
    }

    @ApplicationModuleListener
    void on(PagesAttached event) {
        for (int n : event.pages()) {
            pages.page(event.item(), n).ifPresent(page -> {
                try {
                    pyramids.of(page);
                } catch (UnreadablePage | UncheckedIOException e) {
                    log.warn("IIIF tiles of page {} not made: {}", page.imageId(), e.getMessage());
                }
            });
        }
    }
}
