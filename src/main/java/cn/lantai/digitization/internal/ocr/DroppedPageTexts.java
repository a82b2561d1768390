package cn.lantai.digitization.internal.ocr;

import cn.lantai.digitization.PagesDropped;
import cn.lantai.search.SearchManagement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A re-scan with fewer pages takes the OCR of the dropped pages with it: their texts and readings go in the attaching
 * transaction itself (so no moment shows a page's text without the page, and an OCR engine that is missing or fails
 * changes nothing), and once that commits the entry is indexed again so search no longer finds words only they held.
 */
@Component
class DroppedPageTexts {

    private static final Logger log = LoggerFactory.getLogger(DroppedPageTexts.class);

    private final PageReadings readings;
    private final SearchManagement search;

    DroppedPageTexts(PageReadings readings, SearchManagement search) {
        this.readings = readings;
        this.search = search;
    }

    @EventListener
    void forget(PagesDropped event) {
        readings.truncate(event.item(), event.lastPage());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void reindex(PagesDropped event) {
        try {
            search.reindex(List.of(event.item()));
        } catch (RuntimeException e) {
            // the index is rebuilt from the catalogue and page_text; the attach has committed either way
            log.warn("entry {} not indexed again after its pages above {} were dropped: {}", event.item(),
                    event.lastPage(), e.toString());
        }
    }
}
