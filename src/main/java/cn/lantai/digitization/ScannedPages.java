package cn.lantai.digitization;

import cn.lantai.catalog.ItemId;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.batches.BatchRows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The pages attached to entries. The caller has already been allowed to read the entry: this service does not check
 * clearance or open status.
 */
@Service
public class ScannedPages {

    private final PageLedger ledger;
    private final BatchRows batches;

    ScannedPages(PageLedger ledger, BatchRows batches) {
        this.ledger = ledger;
        this.batches = batches;
    }

    /** The entry's pages in order; empty when it has none. */
    public List<ScanPage> of(ItemId item) {
        return ledger.pages(item);
    }

    public Optional<ScanPage> page(ItemId item, int page) {
        return ledger.page(item, page);
    }

    /**
     * The processing asked of the entry's derivatives by the scan batch that last attached its pages ({@link
     * Processing#NONE} when none asked any, or no batch attached them).
     */
    public Processing processing(ItemId item) {
        return batches.lastAttachedOptions(item.value()).map(Processing::of).orElse(Processing.NONE);
    }

    /**
     * The clockwise quarter turns (0-3) that make the page upright, recorded when it was attached (the batch's fixed
     * rotation, or the orientation the OCR engine detected for {@code rotate=auto}); 0 for none or no such page.
     */
    public int turns(ItemId item, int page) {
        return ledger.turns(item, page);
    }

    /** All attached pages (画幅) of the archive. */
    public long count() {
        return ledger.count();
    }

    /**
     * The pages (画幅) digitized from {@code from} (inclusive) to {@code to}, as the yearly statistics count them: the
     * pages attached then that are attached still (a page replaced later counts when it was attached again).
     */
    public long attachedBetween(Instant from, Instant to) {
        return ledger.attachedBetween(from, to);
    }
}
