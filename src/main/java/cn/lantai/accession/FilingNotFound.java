package cn.lantai.accession;

/** No filing receipt by this id that the person may read (answered 404, as one that does not exist). */
public class FilingNotFound extends RuntimeException {

    public FilingNotFound(String receiptId) {
        super("no filing receipt " + receiptId);
    }
}
