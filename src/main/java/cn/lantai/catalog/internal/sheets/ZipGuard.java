package cn.lantai.catalog.internal.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;

import cn.lantai.catalog.ZipInflation;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Inflates every entry of an xlsx once before it is read, through {@link ZipInflation} (real bytes counted, the ratio
 * per entry against the compressed bytes consumed), and refuses the file at the first byte past a limit: a deflate bomb
 * is refused within its first megabytes.
 */
final class ZipGuard {

    /**
     * How far an xlsx may inflate. Excel holds at most 1,048,576 rows a sheet; a full sheet of a catalogue's columns
     * with shared strings inflates to well under a gigabyte, and its XML compresses 5 to 30 times.
     */
    static final ZipInflation.Limits XLSX = new ZipInflation.Limits(1L << 30, 2L << 30, 100, 1L << 20);

    private static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(Path file) {
        check(file, XLSX);
    }

    static void check(Path file, ZipInflation.Limits limits) {
        ZipInflation inflation = new ZipInflation(limits);
        int entries = 0;
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
                inflation.inflate(zip, entry, OutputStream.nullOutputStream());
            }
        } catch (ZipInflation.Exceeded e) {
            throw bomb(limits, e.excess() == ZipInflation.Excess.ENTRY ? limits.entry() : limits.total());
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

    private static UnreadableFile bomb(ZipInflation.Limits limits, long limit) {
        return new UnreadableFile("import.zip-bomb", limit >> 20, limits.ratio());
    }
}
