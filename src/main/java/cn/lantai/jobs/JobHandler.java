package cn.lantai.jobs;

/**
 * Does the work of one kind of job. {@link #run} must be resumable: it is called again, from the progress last
 * committed, when the application restarts while the job was running.
 */
public interface JobHandler {

    String kind();

    /** Runs the job to its end; progress is reported through {@link Jobs#progress}. A thrown exception fails it. */
    void run(JobStatus job);

    /**
     * Whether jobs of this kind are follow-up work the application starts by itself, many at a time (reading scanned
     * pages, making derivatives): they run on workers of their own, so that a person's import, transfer or batch never
     * waits behind thousands of them.
     */
    default boolean background() {
        return false;
    }

    /**
     * Whether somebody waits for jobs of this kind, so that upkeep gives way while one is queued or running
     * ({@link Jobs#underWay}): a person's import, transfer or batch does, by default. Upkeep that may run for hours
     * (an audit of the whole store) does not: other upkeep would stall behind it.
     */
    default boolean pressing() {
        return !background();
    }

    /** Where the job's report can be downloaded, if it writes one. */
    default String reportLink(JobId id) {
        return null;
    }
}
