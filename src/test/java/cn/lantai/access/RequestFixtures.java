package cn.lantai.access;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Classification;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.ScanPage.ColourMode;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.digitization.internal.derivatives.DerivativeJob;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.Digests;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The world of the request tests: a fresh fonds with records of every kind (open, controlled, 秘密, 机密) whose pages
 * are scanned and whose derivatives are made, the staff who ask, file and approve, and visitors with a visit.
 */
final class RequestFixtures {

    /** Asks for themselves: cleared to 机密, but their role (执法) does not see records that are not open. */
    static final String REQUESTER = "rq-staff";
    /** Cleared for nothing secret, sees nothing unopened. */
    static final String LOW = "rq-low";
    /** 利用审批, cleared to 绝密. */
    static final String APPROVER = "rq-approver";
    /** 利用审批, but cleared for nothing secret: no sight of classified records. */
    static final String APPROVER_LOW = "rq-approver-low";
    /** The reading-room desk (利用), cleared to 秘密. */
    static final String CLERK = "rq-clerk";

    final String fonds = Catalogues.freshFonds();
    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final PageLedger ledger;
    private final DerivativeJob job;
    private final JdbcClient jdbc;
    private final Path dir;
    private int year = 1960;

    RequestFixtures(CatalogManagement catalog, ArchivalStore store, PageLedger ledger, DerivativeJob job,
            JdbcClient jdbc, Staff staff, Path dir) {
        this.catalog = catalog;
        this.store = store;
        this.ledger = ledger;
        this.job = job;
        this.jdbc = jdbc;
        this.dir = dir;
        catalog.registerFonds(new Fonds(fonds, "调阅测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        staff.ensure(REQUESTER, "王调阅", null, Classification.SECRET, List.of("INSPECTION"));
        staff.ensure(LOW, "李无密", null, Classification.NONE, List.of("INSPECTION"));
        staff.ensure(APPROVER, "赵审批", null, Classification.TOP_SECRET, List.of("USE_APPROVAL"));
        staff.ensure(APPROVER_LOW, "钱审批", null, Classification.NONE, List.of("USE_APPROVAL"));
        staff.ensure(CLERK, "孙利用", null, Classification.CONFIDENTIAL, List.of("READING_ROOM"));
    }

    Item open(String title) {
        return catalog.create(Entries.item(fonds, year++, title).input(), Viewer.system());
    }

    /** Open and unclassified, with its pages scanned and its derivatives made. */
    Item open(String title, int pages) {
        return scanned(open(title), pages);
    }

    /** 控制使用, unclassified, with its pages scanned and its derivatives made. */
    Item controlled(String title, int pages) {
        return scanned(catalog.create(Entries.item(fonds, year++, title)
                .with(DescriptionField.OPEN_STATUS, "控制使用").input(), Viewer.system()), pages);
    }

    /** Classified (秘密, 机密 …), not open, with its pages scanned and its derivatives made. */
    Item classified(String title, String level, int pages) {
        return scanned(catalog.create(Entries.item(fonds, year++, title)
                .with(DescriptionField.OPEN_STATUS, "控制使用").with(DescriptionField.CLASSIFICATION, level).input(),
                Viewer.system()), pages);
    }

    /** A visitor registered at the desk and their visit today: the visit's id. */
    long visit(String name) {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder visitor = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO access_visitor (name, id_type, id_masked, id_digest, registered_via, registered_by,
                                            registered_at, last_seen_at)
                VALUES (?, 'PASSPORT', 'E1****78', ?, 'DESK', ?, ?, ?)""")
                .params(name, "test-" + System.nanoTime(), CLERK, now, now).update(visitor, "id");
        GeneratedKeyHolder visit = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO access_visit (visitor_id, purpose, started_at, clerk) VALUES (?, 'RESEARCH', ?, ?)")
                .params(visitor.getKeyAs(Number.class).longValue(), now, CLERK).update(visit, "id");
        return visit.getKeyAs(Number.class).longValue();
    }

    /** Ends the item's viewing period a minute ago, as time passing would. */
    void lapse(long request, long item) {
        jdbc.sql("UPDATE access_request_item SET granted_until = ? WHERE request_id = ? AND item_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), request, item).update();
    }

    /** The use ledger's rows of a kind for an item. */
    int uses(UseKind kind, long item) {
        return jdbc.sql("SELECT COUNT(*) FROM access_use WHERE kind = ? AND item_id = ?").params(kind.name(), item)
                .query(Integer.class).single();
    }

    private Item scanned(Item item, int pages) {
        List<ScanPage> scanned = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            scanned.add(deposit(item, n));
        }
        ledger.record(item.id(), scanned);
        job.make(item.id(), false, null);
        return item;
    }

    /** A page of dark "text" lines on white paper, deposited as {@code scans/000n.png}. */
    private ScanPage deposit(Item item, int page) {
        int width = 600;
        int height = 800;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        for (int y = 80; y < 720; y += 40) {
            g.fillRect(60, y, 480, 8);
        }
        g.dispose();
        String name = String.format("scans/%04d.png", page);
        Path file = dir.resolve(item.id().value() + "-" + page + ".png");
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.deposit(new Deposit(item, List.of(new ContentFile(name, file, "image/png")), List.of(), "tester",
                "扫描第 " + page + " 页"));
        return new ScanPage(item.id(), page, name, 0, Digests.of(file).sha256(), width, height, 150, 150,
                ColourMode.COLOUR);
    }
}
