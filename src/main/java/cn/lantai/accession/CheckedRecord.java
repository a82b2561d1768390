package cn.lantai.accession;

import java.nio.file.Path;
import java.util.List;

import cn.lantai.catalog.EntryInput;

/**
 * One record checked on its own, outside a transfer package: a unit's filing (增量电子化) or a record the archival
 * store holds. {@code label} names it in the report when it has no 档号 yet (a filing's sourceId).
 */
public record CheckedRecord(String label, EntryInput entry, List<RecordFile> files, Origin origin) {

    public CheckedRecord {
        files = List.copyOf(files);
    }

    /**
     * One file of the record: its name, where it lies ({@code null} when it is missing), and the digests and size it
     * should have (each {@code null} when none was given).
     */
    public record RecordFile(String name, Path location, String sha256, String sm3, Long size) {
    }

    /** Where the record comes from decides what its digests prove and what happens to an infected file. */
    public enum Origin {
        /**
         * Filed by a unit: digests and sizes it declares are authenticity (the file received is the one sent); an
         * infected file is quarantined at once.
         */
        FILING,
        /**
         * Held by the store: the stored digests are integrity (fixity); an infected file stays where it is, since the
         * store is never written in place, and the report says so.
         */
        STORE
    }
}
