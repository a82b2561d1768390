package cn.lantai.accession;

/** No such transfer, or one the person may not see (another unit's): both answered alike, 404. */
public class TransferNotFound extends RuntimeException {

    public TransferNotFound(long id) {
        super("transfer " + id);
    }
}
