package cn.lantai.digitization.internal.batches;

/** The batch as a whole cannot be read (no zip, too many entries, inflating past the total): it fails with this reason. */
class BatchFailure extends RuntimeException {

    BatchFailure(String reason) {
        super(reason);
    }
}
