package cn.lantai.preservation;

import cn.lantai.catalog.Item;
import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.internal.store.DescriptionDocument;
import cn.lantai.preservation.internal.store.FileNames;
import cn.lantai.preservation.internal.store.PremisDocument;
import cn.lantai.preservation.internal.store.Sm3Algorithm;
import cn.lantai.preservation.internal.store.StorageRoot;
import cn.lantai.preservation.internal.store.StoreIntents;
import cn.lantai.preservation.internal.store.StoredFiles;
import io.ocfl.api.OcflObjectUpdater;
import io.ocfl.api.OcflOption;
import io.ocfl.api.exception.FixityCheckException;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.ValidationCode;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.api.model.OcflObjectVersion;
import io.ocfl.api.model.OcflObjectVersionFile;
import io.ocfl.api.model.VersionInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The archival store: one OCFL object per record ({@code lantai:<id>}, never the 档号, which can change), each
 * version holding the content files under {@code content/}, the description ({@code metadata/description.json}) and
 * the PREMIS history ({@code metadata/premis.xml}). Every file carries SHA-256 (the inventory's digest) and SM3 (in the
 * fixity block). Nothing is written over: each change is a new version, built aside and moved into place whole, so a
 * crash leaves the object at its previous version. The database keeps a listing of each head ({@code stored_file}),
 * written after the version and rebuilt from the store by {@link #reconcile}: an intent committed before each version
 * ({@code store_intent}) and removed with the listing's update names, after a crash or a failed update, the objects
 * whose listing the next start re-reads from the store ({@link #reconcileInterrupted}).
 */
@Service
public class ArchivalStore {

    public static final String CONTENT = "content/";
    public static final String DESCRIPTION = "metadata/description.json";
    public static final String PREMIS = "metadata/premis.xml";
    private static final String AGENT = "Lantai";
    private static final String PREFIX = "lantai:";
    /** A record's object; other objects of the root (the catalogue's definitions, {@code lantai:catalog}) are not. */
    private static final Pattern RECORD_ID = Pattern.compile("lantai:[0-9]{1,18}");

    private final OcflRepository ocfl;
    private final StoredFiles listing;
    private final StoreIntents intents;
    private final StorageRoot root;
    private final ReentrantLock[] locks = new ReentrantLock[256];

    ArchivalStore(OcflRepository ocfl, StoredFiles listing, StoreIntents intents, StorageRoot root) {
        this.ocfl = ocfl;
        this.listing = listing;
        this.intents = intents;
        this.root = root;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public static String objectId(ItemId id) {
        return PREFIX + id.value();
    }

    /**
     * Writes a new version of the record's object: the deposit's files (digested both ways first; a file whose bytes
     * change while it is stored is refused), its description as it is now, and its PREMIS history with the deposit's
     * events, a message-digest event per file and an ingestion event appended. Returns the new version's number.
     */
    public int deposit(Deposit deposit) {
        ItemId id = deposit.item().id();
        Map<String, ContentFile> files = new LinkedHashMap<>();
        for (ContentFile file : deposit.files()) {
            String name = FileNames.checked(file.name());
            if (!Files.isRegularFile(file.source())) {
                throw new InvalidDeposit("no such file to deposit: " + file.source());
            }
            if (file.format() == null || file.format().isBlank()) {
                throw new InvalidDeposit("the file " + name + " has no identified format");
            }
            if (files.put(name, file) != null) {
                throw new InvalidDeposit("the file " + name + " is deposited twice");
            }
        }
        Map<String, Digests> digests = new LinkedHashMap<>();
        files.forEach((name, file) -> digests.put(name, Digests.of(file.source())));
        ReentrantLock lock = lock(id);
        lock.lock();
        try {
            PremisDocument before = premis(id).orElseGet(() -> new PremisDocument(List.of(), List.of()));
            int version = headVersionInStore(id).orElse(0) + 1;
            List<StoredFile> stored = new ArrayList<>();
            before.files().stream().filter(f -> !files.containsKey(f.name())).forEach(stored::add);
            List<PreservationEvent> events = new ArrayList<>(before.events());
            files.forEach((name, file) -> {
                Digests d = digests.get(name);
                long size = size(file);
                stored.add(new StoredFile(name, size, file.format(), d.sha256(), d.sm3(), version));
                events.add(PreservationEvent.success(PreservationEvent.MESSAGE_DIGEST_CALCULATION, AGENT,
                        "SHA-256 " + d.sha256() + "; SM3 " + d.sm3(), name));
            });
            events.addAll(deposit.events());
            events.add(PreservationEvent.success(PreservationEvent.INGESTION, deposit.actor(),
                    "v" + version + ": " + files.size() + " file(s)" + (deposit.message() == null ? ""
                            : "; " + deposit.message()), null));
            stored.sort((a, b) -> a.name().compareTo(b.name()));
            PremisDocument after = new PremisDocument(stored, events);
            byte[] description = DescriptionDocument.of(deposit.item());
            intents.begin(id);
            try {
                ocfl.updateObject(ObjectVersionId.head(objectId(id)), info(deposit.actor(), deposit.message()),
                        update -> {
                            files.forEach((name, file) -> copy(update, name, file, digests.get(name)));
                            update.writeFile(new ByteArrayInputStream(description), DESCRIPTION, OcflOption.OVERWRITE);
                            update.writeFile(new ByteArrayInputStream(after.toXml()), PREMIS, OcflOption.OVERWRITE);
                        });
            } catch (FixityCheckException changed) {
                throw new InvalidDeposit("a file changed while it was being stored: " + changed.getMessage());
            }
            listing.put(id, objectId(id), version, Digests.sha256(description), stored);
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Keeps the record's description in its object current: when the description as it is now differs from the one
     * the head holds (the listing's digest tells, without reading the store), writes a version with the new
     * description and a PREMIS "metadata modification" event; a record without an object gets one, holding its
     * description only. Answers whether a version was written.
     */
    public boolean describe(Item item, String actor) {
        ItemId id = item.id();
        byte[] description = DescriptionDocument.of(item);
        String digest = Digests.sha256(description);
        ReentrantLock lock = lock(id);
        lock.lock();
        try {
            if (digest.equals(listing.descriptionSha256(id).orElse(null))) {
                return false;
            }
            Optional<PremisDocument> before = premis(id);
            List<StoredFile> files = before.map(PremisDocument::files).orElse(List.of());
            List<PreservationEvent> events = new ArrayList<>(before.map(PremisDocument::events).orElse(List.of()));
            events.add(before.isEmpty()
                    ? PreservationEvent.success(PreservationEvent.INGESTION, actor, "description only", null)
                    : PreservationEvent.success(PreservationEvent.METADATA_MODIFICATION, actor,
                            "description of catalogue version " + item.version(), null));
            byte[] premis = new PremisDocument(files, events).toXml();
            intents.begin(id);
            ocfl.updateObject(ObjectVersionId.head(objectId(id)), info(actor, "description"), update -> {
                update.writeFile(new ByteArrayInputStream(description), DESCRIPTION, OcflOption.OVERWRITE);
                update.writeFile(new ByteArrayInputStream(premis), PREMIS, OcflOption.OVERWRITE);
            });
            listing.put(id, objectId(id), headVersionInStore(id).orElseThrow(), digest, files);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records that the record left the catalogue: a PREMIS "deletion" event in a new version. The object stays (ids
     * are never reused), and a rebuild from the store leaves the record out. Nothing is written for a record the
     * store does not hold.
     */
    public void recordDeletion(ItemId id, String actor) {
        if (holds(id)) {
            recordEvents(id, List.of(PreservationEvent.success(PreservationEvent.DELETION, actor,
                    "removed from the catalogue", null)), actor);
        }
    }

    /** Whether the record's history ends in its removal from the catalogue (see {@link #recordDeletion}). */
    public static boolean deleted(List<PreservationEvent> events) {
        return events.stream().anyMatch(e -> PreservationEvent.DELETION.equals(e.type()) && e.file() == null);
    }

    /** Appends events to the record's PREMIS history as a new version (content and description unchanged). */
    public int recordEvents(ItemId id, List<PreservationEvent> events, String actor) {
        ReentrantLock lock = lock(id);
        lock.lock();
        try {
            PremisDocument before = premis(id).orElseThrow(() -> new StoredFileNotFound(id, PREMIS));
            List<PreservationEvent> all = new ArrayList<>(before.events());
            all.addAll(events);
            PremisDocument after = new PremisDocument(before.files(), all);
            intents.begin(id);
            ocfl.updateObject(ObjectVersionId.head(objectId(id)), info(actor, "PREMIS: " + events.size() + " event(s)"),
                    update -> update.writeFile(new ByteArrayInputStream(after.toXml()), PREMIS, OcflOption.OVERWRITE));
            int version = headVersionInStore(id).orElseThrow();
            listing.put(id, objectId(id), version, listing.descriptionSha256(id).orElse(null), before.files());
            return version;
        } finally {
            lock.unlock();
        }
    }

    /** The files of the record's head version, from the listing (no store access). */
    public List<StoredFile> files(ItemId id) {
        return listing.of(id);
    }

    /** Whether the store holds an object for the record (asks the store itself, not the listing). */
    public boolean holds(ItemId id) {
        return ocfl.containsObject(objectId(id));
    }

    /** Opens a content file of the head version; the caller closes it. */
    public InputStream open(ItemId id, String name) {
        return headFile(id, CONTENT + name).orElseThrow(() -> new StoredFileNotFound(id, name)).getStream();
    }

    /**
     * Where a content file of the head version lies on disk, for checks that read it in place (the four-properties
     * check of stored records hands it to ClamAV and the format readers). Read only: the store is never written in
     * place. Empty when the object or the file is not there.
     */
    public Optional<Path> location(ItemId id, String name) {
        return headFile(id, CONTENT + name).map(f -> root.path().resolve(f.getStorageRelativePath()))
                .filter(Files::isRegularFile);
    }

    /** The record's PREMIS events, oldest first. */
    public List<PreservationEvent> events(ItemId id) {
        return premis(id).map(PremisDocument::events).orElse(List.of());
    }

    /** The record's PREMIS document as stored in its head version. */
    public Optional<byte[]> premisXml(ItemId id) {
        return headFile(id, PREMIS).map(ArchivalStore::bytes);
    }

    /** The record's description document ({@code metadata/description.json}) as stored, byte for byte (packages). */
    public Optional<byte[]> descriptionJson(ItemId id) {
        return headFile(id, DESCRIPTION).map(ArchivalStore::bytes);
    }

    /** The record's description as its head version keeps it. */
    public Optional<StoredRecord> record(ItemId id) {
        return headFile(id, DESCRIPTION).map(file -> DescriptionDocument.read(bytes(file)));
    }

    /** Every record the store holds an object for, in no particular order. The caller closes the stream. */
    public Stream<ItemId> records() {
        return ocfl.listObjectIds().filter(oid -> RECORD_ID.matcher(oid).matches())
                .map(oid -> new ItemId(Long.parseLong(oid.substring(PREFIX.length()))));
    }

    /**
     * Runs ocfl-java's validator over every object of the storage root (the OCFL 1.1 rules, inventories, sidecars and,
     * with {@code contentFixity}, every file's digest) and answers its errors and warnings, each naming its object;
     * empty when the store is valid. The warning W004 (the inventory digest SHOULD be sha512) is left out: SHA-256 is
     * the archive's chosen digest, as OCFL allows.
     */
    public List<String> validate(boolean contentFixity) {
        try (Stream<String> ids = ocfl.listObjectIds()) {
            return ids.flatMap(oid -> problems(oid, contentFixity).stream()).toList();
        }
    }

    /** The validator's errors and warnings (W004 aside, as above) for one record's object. */
    public List<String> validate(ItemId id, boolean contentFixity) {
        return problems(objectId(id), contentFixity);
    }

    private List<String> problems(String oid, boolean contentFixity) {
        ValidationResults results = ocfl.validateObject(oid, contentFixity);
        List<String> problems = new ArrayList<>();
        results.getErrors().forEach(issue -> problems.add(oid + ": " + issue));
        results.getWarnings().stream().filter(issue -> issue.getCode() != ValidationCode.W004)
                .forEach(issue -> problems.add(oid + ": " + issue));
        return problems;
    }

    /** Rewrites the database's listing of one object from the object's head (after a crash, or a rebuild). */
    public void reconcile(ItemId id) {
        Optional<PremisDocument> premis = premis(id);
        if (premis.isEmpty()) {
            intents.drop(id);
            return;
        }
        String description = headFile(id, DESCRIPTION).map(f -> Digests.sha256(bytes(f))).orElse(null);
        listing.put(id, objectId(id), headVersionInStore(id).orElseThrow(), description, premis.get().files());
    }

    /** Re-lists every object whose version was being written when the application stopped or the listing failed. */
    public int reconcileInterrupted() {
        List<ItemId> open = intents.open();
        open.forEach(this::reconcile);
        return open.size();
    }

    private Optional<PremisDocument> premis(ItemId id) {
        return headFile(id, PREMIS).map(file -> {
            try (InputStream in = file.getStream()) {
                return PremisDocument.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads under the object's lock, so a first version still being moved into place is never read half-there. */
    private Optional<OcflObjectVersionFile> headFile(ItemId id, String logicalPath) {
        ReentrantLock lock = lock(id);
        lock.lock();
        try {
            if (!ocfl.containsObject(objectId(id))) {
                return Optional.empty();
            }
            OcflObjectVersion head = ocfl.getObject(ObjectVersionId.head(objectId(id)));
            return head.containsFile(logicalPath) ? Optional.of(head.getFile(logicalPath)) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    private Optional<Integer> headVersionInStore(ItemId id) {
        if (!ocfl.containsObject(objectId(id))) {
            return Optional.empty();
        }
        return Optional.of((int) ocfl.describeObject(objectId(id)).getHeadVersionNum().getVersionNum());
    }

    /**
     * Copies one file into the version being built with the SHA-256 already computed (ocfl-java would digest it again
     * while copying), then adds its SM3 to the fixity block, which ocfl-java checks against the copy it made: if the
     * source changed after it was digested, the copy's SM3 differs, the update fails with {@link FixityCheckException}
     * and no version is written. So SHA-256 is computed once a file, not twice, and no inventory is read back to
     * compare (issue 10's ingest benchmark).
     */
    private static void copy(OcflObjectUpdater update, String name, ContentFile file, Digests digests) {
        update.unsafeAddPath(digests.sha256(), file.source(), CONTENT + name, OcflOption.OVERWRITE);
        update.addFileFixity(CONTENT + name, Sm3Algorithm.SM3_ALGORITHM, digests.sm3());
    }

    private static VersionInfo info(String actor, String message) {
        return new VersionInfo().setUser(actor == null ? AGENT : actor, "mailto:" + (actor == null ? "lantai" : actor)
                + "@lantai.local").setMessage(message == null ? "deposit" : message);
    }

    private ReentrantLock lock(ItemId id) {
        return locks[(int) Math.floorMod(id.value(), (long) locks.length)];
    }

    private static long size(ContentFile file) {
        try {
            return Files.size(file.source());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(OcflObjectVersionFile file) {
        try (InputStream in = file.getStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
