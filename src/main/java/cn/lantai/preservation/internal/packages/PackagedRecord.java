package cn.lantai.preservation.internal.packages;

import java.util.List;
import java.util.Optional;

import cn.lantai.catalog.Item;
import cn.lantai.preservation.StoredFile;

/**
 * One record as it goes into a package: its folder name there (its 档号, or {@code item-<id>} when the code cannot
 * be a folder name), its stored files, its description document and its PREMIS document (none when the store holds no
 * object for it; the description is then the catalogue's).
 */
record PackagedRecord(Item item, String folder, List<StoredFile> files, byte[] description, Optional<byte[]> premis) {

    /** The 档号 as a folder name, if it is one: no separators, control characters, or dot-only names. */
    static String folderOf(Item item) {
        String code = item.archivalCode();
        boolean usable = code != null && !code.isBlank() && code.length() <= 200 && !code.matches("\\.+")
                && code.chars().noneMatch(c -> c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f);
        return usable ? code : "item-" + item.id().value();
    }
}
