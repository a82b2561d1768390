package cn.lantai.catalog.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.Properties;

/**
 * The outcome of the checking pass, kept on disk so a resumed job does not judge the rows again. {@code updating}
 * holds the rows whose 档号 the catalogue already held when they were checked (and the importer may overwrite);
 * null for a job checked before that was recorded.
 */
record Checked(long total, long rejected, long operation, BitSet rejectedRows, BitSet updating, String format) {

    static Checked load(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve(ImportJob.CHECKED))) {
            Properties p = new Properties();
            p.load(in);
            Path updating = dir.resolve(ImportJob.UPDATING_ROWS);
            return new Checked(Long.parseLong(p.getProperty("total")), Long.parseLong(p.getProperty("rejected")),
                    Long.parseLong(p.getProperty("operation")),
                    BitSet.valueOf(Files.readAllBytes(dir.resolve(ImportJob.REJECTED_ROWS))),
                    Files.exists(updating) ? BitSet.valueOf(Files.readAllBytes(updating)) : null,
                    p.getProperty("format"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Path dir) {
        try {
            Files.write(dir.resolve(ImportJob.REJECTED_ROWS), rejectedRows.toByteArray());
            Files.write(dir.resolve(ImportJob.UPDATING_ROWS), updating.toByteArray());
            Properties p = new Properties();
            p.setProperty("total", Long.toString(total));
            p.setProperty("rejected", Long.toString(rejected));
            p.setProperty("operation", Long.toString(operation));
            if (format != null) {
                p.setProperty("format", format);
            }
            Path tmp = dir.resolve(ImportJob.CHECKED + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "import checked");
            }
            Files.move(tmp, dir.resolve(ImportJob.CHECKED), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
