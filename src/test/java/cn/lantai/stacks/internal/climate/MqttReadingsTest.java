package cn.lantai.stacks.internal.climate;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a broker the subscriber neither fails nor holds up the start: it tries in the background and is closed
 * cleanly; without a URL it does nothing at all.
 */
class MqttReadingsTest {

    @Test
    void noBrokerNeitherFailsNorHoldsUpTheStart() {
        // port 9 (discard) answers no MQTT on loopback
        MqttReadings readings = new MqttReadings("tcp://127.0.0.1:9", null, null, null);
        Instant before = Instant.now();
        readings.start();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
        assertThat(readings.listening()).isFalse();
        readings.stop();
        MqttReadings off = new MqttReadings("", null, null, null);
        off.start();
        assertThat(off.listening()).isFalse();
        off.stop();
    }
}
