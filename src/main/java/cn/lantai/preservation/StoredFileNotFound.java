package cn.lantai.preservation;

import cn.lantai.catalog.ItemId;

/** The record has no stored file of that name (or the store holds no object for it). */
public class StoredFileNotFound extends RuntimeException {

    public StoredFileNotFound(ItemId id, String name) {
        super("record " + id + " has no stored file " + name);
    }
}
