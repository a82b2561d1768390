package cn.lantai.stacks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.climate.MqttReadings;
import cn.lantai.stacks.internal.climate.ReadingJson;
import cn.lantai.stacks.internal.climate.Sensors;
import cn.lantai.support.LantaiTest;
import cn.lantai.support.MosquittoAvailable;
import cn.lantai.support.Staff;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Readings published over MQTT to the real Mosquitto reach the room's chart and raise an out-of-range alert; bad
 * messages (nonsense, a wrong token, a topic of another room, a valid reading padded beyond the size cap) are dropped
 * and counted, and the subscriber goes on.
 */
@LantaiTest
@ExtendWith(MosquittoAvailable.class)
class ClimateMqttTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Rooms rooms;
    @Autowired
    Sensors sensors;
    @Autowired
    MqttReadings subscriber;
    @Autowired
    JdbcClient jdbc;
    @Value("${lantai.archive-zone:Asia/Shanghai}")
    ZoneId zone;

    @Test
    void aReadingPublishedOverMqttReachesTheChartAndRaisesAnAlert() throws Exception {
        staff.ensure(ClimateContract.KEEPER, "库房保管员", null, Classification.NONE, List.of("STACKS"));
        Viewer keeper = Viewer.staff(ClimateContract.KEEPER, Classification.NONE, false);
        String room = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String sensor = "MQ-" + room;
        staff.as(ClimateContract.KEEPER, () -> rooms.add(new Room(room, "MQTT 测试库房", RoomKind.PAPER, 1, 1, 1), keeper));
        String token = staff.as(ClimateContract.KEEPER, () -> sensors.register(room, sensor, keeper)).token();
        waitUntil(subscriber::listening);
        long dropped = subscriber.dropped();
        Instant at = Instant.now().minusSeconds(30);
        String topic = "lantai/stacks/" + room + "/readings";
        String good = "{\"room\":\"" + room + "\",\"sensor\":\"" + sensor + "\",\"at\":\"" + at
                + "\",\"temperature\":31.5,\"humidity\":50,\"token\":\"" + token + "\"}";

        // a good reading of another moment, padded with blanks beyond the cap: dropped unread
        String oversized = good.replace(at.toString(), at.minusSeconds(1).toString()).replace("{\"room\"",
                "{" + " ".repeat(ReadingJson.MAX_BYTES) + "\"room\"");

        MqttClient publisher = new MqttClient(MosquittoAvailable.URL, "lantai-test-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        publisher.connect(options);
        try {
            publisher.publish(topic, "{nonsense".getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish(topic, good.replace(token, "lts_stolen").getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish("lantai/stacks/K-OTHER/readings", good.getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish(topic, oversized.getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish(topic, good.getBytes(StandardCharsets.UTF_8), 1, false);
        } finally {
            publisher.disconnect();
            publisher.close();
        }

        waitUntil(() -> jdbc.sql("SELECT COUNT(*) FROM stacks_reading WHERE room_code = ?").param(room)
                .query(Long.class).single() == 1);
        waitUntil(() -> subscriber.dropped() >= dropped + 4);
        // messages of one publisher arrive in order: the oversized one was handled before the good one was kept
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stacks_reading WHERE room_code = ?").param(room)
                .query(Long.class).single()).isEqualTo(1);
        LocalDate day = LocalDate.ofInstant(at, zone);
        String chart = mvc.perform(get("/stacks/climate/{room}/chart.json", room).param("from", day.toString())
                        .param("to", day.toString()).with(Staff.page(ClimateContract.KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chart).contains("31.5").contains(sensor);
        assertThat(jdbc.sql("SELECT kind FROM stacks_climate_alert WHERE room_code = ?").param(room)
                .query(String.class).list()).containsExactly("OUT_OF_RANGE");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within %s", DEADLINE).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
