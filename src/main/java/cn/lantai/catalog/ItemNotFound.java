package cn.lantai.catalog;

/** No item with this id, or none the caller may see: both answer the same, so existence does not leak. */
public class ItemNotFound extends RuntimeException {

    public ItemNotFound(Object id) {
        super("item " + id + " not found");
    }
}
