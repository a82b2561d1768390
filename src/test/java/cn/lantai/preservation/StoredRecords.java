package cn.lantai.preservation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Category;
import cn.lantai.catalog.DescriptionField;
import cn.lantai.catalog.Fonds;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.Viewer;
import cn.lantai.support.Catalogues;
import cn.lantai.support.Entries;

/** Records of a fresh fonds with files in the archival store, for the tests of reading files and packages. */
final class StoredRecords {

    final String fonds = Catalogues.freshFonds();
    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final Path dir;
    private int year = 2000;

    StoredRecords(CatalogManagement catalog, ArchivalStore store, Path dir) {
        this.catalog = catalog;
        this.store = store;
        this.dir = dir;
        catalog.registerFonds(new Fonds(fonds, "保存包测试全宗"), Viewer.system());
        catalog.defineCategory(new Category("WS", "文书", List.of()), Viewer.system());
    }

    /** An open, unclassified record with the given files: name, then content, in pairs. */
    Item open(String title, String... namesAndContents) {
        return record(Entries.item(fonds, year++, title), namesAndContents);
    }

    /** A 机密 record with the given files. */
    Item secret(String title, String... namesAndContents) {
        return record(Entries.item(fonds, year++, title).with(DescriptionField.CLASSIFICATION, "机密"),
                namesAndContents);
    }

    private Item record(Entries entry, String... namesAndContents) {
        Item item = catalog.create(entry.input(), Viewer.system());
        List<ContentFile> files = new ArrayList<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            String name = namesAndContents[i];
            files.add(new ContentFile(name, write(namesAndContents[i + 1]), format(name)));
        }
        if (!files.isEmpty()) {
            store.deposit(new Deposit(item, files, List.of(), "tester", "测试存入"));
        }
        return item;
    }

    private Path write(String content) {
        try {
            return Files.writeString(Files.createTempFile(dir, "file", ".bin"), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String format(String name) {
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".jpg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".html")) {
            return "text/html";
        }
        return "text/plain";
    }
}
