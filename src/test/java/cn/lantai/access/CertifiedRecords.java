package cn.lantai.access;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records with small scanned pages (PNG masters deposited in the store, recorded in the page ledger, their access
 * images made at once) for certificate tests, and visitors with their visits written as the desk would.
 */
final class CertifiedRecords {

    final String fonds = Catalogues.freshFonds();
    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final PageLedger ledger;
    private final DerivativeJob derivatives;
    private final JdbcClient jdbc;
    private final Path dir;
    private int year = 1980;

    CertifiedRecords(CatalogManagement catalog, ArchivalStore store, PageLedger ledger, DerivativeJob derivatives,
            JdbcClient jdbc, Path dir) {
        this.catalog = catalog;
        this.store = store;
        this.ledger = ledger;
        this.derivatives = derivatives;
        this.jdbc = jdbc;
        this.dir = dir;
        catalog.registerFonds(new Fonds(fonds, "出证测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    /** A record of the entry with {@code pages} scanned pages, its access images made. */
    Item scanned(Entries entry, int pages) throws IOException {
        Item item = catalog.create(entry.input(), Viewer.system());
        List<ScanPage> scans = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            BufferedImage image = new BufferedImage(300, 420, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 300, 420);
            g.setColor(Color.BLACK);
            for (int y = 40; y < 380; y += 20) {
                g.fillRect(30, y, 240, 4);
            }
            g.dispose();
            String name = String.format("scans/%04d.png", p);
            Path file = dir.resolve(item.id().value() + "-" + p + ".png");
            ImageIO.write(image, "png", file.toFile());
            store.deposit(new Deposit(item, List.of(new ContentFile(name, file, "image/png")), List.of(), "tester",
                    "扫描第 " + p + " 页"));
            scans.add(new ScanPage(item.id(), p, name, 0, Digests.of(file).sha256(), 300, 420, 100, 100,
                    ColourMode.COLOUR));
            Files.deleteIfExists(file);
        }
        ledger.record(item.id(), scans);
        derivatives.make(item.id(), false, null);
        return item;
    }

    Entries entry(String title) {
        return Entries.item(fonds, year++, title);
    }

    /** A visitor of that name and a visit of theirs for the purpose, as the desk registers them; the visit's id. */
    long visit(String name, Purpose purpose) {
        Instant now = Instant.now();
        long visitor = jdbc.sql("""
                INSERT INTO access_visitor (name, id_type, id_number, id_masked, id_digest, phone, unit,
                    registered_via, registered_by, registered_at, last_seen_at)
                VALUES (:name, 'OTHER', NULL, '****', :digest, NULL, NULL, 'DESK', 'tester', :now, :now)""")
                .param("name", name).param("digest", java.util.UUID.randomUUID().toString())
                .param("now", Timestamp.from(now)).update() == 1
                ? jdbc.sql("SELECT MAX(id) FROM access_visitor").query(Long.class).single() : -1;
        jdbc.sql("""
                INSERT INTO access_visit (visitor_id, purpose, started_at, clerk)
                VALUES (:visitor, :purpose, :now, 'tester')""")
                .param("visitor", visitor).param("purpose", purpose.name()).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT MAX(id) FROM access_visit WHERE visitor_id = :v").param("v", visitor)
                .query(Long.class).single();
    }
}
