package cn.lantai.preservation.internal.store;

import cn.lantai.preservation.InvalidDeposit;
import java.nio.charset.StandardCharsets;

/**
 * Names of files inside a record: relative, '/'-separated, each part a plain name. Whatever a package or a person
 * called a file, nothing named here can point outside the record's {@code content/} folder.
 */
public final class FileNames {

    private static final int MAX_PART_BYTES = 255;
    private static final int MAX_NAME_CHARS = 1000;

    private FileNames() {
    }

    public static String checked(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            throw new InvalidDeposit("file name empty or longer than " + MAX_NAME_CHARS + " characters");
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            throw new InvalidDeposit("file name must be relative and '/'-separated: " + name);
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new InvalidDeposit("file name has an empty, '.' or '..' part: " + name);
            }
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
                throw new InvalidDeposit("a part of the file name is longer than " + MAX_PART_BYTES + " bytes: " + name);
            }
            if (part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidDeposit("file name holds a control character: " + name);
            }
        }
        return name;
    }
}
