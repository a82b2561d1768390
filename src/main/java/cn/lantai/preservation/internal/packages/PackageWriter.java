package cn.lantai.preservation.internal.packages;

import java.io.IOException;

/** Writes one kind of package into a zip, record by record, then its manifests or METS at the end. */
interface PackageWriter {

    void add(PackagedRecord record) throws IOException;

    /** Writes what lists the whole package; the zip is then complete. */
    void finish() throws IOException;
}
