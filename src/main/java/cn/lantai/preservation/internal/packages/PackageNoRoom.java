package cn.lantai.preservation.internal.packages;

/** The packages folder's disk has less room than the records' files need: refused before a byte is written. */
class PackageNoRoom extends RuntimeException {

    PackageNoRoom(long needed, long usable) {
        super("not enough disk space for the package: its records' files need " + megabytes(needed)
                + " MB, the packages folder has " + megabytes(usable) + " MB free");
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
