package cn.lantai.digitization.internal.iiif;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Description;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.ItemNotFound;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScannedPages;
import org.springframework.stereotype.Component;

/**
 * Who may see a page's images: exactly those who may see its record (clearance, open status, data scope), through the
 * catalogue. A page of a record beyond the viewer's sight, of a record that does not exist, of no page, or under an
 * identifier that is not one, all answer {@link ItemNotFound}, the catalogue's one refusal. Views of a controlled
 * record's images are audited: each image information (info.json) request, and the images (tiles) of a page at most
 * once per viewer, page and hour, since a viewer panning over a page asks for hundreds.
 */
@Component
public class IiifAccess {

    private static final Pattern IMAGE_ID = Pattern.compile("([1-9][0-9]{0,17})-([1-9][0-9]{0,8})");
    private static final Duration TILE_AUDIT_GRAIN = Duration.ofHours(1);
    private static final int REMEMBERED = 20_000;

    private final CatalogManagement catalog;
    private final ScannedPages pages;
    private final AuditTrail trail;
    private final Clock clock;
    /** (viewer, page, hour) already audited; the oldest forgotten first. */
    private final Map<String, Boolean> audited = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    IiifAccess(CatalogManagement catalog, ScannedPages pages, AuditTrail trail) {
        this.catalog = catalog;
        this.pages = pages;
        this.trail = trail;
        this.clock = Clock.systemUTC();
    }

    /** A page the viewer may see, and whether its record is controlled (classified or not open). */
    public record SeenPage(ScanPage page, Item item, boolean controlled) {
    }

    /** The page for its image information; audited for a controlled record. */
    public SeenPage info(String imageId, Viewer viewer) {
        SeenPage seen = page(imageId, viewer);
        if (seen.controlled()) {
            audit(viewer, "digitization.image-info", seen);
        }
        return seen;
    }

    /** The page for an image of it; audited for a controlled record once per viewer, page and hour. */
    public SeenPage image(String imageId, Viewer viewer) {
        SeenPage seen = page(imageId, viewer);
        if (seen.controlled()) {
            long hour = clock.millis() / TILE_AUDIT_GRAIN.toMillis();
            String key = viewer.name() + "\u0000" + seen.page().imageId() + "\u0000" + hour;
            boolean first;
            synchronized (audited) {
                first = audited.put(key, Boolean.TRUE) == null;
            }
            if (first) {
                audit(viewer, "digitization.image-view", seen);
            }
        }
        return seen;
    }

    /** The record for its manifest: a view of the record, audited by the catalogue as any view of it. */
    public Item manifest(ItemId item, Viewer viewer) {
        return catalog.item(item, viewer);
    }

    private SeenPage page(String imageId, Viewer viewer) {
        Matcher m = IMAGE_ID.matcher(imageId);
        if (!m.matches()) {
            throw new ItemNotFound("?");
        }
        ItemId id = new ItemId(Long.parseLong(m.group(1)));
        Item item = catalog.itemViewAuditedByCaller(id, viewer);
        ScanPage page = pages.page(id, Integer.parseInt(m.group(2))).orElseThrow(() -> new ItemNotFound(id));
        Description d = item.description();
        return new SeenPage(page, item, Viewer.controlled(d.classification(), d.openStatus()));
    }

    /** Names the record and the page, as the catalogue's views do; never the page's content. */
    private void audit(Viewer viewer, String action, SeenPage seen) {
        trail.record(new AuditEvent(viewer.name(), viewer.address(), action,
                "item:" + seen.item().id().value() + " " + seen.item().archivalCode(), null,
                "page " + seen.page().page()));
    }
}
