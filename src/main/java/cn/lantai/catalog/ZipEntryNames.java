package cn.lantai.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Names of zip entries (and of files a package lists), read and judged before anything is written under them; the one
 * copy for every module that unpacks a zip, beside {@link ZipInflation} (accession's transfer packages, digitization's
 * scan batches). Windows' zip tools write names in the system's code page without the UTF-8 flag (GBK on Chinese
 * Windows), so a name is UTF-8 when flagged or when its bytes are valid UTF-8, and GB18030 (a superset of GBK)
 * otherwise. A name is refused when it would leave the folder it is unpacked into (absolute, a drive letter, a
 * {@code ..} part, a control character), when Linux cannot hold it, or when the entry is a symbolic link.
 */
public final class ZipEntryNames {

    /** Why an entry is not unpacked. */
    public enum Refusal {
        /** Absolute, a drive, {@code ..}, a control character, or empty: it would leave the folder or is no name. */
        LEAVES_FOLDER,
        /** A part past 255 bytes, or the whole path past 4,096 bytes under the folder. */
        TOO_LONG,
        /** A symbolic link: never followed, never written. */
        LINK
    }

    /**
     * An entry's name as read ({@code raw}), as a safe relative path ({@code name}, null when refused for leaving the
     * folder), and why it is refused (null when it may be unpacked).
     */
    public record Judged(String raw, String name, Refusal refusal) {

        public boolean safe() {
            return refusal == null;
        }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int NAME_MAX = 255;
    private static final int PATH_MAX = 4096;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ZipEntryNames() {
    }

    /**
     * The entry judged for unpacking under {@code root} (absolute and normalised): its decoded name made relative,
     * checked to stay under the root and to fit the file system, and the entry checked not to be a link.
     */
    public static Judged judge(ZipArchiveEntry entry, Path root) {
        String raw = decode(entry);
        String name = safeRelative(raw);
        if (name == null || !root.resolve(name).normalize().startsWith(root)) {
            return new Judged(raw, null, Refusal.LEAVES_FOLDER);
        }
        if (!fitsFileSystem(name, root.toString().getBytes(StandardCharsets.UTF_8).length)) {
            return new Judged(raw, name, Refusal.TOO_LONG);
        }
        if (entry.isUnixSymlink()) {
            return new Judged(raw, name, Refusal.LINK);
        }
        return new Judged(raw, name, null);
    }

    /** The entry's name: UTF-8 when flagged or valid as UTF-8, GB18030 otherwise. */
    public static String decode(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (entry.getGeneralPurposeBit().usesUTF8ForNames() || isUtf8(raw)) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        return new String(raw, GB18030);
    }

    private static boolean isUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The name as a relative path of {@code /}-separated parts without {@code .} or empty parts (a backslash counts as
     * a separator, as Windows tools write it), or null when it would leave the folder it is unpacked into or is no
     * plain name: absolute, a drive letter, a {@code ..} part, a control character.
     */
    public static String safeRelative(String name) {
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        String slashed = name.replace('\\', '/');
        if (slashed.startsWith("/") || DRIVE.matcher(slashed).matches()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : slashed.split("/")) {
            if (part.equals("..")) {
                return null;
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /**
     * Whether Linux file systems can hold the name under a folder whose absolute path takes {@code folderBytes}: each
     * part at most 255 bytes (86 Chinese characters in UTF-8) and the whole path under PATH_MAX (4,096 bytes). A name
     * past either is the sender's naming fault of that one entry, found before anything is written.
     */
    public static boolean fitsFileSystem(String relative, int folderBytes) {
        int total = folderBytes;
        for (String part : relative.split("/")) {
            int bytes = part.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > NAME_MAX) {
                return false;
            }
            total += 1 + bytes;
        }
        return total < PATH_MAX;
    }
}
