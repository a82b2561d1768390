package cn.lantai.preservation.internal.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.lantai.preservation.ScannerUnavailable;
import cn.lantai.preservation.VirusScan;

/**
 * clamd over its UNIX socket with the INSTREAM command (clamd(8)): the bytes are streamed to the daemon in chunks, so
 * the daemon needs no access to the file and its signatures stay loaded between calls. Commands use the
 * {@code z} prefix (NUL-terminated), one connection per command.
 */
public final class Clamd implements VirusScanner {

    private static final int CHUNK = 1 << 16;
    private static final int MAX_REPLY = 4096;

    private final Path socket;

    public Clamd(Path socket) {
        this.socket = socket;
    }

    /** Whether a daemon listens on the socket and answers PING with PONG. */
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
            verdicts.put(file, verdict(file, instream(file), engine));
        }
        return verdicts;
    }

    private String instream(Path file) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             InputStream in = Files.newInputStream(file)) {
            try {
                send(channel, in);
            } catch (IOException e) {
                // clamd stops reading and closes once the stream passes its StreamMaxLength; its reason is waiting
                String reason = reply(channel);
                if (reason.isEmpty()) {
                    throw e;
                }
                throw new ScannerUnavailable(noVerdict(file, reason));
            }
            return reply(channel);
        } catch (IOException e) {
            throw new ScannerUnavailable("clamd at " + socket + " failed on " + file.getFileName()
                    + " (it cuts off a file beyond StreamMaxLength in clamd.conf)", e);
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

    /** Reads {@code stream: OK}, {@code stream: <signature> FOUND} or {@code <text> ERROR}. */
    static VirusScan verdict(Path file, String reply, String engine) {
        String result = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        if (result.equals("OK")) {
            return VirusScan.clean(engine);
        }
        if (result.endsWith(" FOUND")) {
            return VirusScan.infected(result.substring(0, result.length() - " FOUND".length()), engine);
        }
        throw new ScannerUnavailable(noVerdict(file, reply));
    }

    private static String noVerdict(Path file, String reply) {
        return "clamd gave no verdict on " + file.getFileName() + ": " + reply
                + " (for large files raise StreamMaxLength in clamd.conf)";
    }

    private String command(String name) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(("z" + name + "\0").getBytes(StandardCharsets.US_ASCII)));
            return reply(channel);
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
}
