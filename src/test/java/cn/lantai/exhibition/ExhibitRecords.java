package cn.lantai.exhibition;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.EntryInput;
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

/**
 * The exhibition tests' records, in a fresh fonds: open ones (one with two scanned pages drawn with Java2D,
 * deposited and recorded as attaching would leave them), and records the public may not read (控制使用, 秘密).
 */
final class ExhibitRecords {

    final String fonds = Catalogues.freshFonds();
    final Item scanned;
    final Item open;
    final Item controlled;
    final Item secret;

    private final CatalogManagement catalog;

    ExhibitRecords(CatalogManagement catalog, ArchivalStore store, PageLedger ledger, Path dir) {
        this.catalog = catalog;
        catalog.registerFonds(new Fonds(fonds, "展览测试全宗" + fonds), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
        scanned = create(Entries.item(fonds, 1949, "关于成立区人民政府的布告 " + fonds)
                .with(DescriptionField.NOTES, "馆内备注勿外传" + fonds));
        open = create(Entries.item(fonds, 1950, "区第一届人民代表会议决议 " + fonds)
                .with(DescriptionField.DATE, "1950-05-04"));
        controlled = create(Entries.item(fonds, 1951, "控制使用的会议记录 " + fonds)
                .with(DescriptionField.OPEN_STATUS, "控制使用"));
        secret = create(Entries.item(fonds, 1952, "秘密文件 " + fonds).with(DescriptionField.CLASSIFICATION, "秘密"));
        attach(scanned, store, ledger, dir);
    }

    private Item create(Entries entry) {
        return catalog.create(entry.input(), Viewer.system());
    }

    /** Closes an open record to the public (控制使用), as an appraisal after publishing would. */
    void close(Item item) {
        change(item, DescriptionField.OPEN_STATUS, "控制使用");
    }

    /** Marks a record 秘密, as a reclassification would. */
    void classify(Item item) {
        change(item, DescriptionField.CLASSIFICATION, "秘密");
    }

    private void change(Item item, DescriptionField field, String value) {
        Item now = catalog.item(item.id(), Viewer.system());
        catalog.update(item.id(), now.version(), new EntryInput(null, Map.of(field, value), Map.of()),
                Viewer.system());
    }

    /** Two scanned pages, deposited as {@code scans/0001.png} and {@code scans/0002.png}. */
    private static void attach(Item item, ArchivalStore store, PageLedger ledger, Path dir) {
        try {
            Path first = page(dir, Color.RED);
            Path second = page(dir, Color.BLUE);
            List<ScanPage> pages = List.of(
                    new ScanPage(item.id(), 1, "scans/0001.png", 0, sha(first), 600, 800, 300, 300,
                            ScanPage.ColourMode.COLOUR),
                    new ScanPage(item.id(), 2, "scans/0002.png", 0, sha(second), 600, 800, 300, 300,
                            ScanPage.ColourMode.COLOUR));
            store.deposit(new Deposit(item, List.of(new ContentFile("scans/0001.png", first, "image/png"),
                    new ContentFile("scans/0002.png", second, "image/png")), List.of(), "scanner", "扫描件"));
            ledger.record(item.id(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path page(Path dir, Color mark) throws IOException {
        BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(mark);
        g.fillRect(40, 40, 200, 200);
        g.dispose();
        Path file = Files.createTempFile(dir, "page", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String sha(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
