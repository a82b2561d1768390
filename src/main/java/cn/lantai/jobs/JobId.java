package cn.lantai.jobs;

/** Identifies a background job. */
public record JobId(String value) {

    @Override
    public String toString() {
        return value;
    }
}
