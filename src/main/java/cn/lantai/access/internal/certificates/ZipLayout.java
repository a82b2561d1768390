package cn.lantai.access.internal.certificates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strict layout of a zip, checked byte by byte so that every reader sees the same entries: the end record is the
 * last 22 bytes (no comment, one disk, no zip64); the central directory ends where the end record begins; its entries'
 * local headers follow each other from byte 0 in its order, each with the same name, method and sizes, its data and
 * its data descriptor (if any) right after, and the last one ends where the central directory begins. A reader that
 * walks the local headers (ZipInputStream, commons-compress's stream as OFDReader uses it) and one that reads the
 * central directory (ZipFile, most OFD viewers) then find the same files; a junk byte between entries, an entry listed
 * only in the central directory, or two names for one entry make it no zip here.
 */
final class ZipLayout {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final long ZIP64 = 0xFFFFFFFFL;

    private ZipLayout() {
    }

    /**
     * The entries' names in central directory order (read as UTF-8, as {@link java.util.zip.ZipFile} reads them), or
     * null when the layout is not that strict one.
     */
    static List<String> names(byte[] zip) {
        try {
            return check(zip);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static List<String> check(byte[] zip) {
        int end = zip.length - 22;
        if (end < 0 || u32(zip, end) != END || u16(zip, end + 4) != 0 || u16(zip, end + 6) != 0
                || u16(zip, end + 8) != u16(zip, end + 10) || u16(zip, end + 20) != 0) {
            return null;
        }
        int count = u16(zip, end + 10);
        long cdSize = u32(zip, end + 12);
        long cdStart = u32(zip, end + 16);
        if (cdSize == ZIP64 || cdStart == ZIP64 || count == 0xFFFF || cdStart + cdSize != end) {
            return null;
        }
        List<String> names = new ArrayList<>();
        int central = (int) cdStart;
        long local = 0;
        for (int i = 0; i < count; i++) {
            if (u32(zip, central) != CENTRAL) {
                return null;
            }
            int flags = u16(zip, central + 8);
            int method = u16(zip, central + 10);
            long crc = u32(zip, central + 16);
            long packed = u32(zip, central + 20);
            long size = u32(zip, central + 24);
            int nameLength = u16(zip, central + 28);
            int extraLength = u16(zip, central + 30);
            int commentLength = u16(zip, central + 32);
            long offset = u32(zip, central + 42);
            byte[] name = slice(zip, central + 46, nameLength);
            if (packed == ZIP64 || size == ZIP64 || offset != local || (flags & 1) != 0) {
                return null;
            }
            int at = (int) local;
            boolean described = (flags & 8) != 0;
            if (u32(zip, at) != LOCAL || u16(zip, at + 6) != flags || u16(zip, at + 8) != method
                    || u16(zip, at + 26) != nameLength
                    || !Arrays.equals(slice(zip, at + 30, nameLength), name)) {
                return null;
            }
            if (!described && (u32(zip, at + 14) != crc || u32(zip, at + 18) != packed || u32(zip, at + 22) != size)) {
                return null;
            }
            long next = at + 30L + nameLength + u16(zip, at + 28) + packed;
            if (described) {
                int d = (int) next;
                if (u32(zip, d) == DESCRIPTOR) {
                    d += 4;
                }
                if (u32(zip, d) != crc || u32(zip, d + 4) != packed || u32(zip, d + 8) != size) {
                    return null;
                }
                next = d + 12L;
            }
            if (next > cdStart) {
                return null;
            }
            names.add(new String(name, StandardCharsets.UTF_8));
            local = next;
            central += 46 + nameLength + extraLength + commentLength;
        }
        return central == end && local == cdStart ? names : null;
    }

    private static byte[] slice(byte[] zip, int from, int length) {
        if (from < 0 || from + length > zip.length) {
            throw new IndexOutOfBoundsException(from);
        }
        return Arrays.copyOfRange(zip, from, from + length);
    }

    private static int u16(byte[] b, int at) {
        if (at < 0 || at + 2 > b.length) {
            throw new IndexOutOfBoundsException(at);
        }
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        if (at < 0 || at + 4 > b.length) {
            throw new IndexOutOfBoundsException(at);
        }
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
