package cn.lantai.preservation.internal.store;

import java.nio.file.Path;

/**
 * The storage root's folder, resolved once: {@code lantai.store.root} may be built from a placeholder that resolves
 * anew at each lookup (the tests' random data folder), so the repository and whoever reads a file's place on disk
 * must share this one value.
 */
public record StorageRoot(Path path) {
}
