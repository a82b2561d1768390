package cn.lantai.preservation.internal.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.lantai.preservation.ScannerUnavailable;
import cn.lantai.preservation.VirusScan;

/**
 * clamd over its UNIX socket with the INSTREAM command (clamd(8)): the bytes are streamed to the daemon in chunks, so
 * the daemon needs no access to the file and its signatures stay loaded between calls. Commands use the
 * {@code z} prefix (NUL-terminated), one connection per command. Each file gets its own verdict: one clamd cuts off
 * (beyond its StreamMaxLength, 25 MB on Debian) is {@link VirusScan#notScanned not scanned}, the others are still
 * answered. Every connection has a deadline, so a hung daemon cannot hold a transfer forever.
 */
public final class Clamd implements VirusScanner {

    private static final int CHUNK = 1 << 16;
    private static final int MAX_REPLY = 4096;
    /** PING and VERSION answer at once from a healthy daemon; a scan may take as long as {@code timeout}. */
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Path socket;
    private final Duration timeout;

    /** With the shipped {@code lantai.clamav.timeout} (1 h for one file). */
    public Clamd(Path socket) {
        this(socket, DEFAULT_TIMEOUT);
    }

    /**
     * @param socket  clamd's LocalSocket
     * @param timeout how long connecting and scanning one file may take ({@code lantai.clamav.timeout}); PING and
     *                VERSION wait at most 10 s of it
     */
    public Clamd(Path socket, Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    /** Whether a daemon listens on the socket and answers PING with PONG in time. */
    public boolean answers() {
        if (!Files.exists(socket)) {
            return false;
        }
        try {
            return "PONG".equals(command("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The daemon's version with its signature version, e.g. {@code ClamAV 1.4.6/27840/Sat Nov 29 09:32:01 2026}. */
    public String engine() {
        try {
            return command("VERSION");
        } catch (IOException e) {
            throw new ScannerUnavailable("clamd at " + socket + " does not answer VERSION", e);
        }
    }

    @Override
    public Map<Path, VirusScan> scan(List<Path> files) {
        String engine = engine();
        Map<Path, VirusScan> verdicts = new LinkedHashMap<>();
        for (Path file : files) {
            verdicts.put(file, instream(file, engine));
        }
        return verdicts;
    }

    private VirusScan instream(Path file, String engine) {
        try {
            return withDeadline(timeout, channel -> {
                try (InputStream in = Files.newInputStream(file)) {
                    send(channel, in);
                } catch (IOException e) {
                    // clamd stops reading and closes once the stream passes its StreamMaxLength; its reason is waiting
                    String reason = reply(channel);
                    if (reason.isEmpty()) {
                        throw e;
                    }
                    return verdict(reason, engine);
                }
                return verdict(reply(channel), engine);
            });
        } catch (IOException e) {
            throw new ScannerUnavailable("clamd at " + socket + " failed on " + file.getFileName() + ": "
                    + e.getMessage(), e);
        }
    }

    /** INSTREAM: the command, then chunks each after its length (4 bytes, network order), then a zero length. */
    private static void send(SocketChannel channel, InputStream in) throws IOException {
        channel.write(ByteBuffer.wrap("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
        byte[] chunk = new byte[CHUNK];
        for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0; ) {
            ByteBuffer frame = ByteBuffer.allocate(4 + n).putInt(n).put(chunk, 0, n).flip();
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        }
        channel.write(ByteBuffer.allocate(4).putInt(0).flip());
    }

    /**
     * Reads {@code stream: OK}, {@code stream: <signature> FOUND} or {@code <text> ERROR} (as {@code INSTREAM size
     * limit exceeded. ERROR}); anything but a verdict leaves this one file not scanned, with clamd's words as reason.
     */
    static VirusScan verdict(String reply, String engine) {
        String result = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        VirusScan verdict = ClamResults.verdict(result, engine);
        return verdict != null ? verdict : VirusScan.notScanned("clamd: " + reply
                + " (for large files raise StreamMaxLength in clamd.conf)", engine);
    }

    private String command(String name) throws IOException {
        Duration limit = timeout.compareTo(COMMAND_LIMIT) < 0 ? timeout : COMMAND_LIMIT;
        return withDeadline(limit, channel -> {
            channel.write(ByteBuffer.wrap(("z" + name + "\0").getBytes(StandardCharsets.US_ASCII)));
            return reply(channel);
        });
    }

    /**
     * Connects and talks to clamd within {@code limit}: a blocking UNIX-socket channel has no read timeout, so the
     * channel is closed when the limit passes, which ends whatever waits on it with an exception.
     */
    private <T> T withDeadline(Duration limit, Conversation<T> conversation) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> alarm = DEADLINES.schedule(() -> {
                expired.set(true);
                closeQuietly(channel);
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return conversation.with(channel);
            } catch (IOException e) {
                throw expired.get() ? new IOException("no answer within " + limit, e) : e;
            } finally {
                alarm.cancel(false);
            }
        }
    }

    private static String reply(SocketChannel channel) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(256);
        while (bytes.size() < MAX_REPLY && channel.read(buffer.clear()) > 0) {
            buffer.flip();
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == 0) {
                    return bytes.toString(StandardCharsets.UTF_8).trim();
                }
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).trim();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is how the deadline ends the wait; a failure to close changes nothing
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "lantai-clamd-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @FunctionalInterface
    private interface Conversation<T> {
        T with(SocketChannel channel) throws IOException;
    }
}
