package cn.lantai.preservation;

import cn.lantai.jobs.JobId;

/** The package's job has not finished writing it, or failed (answered 409 with its state). */
public class PackageNotReady extends RuntimeException {

    public PackageNotReady(JobId id) {
        super("package " + id.value() + " is not ready");
    }
}
