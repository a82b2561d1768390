package cn.lantai.preservation.internal.packages;

import cn.lantai.catalog.ItemId;

/** A stored file's bytes no longer have the SHA-256 the store recorded: the package is not made. */
class PackageFixityMismatch extends RuntimeException {

    PackageFixityMismatch(ItemId item, String name, String expected, String actual) {
        super("record " + item.value() + ", file " + name + ": SHA-256 " + actual + " where the store recorded "
                + expected + "; the package was not made");
    }
}
