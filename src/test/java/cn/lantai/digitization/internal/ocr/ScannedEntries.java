package cn.lantai.digitization.internal.ocr;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanPage;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Entries with scanned pages, as the scan batches leave them: masters in the record's stored object under
 * {@code scans/}, one row per page in the page ledger. A page is an image, or bytes (a damaged file).
 */
final class ScannedEntries {

    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final PageLedger ledger;
    private final Path dir;
    private final String fonds = Catalogues.freshFonds();

    ScannedEntries(CatalogManagement catalog, ArchivalStore store, PageLedger ledger, Path dir) {
        this.catalog = catalog;
        this.store = store;
        this.ledger = ledger;
        this.dir = dir;
        catalog.registerFonds(new Fonds(fonds, "数字化测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    /** An open entry whose pages are these (each a BufferedImage or a byte[]), attached as pages 1, 2, …. */
    Item entry(String title, Object... pages) {
        Item item = catalog.create(Entries.item(fonds, 2019, title).input(), Viewer.system());
        attach(item, 1, pages);
        return item;
    }

    /** Deposits the pages as a new version and records them from page {@code first} on. */
    List<ScanPage> attach(Item item, int first, Object... pages) {
        try {
            List<ContentFile> files = new ArrayList<>();
            List<ScanPage> scanPages = new ArrayList<>();
            for (int i = 0; i < pages.length; i++) {
                int number = first + i;
                String name = String.format(Locale.ROOT, "scans/%04d.png", number);
                Path file = Files.createTempFile(dir, "page", ".png");
                int width = 0;
                int height = 0;
                if (pages[i] instanceof BufferedImage image) {
                    ImageIO.write(image, "png", file.toFile());
                    width = image.getWidth();
                    height = image.getHeight();
                } else {
                    Files.write(file, (byte[]) pages[i]);
                    width = 2480;
                    height = 3508;
                }
                files.add(new ContentFile(name, file, "image/png"));
                scanPages.add(new ScanPage(item.id(), number, name, 0, sha256(file), width, height, 300, 300,
                        ScanPage.ColourMode.GREYSCALE));
            }
            store.deposit(new Deposit(item, files, List.of(), "tester", "扫描件"));
            ledger.record(item.id(), scanPages);
            return scanPages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
