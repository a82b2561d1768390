package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every entry of an xlsx once, counting the real bytes (not the sizes the zip claims), and refuses a zip bomb:
 * more than {@link #MAX_TOTAL} bytes in all, or a large entry inflating more than {@link #MAX_RATIO} times.
 */
final class ZipGuard {

    static final long MAX_TOTAL = 4L << 30;
    static final long MAX_RATIO = 200;
    private static final long RATIO_FLOOR = 16L << 20;
    private static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(Path file) {
        long compressedSize;
        try {
            compressedSize = Math.max(1, Files.size(file));
        } catch (IOException e) {
            throw new UnreadableFile("import.unreadable", e.getMessage());
        }
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES || entry.getName().contains("..")) {
                    throw bomb();
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        size += read;
                        total += read;
                        if (total > MAX_TOTAL || size > RATIO_FLOOR && size / compressedSize > MAX_RATIO) {
                            throw bomb();
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a zip, a truncated one, or entry names in no known encoding
            throw new UnreadableFile("import.not-xlsx");
        }
        if (entries == 0) {
            throw new UnreadableFile("import.not-xlsx");
        }
    }

    private static UnreadableFile bomb() {
        return new UnreadableFile("import.zip-bomb", MAX_TOTAL >> 20, MAX_RATIO);
    }

}
