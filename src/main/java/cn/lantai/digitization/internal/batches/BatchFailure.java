package cn.lantai.digitization.internal.batches;

import java.util.Arrays;

/**
 * The batch as a whole cannot be read (no zip, too many entries, inflating past the total): it fails with this reason,
 * a key under {@code digitization.batch.failure.} with its arguments.
 */
class BatchFailure extends RuntimeException {

    private final String key;
    private final Object[] args;

    BatchFailure(String key, Object... args) {
        super(key + " " + Arrays.toString(args));
        this.key = "digitization.batch.failure." + key;
        this.args = args.clone();
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }
}
