package cn.lantai.access;

import java.time.Instant;

/**
 * A file (卷) or an item (件) used in a visit, as the desk recorded it: counted once as {@link UseKind#ITEM_USED}.
 *
 * @param level {@code VOLUME} (卷, counted in 卷次) or {@code ITEM} (件, counted in 件次)
 * @param refId the id of the file or of the item
 */
public record UsedItem(long visitId, String level, long refId, String archivalCode, String category, Instant at) {

    public static final String VOLUME = "VOLUME";
    public static final String ITEM = "ITEM";
}
