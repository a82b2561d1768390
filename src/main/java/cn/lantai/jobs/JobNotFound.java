package cn.lantai.jobs;

public class JobNotFound extends RuntimeException {

    public JobNotFound(JobId id) {
        super("job " + id + " not found");
    }
}
