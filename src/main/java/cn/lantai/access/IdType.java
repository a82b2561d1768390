package cn.lantai.access;

/** The ID document a visitor registers with; labels in the bundle under {@code access.id-type.<NAME>}. */
public enum IdType {
    /** 居民身份证 (GB 11643-1999, 18 characters with a check digit). */
    RESIDENT_ID,
    /** 护照. */
    PASSPORT,
    /** 港澳居民来往内地通行证. */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证. */
    TAIWAN_PERMIT,
    /** 其他. */
    OTHER
}
