package cn.lantai.preservation.internal.store;

import cn.lantai.preservation.Digests;
import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersion;
import io.ocfl.api.model.OcflObjectVersionFile;
import io.ocfl.api.model.VersionInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The store's object of the catalogue's definitions ({@code lantai:catalog}): the fonds, categories and files (卷)
 * as JSON files, versioned like a record's object, so the store alone is enough to rebuild the catalogue. Only files
 * that changed go into a new version (their SHA-256 compared with the inventory's, without reading the files).
 */
@Component
public class CatalogueObject {

    public static final String ID = "lantai:catalog";

    private final OcflRepository ocfl;

    CatalogueObject(OcflRepository ocfl) {
        this.ocfl = ocfl;
    }

    /**
     * Makes the object's head hold exactly these files (logical path → bytes): a new version with those that changed,
     * and without those no longer given. Answers whether a version was written.
     */
    public synchronized boolean keep(Map<String, byte[]> files, String actor) {
        Map<String, String> stored = headDigests();
        Map<String, byte[]> changed = new LinkedHashMap<>();
        files.forEach((path, bytes) -> {
            if (!Digests.sha256(bytes).equalsIgnoreCase(stored.get(path))) {
                changed.put(path, bytes);
            }
        });
        var gone = stored.keySet().stream().filter(path -> !files.containsKey(path)).toList();
        if (changed.isEmpty() && gone.isEmpty()) {
            return false;
        }
        VersionInfo info = new VersionInfo().setUser(actor, "mailto:" + actor + "@lantai.local")
                .setMessage("catalogue definitions: " + changed.size() + " changed, " + gone.size() + " removed");
        ocfl.updateObject(ObjectVersionId.head(ID), info, update -> {
            changed.forEach((path, bytes) -> update.writeFile(new ByteArrayInputStream(bytes), path,
                    OcflOption.OVERWRITE));
            gone.forEach(update::removeFile);
        });
        return true;
    }

    /** The files of the head version (logical path → bytes), or empty when the store holds no such object. */
    public Optional<Map<String, byte[]>> read() {
        if (!ocfl.containsObject(ID)) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        ocfl.getObject(ObjectVersionId.head(ID)).getFiles().forEach(file -> files.put(file.getPath(), bytes(file)));
        return Optional.of(files);
    }

    private Map<String, String> headDigests() {
        Map<String, String> digests = new HashMap<>();
        if (ocfl.containsObject(ID)) {
            OcflObjectVersion head = ocfl.getObject(ObjectVersionId.head(ID));
            String algorithm = ocfl.config().getDefaultDigestAlgorithm().getOcflName();
            head.getFiles().forEach(file -> file.getFixity().forEach((alg, value) -> {
                if (alg.getOcflName().equals(algorithm)) {
                    digests.put(file.getPath(), value);
                }
            }));
        }
        return digests;
    }

    private static byte[] bytes(OcflObjectVersionFile file) {
        try (InputStream in = file.getStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
