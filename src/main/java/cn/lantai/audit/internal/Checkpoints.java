package cn.lantai.audit.internal;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicReference;

import cn.lantai.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The checkpoint file: one line per checkpoint, {@code seq digest time signature}, where the signature (SM2, base64)
 * is over {@code seq digest time} exactly as written. A line is appended after each transaction that appended entries
 * commits (covering the newest head this application committed), once at the very first start (the empty trail,
 * seq 0) and at shutdown if a write had failed before. Lines only ever grow in seq; each is forced to disk before the
 * committing thread goes on, then logged to the witness logger {@code lantai.audit.witness}.
 */
@Component
public class Checkpoints implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /**
     * The witness: each checkpoint line also goes to this logger, so that where logs leave the machine (the system
     * journal of a service, syslog, a log collector) a copy lies beyond the reach of whoever can write the data
     * directory; any such line serves the auditor as a receipt.
     */
    private static final Logger WITNESS = LoggerFactory.getLogger("lantai.audit.witness");

    private final AuditFiles files;
    private final AuditKeys keys;
    private final AuditEntries entries;
    /** The newest head any transaction of this application committed. */
    private final AtomicReference<Head> committed = new AtomicReference<>();
    private final Object writing = new Object();
    /** The newest seq in the file; -1 before the file has a line. Guarded by {@link #writing}. */
    private long written = Long.MIN_VALUE;
    private final boolean verifyRun;

    Checkpoints(AuditFiles files, AuditKeys keys, AuditEntries entries, Environment environment) {
        this.files = files;
        this.keys = keys;
        this.entries = entries;
        this.verifyRun = environment.containsProperty(AuditTrail.VERIFY_OPTION);
    }

    /**
     * At start, before anything can append: learn the newest checkpoint, and on the very first start (no checkpoint,
     * empty trail) sign the empty trail. An existing trail is never signed here: that would vouch for rows nobody
     * checked. A verification run ({@code --lantai.audit.verify}) only reads: the application may be writing the file
     * at the same time.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (verifyRun) {
            return;
        }
        synchronized (writing) {
            open();
            Head head = entries.head().orElse(Head.EMPTY);
            if (written < 0 && head.seq() == 0) {
                write(Head.EMPTY);
            } else if (written < 0) {
                log.error("The audit checkpoint file {} is missing or empty while the trail has {} entries: they "
                        + "cannot be vouched for; restore the file from a copy", files.checkpoints(), head.seq());
            } else if (head.seq() < written) {
                log.error("The audit trail's head (entry {}) is behind the newest checkpoint (entry {}): entries were "
                        + "removed, or the database was restored from an older backup; run --lantai.audit.verify",
                        head.seq(), written);
            } else if (head.seq() > written) {
                log.warn("Audit entries {}..{} are newer than the last checkpoint ({}): a crash before their "
                        + "checkpoint, or rows added behind the application's back; run --lantai.audit.verify",
                        written + 1, head.seq(), written);
            }
        }
    }

    /** A transaction that appended up to {@code head} has committed: checkpoint it, or a newer head. */
    void committed(Head head) {
        committed.accumulateAndGet(head, (a, b) -> a == null || b.seq() > a.seq() ? b : a);
        writeCommitted();
    }

    /** At shutdown: whatever this application committed and could not yet checkpoint. */
    @Override
    public void destroy() {
        writeCommitted();
    }

    /** Never throws: the transaction has committed already, and its caller must not see it fail. */
    private void writeCommitted() {
        synchronized (writing) {
            Head head = committed.get();
            try {
                open();
                if (head != null && head.seq() > written) {
                    write(head);
                }
            } catch (RuntimeException e) {
                log.error("Could not write the audit checkpoint for seq {} to {}; the next commit or the shutdown "
                        + "tries again", head == null ? null : head.seq(), files.checkpoints(), e);
            }
        }
    }

    /** Learns the newest checkpoint once; cuts off a line a crash left half-written (it was never a checkpoint). */
    private void open() {
        if (written != Long.MIN_VALUE) {
            return;
        }
        try (FileChannel channel = FileChannel.open(files.checkpoints(), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long complete = completeLength(channel);
            if (complete < channel.size()) {
                log.warn("Cutting off a half-written last line of the audit checkpoint file {}", files.checkpoints());
                channel.truncate(complete);
                channel.force(true);
            }
            if (complete == 0) {
                written = -1;
            } else {
                String last = lastLine(channel, complete);
                written = CheckpointLine.parse(last, 0).map(CheckpointLine::seq).orElseGet(() -> {
                    log.error("The last line of the audit checkpoint file {} is not a checkpoint: {}",
                            files.checkpoints(), last);
                    return 0L;
                });
            }
        } catch (NoSuchFileException e) {
            written = -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + files.checkpoints(), e);
        }
    }

    private void write(Head head) {
        String signed = keys.signedLine(head);
        byte[] line = (signed + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(files.checkpoints().getParent());
            try (FileChannel channel = FileChannel.open(files.checkpoints(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + files.checkpoints(), e);
        }
        written = head.seq();
        WITNESS.info("audit checkpoint {}", signed);
    }

    /**
     * The file's lines up to the first {@code length} bytes, for a verification that must not see lines written
     * after it took its bounds. Read in ISO-8859-1 so that characters are bytes; a proper line is ASCII.
     */
    public Lines read(long length) throws IOException {
        if (length == 0) {
            return new Lines(new BufferedReader(new StringReader("")));
        }
        FileChannel channel = FileChannel.open(files.checkpoints(), StandardOpenOption.READ);
        var limited = new FilterInputStream(Channels.newInputStream(channel)) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(count, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
        return new Lines(new BufferedReader(new InputStreamReader(limited, StandardCharsets.ISO_8859_1), 1 << 16));
    }

    /** The length of the file's complete lines now (0 without a file). */
    public long completeLength() throws IOException {
        try (FileChannel channel = FileChannel.open(files.checkpoints(), StandardOpenOption.READ)) {
            return completeLength(channel);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    public Path file() {
        return files.checkpoints();
    }

    /** Up to and including the last newline. */
    private static long completeLength(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (end > 0) {
            long start = Math.max(0, end - buffer.capacity());
            buffer.clear().limit((int) (end - start));
            channel.read(buffer, start);
            for (int i = buffer.position() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static String lastLine(FileChannel channel, long complete) throws IOException {
        if (complete == 0) {
            return "";
        }
        long start = Math.max(0, complete - 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) (complete - start));
        channel.read(buffer, start);
        String tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        String withoutNewline = tail.substring(0, tail.length() - 1);
        return withoutNewline.substring(withoutNewline.lastIndexOf('\n') + 1);
    }

    /** The lines of the checkpoint file, one at a time, numbered from 1. */
    public static final class Lines implements AutoCloseable {

        private final BufferedReader reader;
        private long number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        /** The next line, or null at the end. */
        public String next() throws IOException {
            String line = reader.readLine();
            if (line != null) {
                number++;
            }
            return line;
        }

        public long number() {
            return number;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
