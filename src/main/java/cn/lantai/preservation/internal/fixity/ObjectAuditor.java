package cn.lantai.preservation.internal.fixity;

import cn.lantai.catalog.ItemId;
import cn.lantai.preservation.ArchivalStore;
import cn.lantai.preservation.Digests;
import cn.lantai.preservation.FixityFailure;
import cn.lantai.preservation.FixityFailure.Kind;
import cn.lantai.preservation.internal.store.Sm3Algorithm;
import cn.lantai.preservation.internal.store.StorageRoot;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.DigestAlgorithm;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersion;
import io.ocfl.api.model.OcflObjectVersionFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Re-reads every file of an object's head version (content and metadata) from the storage root, digests it with
 * SHA-256 and SM3 in one pass and compares both with what the inventory holds: SHA-256 is its digest, SM3 is in its
 * fixity block (the metadata files have SHA-256 only). Reads only; the caller records what was found.
 */
@Component
public class ObjectAuditor {

    private static final int BUFFER = 256 * 1024;
    private static final String INVENTORY = "inventory.json";

    private final OcflRepository ocfl;
    private final StorageRoot root;
    private final FixityThrottle throttle;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    ObjectAuditor(OcflRepository ocfl, StorageRoot root, FixityThrottle throttle) {
        this.ocfl = ocfl;
        this.root = root;
        this.throttle = throttle;
    }

    /** Audits the record's object at its head version, its reads throttled by the shared limit. */
    public ObjectAudit audit(ItemId id) {
        return audit(id, throttle);
    }

    /** The same with a throttle of the caller's (a benchmark's or a test's). */
    public ObjectAudit audit(ItemId id, FixityThrottle limit) {
        OcflObjectVersion head;
        try {
            head = ocfl.getObject(ObjectVersionId.head(ArchivalStore.objectId(id)));
        } catch (RuntimeException unreadable) {
            // an inventory that no longer matches its sidecar, or is gone: nothing in the object can be vouched for
            return new ObjectAudit(id, 0, 0, 0, List.of(new FixityFailure(id, INVENTORY, Kind.MISMATCH, null,
                    String.valueOf(unreadable.getMessage()))));
        }
        DigestAlgorithm sha256 = ocfl.config().getDefaultDigestAlgorithm();
        List<FixityFailure> failures = new ArrayList<>();
        long files = 0;
        long bytes = 0;
        List<OcflObjectVersionFile> inVersion = new ArrayList<>(head.getFiles());
        inVersion.sort(Comparator.comparing(OcflObjectVersionFile::getPath));
        for (OcflObjectVersionFile file : inVersion) {
            String name = nameInRecord(file.getPath());
            String expectedSha256 = file.getFixity().get(sha256);
            String expectedSm3 = file.getFixity().get(Sm3Algorithm.SM3_ALGORITHM);
            Path onDisk = root.path().resolve(file.getStorageRelativePath());
            files++;
            Digests found;
            try {
                Read read = read(onDisk, limit);
                found = read.digests();
                bytes += read.size();
            } catch (NoSuchFileException gone) {
                failures.add(new FixityFailure(id, name, Kind.MISSING, "sha256:" + expectedSha256, null));
                continue;
            } catch (IOException unreadable) {
                failures.add(new FixityFailure(id, name, Kind.MISMATCH, "sha256:" + expectedSha256,
                        "unreadable: " + unreadable.getMessage()));
                continue;
            }
            if (!found.sha256().equalsIgnoreCase(expectedSha256)) {
                failures.add(new FixityFailure(id, name, Kind.MISMATCH, "sha256:" + expectedSha256,
                        "sha256:" + found.sha256()));
            } else if (expectedSm3 != null && !found.sm3().equalsIgnoreCase(expectedSm3)) {
                failures.add(new FixityFailure(id, name, Kind.MISMATCH, "sm3:" + expectedSm3, "sm3:" + found.sm3()));
            }
        }
        return new ObjectAudit(id, head.getVersionNum().getVersionNum(), files, bytes, failures);
    }

    private Read read(Path file, FixityThrottle limit) throws IOException {
        Digests.Both both = new Digests.Both();
        byte[] buffer = buffers.get();
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                limit.take(n);
                both.update(buffer, 0, n);
            }
        }
        return new Read(both.digests(), both.size());
    }

    /** Content by its name inside the record, as the API lists it; metadata by its logical path. */
    private static String nameInRecord(String logicalPath) {
        return logicalPath.startsWith(ArchivalStore.CONTENT) ? logicalPath.substring(ArchivalStore.CONTENT.length())
                : logicalPath;
    }

    private record Read(Digests digests, long size) {
    }
}
