package cn.lantai.jobs;

/** Where a job stands. QUEUED and RUNNING jobs are picked up again after a restart. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
