package cn.lantai.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.lantai.catalog.Classification;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real server (the browser tests' context): an upload its sender may not make is answered before its body
 * arrives, so the server neither waits for nor reads what it would refuse.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadGateTest {

    @LocalServerPort
    int port;

    @Autowired
    Staff staff;

    @Test
    void anUploadWithoutTheRightToImportIsRefusedBeforeItsBodyIsSent() throws Exception {
        staff.ensure("gate-reader", "利用窗口", null, Classification.NONE, List.of("READING_ROOM"));
        String token = staff.token("gate-reader");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // an upper bound, not a measurement: a server that waits for the promised gigabyte never answers
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (1L << 30)
                    + "\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 403");
        }
    }
}
