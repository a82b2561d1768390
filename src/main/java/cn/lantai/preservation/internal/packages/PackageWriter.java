package cn.lantai.preservation.internal.packages;

import java.io.IOException;

/**
 * Writes one kind of package into a zip, record by record, then its manifests or METS at the end. It holds files open
 * from the start (the lists written aside), so it is closed whether or not it finished.
 */
interface PackageWriter extends AutoCloseable {

    void add(PackagedRecord record) throws IOException;

    /** Writes what lists the whole package; the zip is then complete. */
    void finish() throws IOException;

    /** Closes the lists written aside; harmless after {@link #finish()}. */
    @Override
    void close() throws IOException;
}
