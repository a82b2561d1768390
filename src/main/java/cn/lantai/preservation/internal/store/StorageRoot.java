package cn.lantai.preservation.internal.store;

import java.nio.file.Path;

/**
 * Where the OCFL storage root lies on disk, resolved once: the fixity audit reads the stored files themselves (an
 * inventory's storage-relative paths are relative to it) rather than through ocfl-java, which would digest them again.
 */
public record StorageRoot(Path path) {

    /** The file a storage-relative path of an inventory names. */
    public Path resolve(String storageRelativePath) {
        return path.resolve(storageRelativePath);
    }
}
