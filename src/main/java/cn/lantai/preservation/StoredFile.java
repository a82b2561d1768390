package cn.lantai.preservation;

/**
 * A file of a record as the store holds it in the record's head version: its name inside the record, size in bytes,
 * format (media type), both digests, and the version that last wrote it.
 */
public record StoredFile(String name, long size, String format, String sha256, String sm3, int version) {
}
