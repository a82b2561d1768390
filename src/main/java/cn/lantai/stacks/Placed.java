package cn.lantai.stacks;

/**
 * A 卷 or 件 given a place: on a shelf, or in a box ({@code boxId}, {@code boxNumber}) and so where its box is.
 *
 * @param kind          {@link Kept#ITEM} or {@link Kept#VOLUME}
 * @param id            the catalogue's item id or file id
 * @param archivalCode  its 档号 when it was placed
 * @param location      where it stands (its box's place when in a box; null for a box not shelved)
 */
public record Placed(Kept kind, long id, String archivalCode, String title, Long boxId, String boxNumber,
        Location location) {
}
