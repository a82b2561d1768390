package cn.lantai.preservation;

import java.util.Locale;

/** How a package out is laid out: a BagIt 1.0 bag (RFC 8493) or an E-ARK-style information package (CSIP). */
public enum PackageFormat {
    BAGIT, EARK;

    /** {@code bagit} or {@code eark}, any case; anything else is refused (400). */
    public static PackageFormat parse(String name) {
        try {
            return valueOf((name == null ? "" : name.strip()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be bagit or eark, not \"" + name + "\"");
        }
    }
}
