package cn.lantai.accession.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.ContentFile;
import cn.lantai.preservation.ContentInspection;
import cn.lantai.preservation.Deposit;
import cn.lantai.preservation.FormatReport;
import cn.lantai.preservation.PreservationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes a catalogued filing's files from its work folder ({@code lantai.accession.filing.work/<receipt>}) into the
 * archival store, with the PREMIS events of its check (virus check, format identification; the store adds digests
 * and ingestion), then marks the filing STORED and removes the folder. At start it finishes the filings a crash left
 * RECEIVED: deposited already (the store holds the object) they are only marked; otherwise deposited now.
 */
@Component
public class FilingStore {

    private static final Logger log = LoggerFactory.getLogger(FilingStore.class);

    private final Path work;
    private final FilingLedger ledger;
    private final ArchivalStore store;
    private final CatalogManagement catalog;
    private final ContentInspection inspection;

    FilingStore(@Value("${lantai.accession.filing.work:${lantai.data-dir}/filings}") Path work, FilingLedger ledger,
            ArchivalStore store, CatalogManagement catalog, ContentInspection inspection) {
        this.work = work.toAbsolutePath().normalize();
        this.ledger = ledger;
        this.store = store;
        this.catalog = catalog;
        this.inspection = inspection;
    }

    /** The filing's own work folder, made empty. */
    public Path folder(String receiptId) {
        Path folder = work.resolve(receiptId);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** Deposits the filing's files into the record's object and marks it stored. */
    public void store(String receiptId, long itemId, String actor) {
        ItemId id = new ItemId(itemId);
        if (!store.holds(id)) {
            Item item = catalog.item(id, Viewer.system());
            Path folder = work.resolve(receiptId);
            List<ContentFile> files = new ArrayList<>();
            List<PreservationEvent> events = new ArrayList<>();
            events.add(PreservationEvent.success(PreservationEvent.VIRUS_CHECK, "ClamAV",
                    "clean at filing (four-properties check)", null));
            for (Path file : files(folder)) {
                FormatReport format = inspection.identify(file);
                files.add(new ContentFile(name(folder, file), file, format.mediaType()));
                events.add(PreservationEvent.success(PreservationEvent.FORMAT_IDENTIFICATION, "Apache Tika",
                        format.formatName() == null ? format.mediaType() : format.formatName(), name(folder, file)));
            }
            store.deposit(new Deposit(item, files, events, actor, "filing " + receiptId));
        } else {
            store.reconcile(id);
        }
        ledger.markStored(receiptId);
        WorkFolders.remove(work.resolve(receiptId));
    }

    /** Finishes what a crash left between cataloguing a filing and storing its files. */
    @EventListener(ApplicationReadyEvent.class)
    public void finishReceived() {
        for (FilingLedger.Entry entry : ledger.received()) {
            if (entry.itemId() == null) {
                continue;
            }
            try {
                store(entry.receiptId(), entry.itemId(), "Lantai");
                log.info("Filing {} stored after a restart", entry.receiptId());
            } catch (RuntimeException e) {
                log.error("Filing {} (item {}) could not be stored; it stays RECEIVED", entry.receiptId(),
                        entry.itemId(), e);
            }
        }
    }

    private static String name(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the filing's files are gone: " + folder, e);
        }
    }
}
