package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.lantai.preservation.internal.inspection.Clamd;
import cn.lantai.preservation.internal.inspection.Clamscan;
import cn.lantai.preservation.internal.inspection.Quarantine;

/**
 * A clamd that hangs (accepts and never answers) must not hold a transfer forever: PING, VERSION and the scan each
 * end at {@code lantai.clamav.timeout}. The hung daemon is a socket of the test's own, no ClamAV needed.
 */
class ClamdDeadlineTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private ServerSocketChannel server;
    private final List<SocketChannel> held = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (SocketChannel channel : held) {
            channel.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDaemonThatNeverAnswersPingIsNoScanner() throws IOException {
        Path socket = hungDaemon(false);
        ContentInspection inspection = inspection(socket);
        Path file = Files.writeString(dir.resolve("file"), "clean");

        assertThat(new Clamd(socket, SHORT).answers()).isFalse();
        assertThatThrownBy(() -> inspection.scan(file)).isInstanceOf(ScannerUnavailable.class);
    }

    @Test
    void aDaemonThatAnswersPingButHangsOnTheScanGivesNoVerdict() throws IOException {
        Path socket = hungDaemon(true);
        Path file = Files.writeString(dir.resolve("公文.txt"), "clean");

        assertThat(new Clamd(socket, SHORT).answers()).isTrue();
        assertThatThrownBy(() -> inspection(socket).scan(file)).isInstanceOf(ScannerUnavailable.class)
                .hasMessageContaining("no answer within");
    }

    private ContentInspection inspection(Path socket) {
        return new ContentInspection(new Clamd(socket, SHORT), new Clamscan("/nonexistent/clamscan", "", "2000M",
                SHORT), Inspections.formats(), new Quarantine(dir.resolve("quarantine"), Inspections.CLOCK));
    }

    /** Accepts every connection; answers PING and VERSION only if asked to, and nothing else ever. */
    private Path hungDaemon(boolean answersCommands) throws IOException {
        Path socket = dir.resolve("clamd.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread daemon = new Thread(() -> {
            try {
                while (true) {
                    SocketChannel channel = server.accept();
                    String command = command(channel);
                    if (answersCommands && command.equals("zPING")) {
                        channel.write(ByteBuffer.wrap("PONG\0".getBytes(StandardCharsets.US_ASCII)));
                    } else if (answersCommands && command.equals("zVERSION")) {
                        channel.write(ByteBuffer.wrap("ClamAV 1.4.6/0/hung\0".getBytes(StandardCharsets.US_ASCII)));
                    }
                    held.add(channel);
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        daemon.setDaemon(true);
        daemon.start();
        return socket;
    }

    private static String command(SocketChannel channel) throws IOException {
        StringBuilder command = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (channel.read(one.clear()) > 0 && one.get(0) != 0) {
            command.append((char) one.get(0));
        }
        return command.toString();
    }
}
