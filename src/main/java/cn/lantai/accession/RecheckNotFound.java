package cn.lantai.accession;

/** No run of the stored records' check by this id (answered 404). */
public class RecheckNotFound extends RuntimeException {

    public RecheckNotFound(String id) {
        super("no four-properties check run " + id);
    }
}
