package cn.lantai.digitization;

/** No such scan batch, or not one the person may see (answered 404 alike). */
public class BatchNotFound extends RuntimeException {

    public BatchNotFound(long id) {
        super("no scan batch " + id);
    }
}
