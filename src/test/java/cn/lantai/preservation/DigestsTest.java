package cn.lantai.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void bothDigestsMatchTheStandardsVectors() throws IOException {
        Digests abc = Digests.of(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)));

        // FIPS 180-2 and GB/T 32905-2016 appendix A
        assertThat(abc.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(abc.sm3()).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Digests.sm3("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(abc.sm3());
    }
}
