package cn.lantai.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * Inflates the entries of one zip while counting real bytes as they come (not the sizes the zip claims), and stops at
 * the first byte past a limit: an entry inflating past {@link Limits#entry()}, the whole zip past {@link Limits#total()},
 * or an entry past {@link Limits#ratio()} times the compressed bytes it has consumed so far. The ratio is per entry and
 * counts the compressed bytes actually read (commons-compress), so padding the zip with incompressible data, or a size
 * the zip header lies about, does not dilute it: a deflate bomb (about 1,000 to 1) is stopped within its first
 * megabytes. The catalogue reads every xlsx through it; accession unpacks units' transfer packages through it, which is
 * why it is public.
 */
public final class ZipInflation {

    /**
     * @param entry      bytes one entry may inflate to
     * @param total      bytes all entries of the zip together may inflate to
     * @param ratio      inflated bytes an entry may make of each compressed byte it has read
     * @param ratioFloor bytes an entry may inflate before its ratio is looked at (small files compress very well)
     */
    public record Limits(long entry, long total, long ratio, long ratioFloor) {
    }

    /** Which limit an entry ran into. */
    public enum Excess { ENTRY, TOTAL, RATIO }

    /** An entry inflated past a limit; what it wrote so far is the caller's to remove. */
    public static final class Exceeded extends RuntimeException {

        private final Excess excess;

        Exceeded(Excess excess) {
            super("zip inflates past its " + excess + " limit");
            this.excess = excess;
        }

        public Excess excess() {
            return excess;
        }
    }

    private final Limits limits;
    private final byte[] buffer = new byte[64 * 1024];
    private long total;

    public ZipInflation(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Inflates one entry into {@code out} and answers its size; {@link Exceeded} at the first buffer past a limit,
     * before that buffer is written. The caller checks {@link ZipFile#canReadEntryData} first.
     */
    public long inflate(ZipFile zip, ZipArchiveEntry entry, OutputStream out) throws IOException {
        long size = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            InputStreamStatistics counted = (InputStreamStatistics) in;
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
                total += read;
                if (size > limits.entry()) {
                    throw new Exceeded(Excess.ENTRY);
                }
                if (total > limits.total()) {
                    throw new Exceeded(Excess.TOTAL);
                }
                if (size > limits.ratioFloor() && size / Math.max(1, counted.getCompressedCount()) > limits.ratio()) {
                    throw new Exceeded(Excess.RATIO);
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }
}
