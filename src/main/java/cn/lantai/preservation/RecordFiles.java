package cn.lantai.preservation;

import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.CatalogManagement;
import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.catalog.Viewer;
import org.springframework.stereotype.Service;

/**
 * A record's stored files as people read them: listed and downloaded under the same rule as the record itself
 * (clearance, open status, data scope, through {@link CatalogManagement#item}), so a record beyond the viewer's sight
 * answers exactly as a missing one. Reading a controlled record's file is audited; the entry names the record and the
 * file's SHA-256, never the file's name, which may say what the record says (the auditor may read no record).
 */
@Service
public class RecordFiles {

    private final CatalogManagement catalog;
    private final ArchivalStore store;
    private final AuditTrail trail;

    RecordFiles(CatalogManagement catalog, ArchivalStore store, AuditTrail trail) {
        this.catalog = catalog;
        this.store = store;
        this.trail = trail;
    }

    /** The files of the record's head version, if the viewer may read the record (its view audited as the catalogue's). */
    public List<StoredFile> list(ItemId id, Viewer viewer) {
        catalog.item(id, viewer);
        return store.files(id);
    }

    /**
     * One file to send, if the viewer may read the record and it holds that file; otherwise {@link StoredFileNotFound}
     * (or the catalogue's {@code ItemNotFound}). The content is opened only when the caller reads it.
     */
    public FileDownload download(ItemId id, String name, Viewer viewer) {
        Item item = catalog.item(id, viewer);
        StoredFile file = store.files(id).stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new StoredFileNotFound(id, name));
        if (Viewer.controlled(item.description().classification(), item.description().openStatus())) {
            trail.record(new AuditEvent(viewer.name(), viewer.address(), "preservation.file-download",
                    "item:" + id.value() + " " + item.archivalCode(), null, "sha256:" + file.sha256()));
        }
        return new FileDownload(file, () -> store.open(id, name));
    }

    /** A file about to be sent: what it is, and its bytes from the store on demand (the caller closes them). */
    public record FileDownload(StoredFile file, Supplier<InputStream> content) {
    }
}
