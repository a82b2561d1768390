package cn.lantai.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The files of the store benchmark: {@code records} folders of {@code filesPerRecord} files, scans and born-digital
 * documents alike: PDF, JPEG and PNG by their signatures, bodies of random (incompressible, as compressed images are)
 * bytes, sizes log-normal around {@code meanBytes} (σ = 1: most a few kB to tens of kB, a few near a megabyte). The
 * same seed gives the same files.
 */
final class StoreCorpus {

    private static final String[] KINDS = {"pdf", "jpg", "png"};
    private static final String[] FORMATS = {"application/pdf", "image/jpeg", "image/png"};
    private static final byte[][] SIGNATURES = {"%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1),
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0},
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}};
    private static final int MAX_BYTES = 2 << 20;

    record Options(int records, int filesPerRecord, int meanBytes, long seed) {
    }

    /** One file of a record: its name inside the record, where it is, its media type, its size. */
    record CorpusFile(String name, Path path, String format, long size) {
    }

    /** The files of one record, in the order written. */
    record CorpusRecord(int number, List<CorpusFile> files) {
    }

    private StoreCorpus() {
    }

    /** Writes the corpus under {@code dir} (emptied first) and answers its records. */
    static List<CorpusRecord> write(Options options, Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(options.seed());
        double sigma = 1.0;
        double mu = Math.log(options.meanBytes()) - sigma * sigma / 2;
        byte[] buffer = new byte[MAX_BYTES];
        List<CorpusRecord> records = new ArrayList<>(options.records());
        for (int r = 1; r <= options.records(); r++) {
            Path folder = Files.createDirectories(dir.resolve(String.format("r%06d", r)));
            List<CorpusFile> files = new ArrayList<>(options.filesPerRecord());
            for (int f = 1; f <= options.filesPerRecord(); f++) {
                int kind = random.nextInt(KINDS.length);
                double gaussian = gaussian(random);
                int size = (int) Math.max(64, Math.min(MAX_BYTES, Math.exp(mu + sigma * gaussian)));
                byte[] signature = SIGNATURES[kind];
                System.arraycopy(signature, 0, buffer, 0, signature.length);
                for (int i = signature.length; i < size; i += 8) {
                    long bits = random.nextLong();
                    for (int b = 0; b < 8 && i + b < size; b++) {
                        buffer[i + b] = (byte) (bits >>> (8 * b));
                    }
                }
                String name = String.format("%03d.%s", f, KINDS[kind]);
                Path path = folder.resolve(name);
                try (OutputStream out = Files.newOutputStream(path)) {
                    out.write(buffer, 0, size);
                }
                files.add(new CorpusFile(name, path, FORMATS[kind], size));
            }
            records.add(new CorpusRecord(r, files));
        }
        return records;
    }

    static long bytes(List<CorpusRecord> records) {
        return records.stream().flatMap(r -> r.files().stream()).mapToLong(CorpusFile::size).sum();
    }

    static long files(List<CorpusRecord> records) {
        return records.stream().mapToLong(r -> r.files().size()).sum();
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
