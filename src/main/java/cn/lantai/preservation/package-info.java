/**
 * Preservation (长期保存): the archival store (OCFL 1.1, one object per record), the SHA-256 and SM3 digests of every
 * file, the PREMIS events of each record, fixity audits, inspection of content (virus scan, format identification)
 * and packages out (BagIt, E-ARK-style).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "catalog :: selection",
        "jobs", "audit", "search"})
package cn.lantai.preservation;
