package cn.lantai.digitization;

import java.awt.Color;
import java.awt.Font;
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

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.digitization.ScanPage.ColourMode;
import cn.lantai.digitization.internal.PageLedger;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.Deposit;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;

/**
 * Entries of a fresh fonds with scanned pages drawn with Java2D: masters deposited in the entry's stored object under
 * {@code scans/} and recorded in the page ledger, as attaching would leave them.
 */
final class ScannedEntries {

    final String fonds = Catalogues.freshFonds();
    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final PageLedger ledger;
    private final Path dir;
    private int year = 1990;

    ScannedEntries(CatalogManagement catalog, ArchivalStore store, PageLedger ledger, Path dir) {
        this.catalog = catalog;
        this.store = store;
        this.ledger = ledger;
        this.dir = dir;
        catalog.registerFonds(new Fonds(fonds, "数字化测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    /** An open, unclassified entry. */
    Item open(String title) {
        return catalog.create(Entries.item(fonds, year++, title).with(DescriptionField.OPEN_STATUS, "开放")
                .with(DescriptionField.CREATOR, "区档案局").with(DescriptionField.SCOPE_NOTE, "关于档案数字化的说明")
                .input(), Viewer.system());
    }

    /** A 机密 entry. */
    Item secret(String title) {
        return catalog.create(Entries.item(fonds, year++, title).with(DescriptionField.CLASSIFICATION, "机密").input(),
                Viewer.system());
    }

    /** A colour page: a white sheet with a red seal in its top left corner and a black bar along its top edge. */
    static BufferedImage colourPage(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 4, height / 4);
        g.setColor(Color.BLACK);
        g.fillRect(width / 4, 0, width - width / 4, Math.max(4, height / 50));
        g.setFont(new Font(Font.SERIF, Font.PLAIN, Math.max(12, width / 30)));
        g.drawString("第一页 page", width / 10, height / 2);
        g.dispose();
        return image;
    }

    static BufferedImage greyPage(int width, int height, int shade) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(shade, shade, shade));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Deposits each image as {@code scans/000n.png} and records them as the entry's pages 1, 2, …. */
    List<ScanPage> attachPng(Item item, BufferedImage... pages) {
        List<ContentFile> files = new ArrayList<>();
        List<ScanPage> scanned = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            String name = String.format("scans/%04d.png", i + 1);
            Path file = write(pages[i], "png");
            files.add(new ContentFile(name, file, "image/png"));
            scanned.add(new ScanPage(item.id(), i + 1, name, 0, sha256(file), pages[i].getWidth(),
                    pages[i].getHeight(), 300, 300, pages[i].getType() == BufferedImage.TYPE_BYTE_GRAY
                            ? ColourMode.GREYSCALE : ColourMode.COLOUR));
        }
        store.deposit(new Deposit(item, files, List.of(), "scanner", "扫描件"));
        ledger.record(item.id(), scanned);
        return scanned;
    }

    /** Deposits the images as one multi-page TIFF ({@code scans/all.tif}) and records its pages. */
    List<ScanPage> attachTiff(Item item, BufferedImage... pages) {
        Path file = dir.resolve("all-" + System.nanoTime() + ".tif");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        List<ScanPage> scanned = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            scanned.add(new ScanPage(item.id(), i + 1, "scans/all.tif", i, sha256(file), pages[i].getWidth(),
                    pages[i].getHeight(), 300, 300, pages[i].getType() == BufferedImage.TYPE_BYTE_GRAY
                            ? ColourMode.GREYSCALE : ColourMode.COLOUR));
        }
        store.deposit(new Deposit(item, List.of(new ContentFile("scans/all.tif", file, "image/tiff")), List.of(),
                "scanner", "扫描件"));
        ledger.record(item.id(), scanned);
        return scanned;
    }

    private Path write(BufferedImage image, String format) {
        try {
            Path file = Files.createTempFile(dir, "page", "." + format);
            ImageIO.write(image, format, file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
