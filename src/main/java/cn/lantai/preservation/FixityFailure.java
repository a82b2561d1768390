package cn.lantai.preservation;

import cn.lantai.catalog.ItemId;

/**
 * A stored file that a fixity audit found damaged ({@link Kind#MISMATCH}: its bytes no longer give the digest its
 * object's inventory holds) or gone ({@link Kind#MISSING}). {@code file} is the name inside the record for content
 * ({@code 正文.pdf}) and the logical path for the record's metadata ({@code metadata/premis.xml}); {@code expected}
 * and {@code actual} name the algorithm ({@code sha256:<hex>}, {@code sm3:<hex>}); {@code actual} is null when the
 * file is missing.
 */
public record FixityFailure(ItemId record, String file, Kind kind, String expected, String actual) {

    public enum Kind {
        MISMATCH, MISSING
    }
}
