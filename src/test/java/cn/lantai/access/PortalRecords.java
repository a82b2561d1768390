package cn.lantai.access;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.imageio.ImageIO;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.search.SearchManagement;
import cn.lantai.search.SearchQuery;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import cn.lantai.support.SearchIndexed;

/**
 * The portal tests' records: in a fresh fonds, open records and their closed and classified twins, which share every
 * word (title, creator, document number, keywords, scope note) and carry the fonds code as a word of their title so
 * a search for it finds this test's records only; a twin in a year, a category and a fonds of its own, where no open
 * record is; and scanned pages drawn with Java2D, deposited and recorded as attaching would leave them.
 */
final class PortalRecords {

    /** A category that holds closed records only. */
    static final String CLOSED_CATEGORY = "QX";
    static final String CLOSED_CATEGORY_NAME = "仅控制门类";
    static final String TITLE = "关于渡口防汛抗旱工作的通知";
    static final String NOTE = "馆内备注勿外传";
    static final String HISTORY = "保管沿革内部记载";

    final String fonds = Catalogues.freshFonds();
    final String closedFonds = Catalogues.freshFonds();
    final String fondsName = "渡口开放全宗" + fonds;
    final String closedFondsName = "秘藏全宗" + closedFonds;
    final List<Item> open = new ArrayList<>();
    final List<Item> closed = new ArrayList<>();
    Item notice;
    Item script;
    Item scannedClosed;
    Item scannedSecret;

    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final PageLedger ledger;
    private final Path dir;
    private int day;

    PortalRecords(CatalogManagement catalog, ArchivalStore store, PageLedger ledger, Path dir) {
        this.catalog = catalog;
        this.store = store;
        this.ledger = ledger;
        this.dir = dir;
    }

    /** Seeds the records and their pages and waits until the index holds them all. */
    PortalRecords seed(SearchManagement search) {
        catalog.registerFonds(new Fonds(fonds, fondsName), Viewer.system());
        catalog.registerFonds(new Fonds(closedFonds, closedFondsName), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        if (catalog.categories().stream().noneMatch(c -> c.code().equals(CLOSED_CATEGORY))) {
            catalog.defineCategory(new Category(CLOSED_CATEGORY, CLOSED_CATEGORY_NAME, List.of()), Viewer.system());
        }
        notice = open(entry(fonds, 2019, TITLE));
        open(entry(fonds, 2020, "渡口防汛物资清单"));
        script = open(entry(fonds, 2019, "<script>alert('渡口')</script><img src=x onerror=alert(2)>渡口防汛"));
        scannedClosed = closed(entry(fonds, 2019, TITLE).with(DescriptionField.OPEN_STATUS, "控制使用"));
        closed(entry(fonds, 2019, TITLE).with(DescriptionField.OPEN_STATUS, "延期开放"));
        closed(entry(fonds, 2019, TITLE).with(DescriptionField.OPEN_STATUS, "未鉴定"));
        scannedSecret = closed(entry(fonds, 2019, TITLE).with(DescriptionField.CLASSIFICATION, "秘密"));
        closed(entry(fonds, 2019, TITLE).with(DescriptionField.CLASSIFICATION, "机密")
                .with(DescriptionField.OPEN_STATUS, "控制使用"));
        closed(entry(fonds, 2019, TITLE).with(DescriptionField.CLASSIFICATION, "绝密"));
        closed(entry(fonds, 1988, TITLE).with(DescriptionField.OPEN_STATUS, "控制使用"));
        closed(entry(fonds, 2019, TITLE).with(DescriptionField.CATEGORY, CLOSED_CATEGORY)
                .with(DescriptionField.OPEN_STATUS, "控制使用"));
        closed(entry(closedFonds, 2019, TITLE).with(DescriptionField.OPEN_STATUS, "控制使用"));
        closed(entry(closedFonds, 2019, TITLE).with(DescriptionField.CLASSIFICATION, "秘密"));
        attach(notice);
        attach(scannedClosed);
        attach(scannedSecret);
        SearchIndexed.await(search, SearchQuery.of(fonds, Viewer.system()), open.size() + closed.size());
        return this;
    }

    /** Twins differ only in their date (a record is the same when its group, title, date and number are). */
    private Entries entry(String inFonds, int year, String title) {
        day++;
        return Entries.item(inFonds, year, title + " " + fonds).with(DescriptionField.CREATOR, "区水利局渡口管理所")
                .with(DescriptionField.DATE, String.format("%d-04-%02d", year, day))
                .with(DescriptionField.DOC_NUMBER, "区水〔2019〕7号")
                .with(DescriptionField.KEYWORDS, "防汛 抗旱 渡口")
                .with(DescriptionField.SCOPE_NOTE, "渡口水位与防汛物资调度")
                .with(DescriptionField.NOTES, NOTE + fonds)
                .with(DescriptionField.CUSTODIAL_HISTORY, HISTORY + fonds);
    }

    private Item open(Entries entry) {
        Item item = catalog.create(entry.input(), Viewer.system());
        open.add(item);
        return item;
    }

    private Item closed(Entries entry) {
        Item item = catalog.create(entry.input(), Viewer.system());
        closed.add(item);
        return item;
    }

    List<Long> openIds() {
        return open.stream().map(i -> i.id().value()).toList();
    }

    /** One scanned page, deposited as {@code scans/0001.png} and recorded as the entry's page 1. */
    List<ScanPage> attach(Item item) {
        BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.RED);
        g.fillRect(20, 20, 150, 150);
        g.dispose();
        try {
            Path file = Files.createTempFile(dir, "page", ".png");
            ImageIO.write(image, "png", file.toFile());
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            List<ScanPage> pages = List.of(new ScanPage(item.id(), 1, "scans/0001.png", 0, sha, 600, 800, 300, 300,
                    ScanPage.ColourMode.COLOUR));
            store.deposit(new Deposit(item, List.of(new ContentFile("scans/0001.png", file, "image/png")), List.of(),
                    "scanner", "扫描件"));
            ledger.record(item.id(), pages);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
