package cn.lantai.preservation.internal.packages;

/** The selection holds no record the asker may read: no package is made (a bag without data/ is no bag). */
class NothingToPackage extends RuntimeException {

    NothingToPackage() {
        super("nothing to package: the selection holds no record the asker may read");
    }
}
