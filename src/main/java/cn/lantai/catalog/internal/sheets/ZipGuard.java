package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Inflates every entry of an xlsx once before it is read, counting real bytes as they come (not the sizes the zip
 * claims), and stops at the first byte past a limit: an entry inflating past {@link Limits#entry()}, the whole file
 * past {@link Limits#total()}, or an entry past {@link Limits#ratio()} times the compressed bytes it has consumed so
 * far. The ratio is per entry and counts the compressed bytes actually read (commons-compress, the same parser
 * fastexcel-reader then reads the file with), so padding the file with incompressible data, or a size the zip header
 * lies about, does not dilute it: a deflate bomb (about 1,000 to 1) is refused within its first megabytes.
 */
final class ZipGuard {

    /**
     * How far an xlsx may inflate. Excel holds at most 1,048,576 rows a sheet; a full sheet of a catalogue's columns
     * with shared strings inflates to well under a gigabyte, and its XML compresses 5 to 30 times.
     */
    record Limits(long entry, long total, long ratio, long ratioFloor) {

        static final Limits XLSX = new Limits(1L << 30, 2L << 30, 100, 1L << 20);
    }

    private static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(Path file) {
        check(file, Limits.XLSX);
    }

    static void check(Path file, Limits limits) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES || entry.getName().contains("..")) {
                    throw bomb(limits, limits.total());
                }
                if (!zip.canReadEntryData(entry)) {
                    throw new UnreadableFile("import.not-xlsx");
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    InputStreamStatistics counted = (InputStreamStatistics) in;
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        size += read;
                        total += read;
                        if (size > limits.entry()) {
                            throw bomb(limits, limits.entry());
                        }
                        if (total > limits.total()) {
                            throw bomb(limits, limits.total());
                        }
                        if (size > limits.ratioFloor()
                                && size / Math.max(1, counted.getCompressedCount()) > limits.ratio()) {
                            throw bomb(limits, limits.total());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile refused) {
                throw refused;
            }
            // not a zip, a truncated one, an unsupported method, or entry names in no known encoding
            throw new UnreadableFile("import.not-xlsx");
        }
        if (entries == 0) {
            throw new UnreadableFile("import.not-xlsx");
        }
    }

    private static UnreadableFile bomb(Limits limits, long limit) {
        return new UnreadableFile("import.zip-bomb", limit >> 20, limits.ratio());
    }
}
