package cn.lantai.stacks.internal.climate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a broker the subscriber neither fails nor holds up the start: start returns while the connector keeps
 * trying in the background, unconnected, and stop ends it; without a URL it does nothing at all.
 */
class MqttReadingsTest {

    @Test
    void noBrokerNeitherFailsNorHoldsUpTheStart() throws InterruptedException {
        // port 9 (discard) answers no MQTT on loopback
        MqttReadings readings = new MqttReadings("tcp://127.0.0.1:9", "", "", null, null, null);
        readings.start(); // returns: the connection is tried in the background
        assertThat(readings.trying()).isTrue();
        assertThat(readings.listening()).isFalse();
        readings.stop();
        MqttReadings off = new MqttReadings("", "", "", null, null, null);
        off.start();
        assertThat(off.trying()).isFalse();
        assertThat(off.listening()).isFalse();
        off.stop();
    }
}
