package cn.lantai.catalog;

import java.time.Instant;
import java.util.List;

import cn.lantai.catalog.internal.CatalogCounts;
import org.springframework.stereotype.Service;

/**
 * The catalogue's figures for the bureau's yearly statistics (统计年报): aggregates only, no record's content, so the
 * caller decides who may read them. Holdings count what is catalogued now and was entered before a moment (records
 * deleted since are not in any year); a record is opened (开放) when its open status was changed to OPEN, as the
 * catalogue's change log ({@code item_change}) dates it, or when it was entered already open.
 */
@Service
public class CatalogFigures {

    /** The files (卷) and the loose items (件, not in a file) of a category (门类) and retention (保管期限). */
    public record Held(String category, Retention retention, long volumes, long items) {
    }

    private final CatalogCounts counts;

    CatalogFigures(CatalogCounts counts) {
        this.counts = counts;
    }

    /** The holdings entered before {@code end}, by category and retention (one entry per count, none of 0). */
    public List<Held> heldBefore(Instant end) {
        return counts.heldBefore(end);
    }

    /**
     * The items opened from {@code from} (inclusive) to {@code to}: their open status changed to OPEN then, or they
     * were entered then with the status OPEN (the first recorded change's old value, else the status now). An item
     * opened twice in the range, or opened and later deleted, counts once.
     */
    public long openedBetween(Instant from, Instant to) {
        return counts.openedBetween(from, to);
    }
}
