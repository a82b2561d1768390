package cn.lantai.stacks.internal.climate;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import cn.lantai.stacks.StacksProblem;
import jakarta.annotation.PreDestroy;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Readings published over MQTT on {@code lantai/stacks/{room}/readings} (Eclipse Paho, QoS 1), when
 * {@code lantai.stacks.mqtt.url} names a broker (none: off). Each message is one reading as JSON with its sensor's
 * token in {@code token}: the shared broker lets any local client publish, so Lantai checks the sensor's own
 * credential, and the topic's room must be the reading's. The client connects in the background once the application
 * is up, says once that the broker does not answer, and keeps trying; Paho reconnects by itself after a loss, and the
 * subscription is renewed on each connection. A bad message is dropped with a log line and counted; nothing a
 * publisher sends stops the subscriber. A message larger than {@link ReadingJson#MAX_BYTES} is dropped unread, and a
 * room's topic whose messages keep being refused is ignored for the rest of the minute ({@link SensorLimits}), so
 * that wrong tokens cannot cost a digest and a lookup each without bound. With {@code lantai.stacks.mqtt.username}
 * (and {@code .password}) the client logs in to the broker, whose ACL should let only that account subscribe to
 * {@code lantai/stacks/#}: the sensors' tokens travel in the messages.
 */
@Component
public class MqttReadings implements MqttCallbackExtended {

    /** The topics subscribed: one level per room. */
    public static final String TOPICS = "lantai/stacks/+/readings";
    private static final Logger LOG = LoggerFactory.getLogger(MqttReadings.class);
    private static final long RETRY_MILLIS = 10_000;

    private final String url;
    private final String username;
    private final String password;
    private final Sensors sensors;
    private final SensorLimits limits;
    private final ReadingIntake intake;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile MqttClient client;
    private volatile boolean closing;
    private volatile boolean subscribed;
    private Thread connector;

    MqttReadings(@Value("${lantai.stacks.mqtt.url:}") String url,
            @Value("${lantai.stacks.mqtt.username:}") String username,
            @Value("${lantai.stacks.mqtt.password:}") String password, Sensors sensors, SensorLimits limits,
            ReadingIntake intake) {
        this.url = url == null ? "" : url.strip();
        this.username = username == null ? "" : username.strip();
        this.password = password == null ? "" : password;
        this.sensors = sensors;
        this.limits = limits;
        this.intake = intake;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (url.isEmpty() || connector != null) {
            return;
        }
        connector = new Thread(this::connect, "stacks-mqtt-connect");
        connector.setDaemon(true);
        connector.start();
    }

    private void connect() {
        boolean said = false;
        while (!closing) {
            MqttClient c = null;
            try {
                c = new MqttClient(url, "lantai-stacks-" + UUID.randomUUID(), new MemoryPersistence());
                c.setCallback(this);
                MqttConnectOptions options = new MqttConnectOptions();
                options.setAutomaticReconnect(true);
                options.setCleanSession(true);
                options.setConnectionTimeout(5);
                if (!username.isEmpty()) { // the broker's ACL lets only this account read lantai/stacks/#
                    options.setUserName(username);
                    options.setPassword(password.toCharArray());
                }
                client = c; // before connecting: connectComplete subscribes through it
                c.connect(options);
                return;
            } catch (MqttException | RuntimeException e) {
                client = null;
                close(c);
                if (!said) {
                    LOG.warn("MQTT broker {} does not answer ({}); readings over MQTT wait, retrying every {} s", url,
                            e.getMessage(), RETRY_MILLIS / 1000);
                    said = true;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client().subscribe(TOPICS, 1);
            subscribed = true;
            LOG.info("MQTT: {} to {}, subscribed to {}", reconnect ? "reconnected" : "connected", serverUri, TOPICS);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("MQTT: could not subscribe to {}: {}", TOPICS, e.getMessage());
        }
    }

    private MqttClient client() {
        MqttClient c = client;
        if (c == null) {
            throw new IllegalStateException("not connected yet");
        }
        return c;
    }

    @Override
    public void connectionLost(Throwable cause) {
        subscribed = false;
        LOG.warn("MQTT: connection to {} lost ({}); reconnecting", url, cause == null ? "" : cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        String room = roomOf(topic);
        if (!limits.hearsTopic(room)) {
            dropped.incrementAndGet();
            LOG.debug("MQTT: ignored a message on {}: too many refused there", printable(topic));
            return;
        }
        byte[] payload = message.getPayload();
        if (payload.length > ReadingJson.MAX_BYTES) {
            dropped.incrementAndGet();
            limits.refusedOnTopic(room);
            LOG.info("MQTT: dropped a message on {}: {} bytes, more than {}", printable(topic), payload.length,
                    ReadingJson.MAX_BYTES);
            return;
        }
        try {
            take(room, payload);
            stored.incrementAndGet();
        } catch (StacksProblem e) {
            dropped.incrementAndGet();
            if (e.status() != 429) { // a sensor's own flood is its own bucket's business
                limits.refusedOnTopic(room);
            }
            LOG.info("MQTT: dropped a message on {}: {} {}", printable(topic), e.key(),
                    printable(Arrays.toString(e.arguments())));
        } catch (RuntimeException e) {
            dropped.incrementAndGet();
            limits.refusedOnTopic(room);
            LOG.warn("MQTT: dropped a message on {}: {}", printable(topic), e.toString());
        }
    }

    /** What a publisher sent, fit for one log line: control characters replaced, at most 200 characters. */
    private static String printable(String text) {
        String line = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The room a topic names; empty for a topic of another shape. */
    private static String roomOf(String topic) {
        String[] levels = topic.split("/", -1);
        return levels.length == 4 ? levels[2] : "";
    }

    private void take(String room, byte[] payload) {
        ReadingJson.Message m = ReadingJson.message(payload);
        Sensor sensor = sensors.byCodeAndToken(m.reading().sensor(), m.token())
                .orElseThrow(() -> new StacksProblem(401, "stacks.reading.no-credential"));
        if (!room.equals(m.reading().room())) {
            throw new StacksProblem(403, "stacks.reading.topic-room", room, m.reading().room());
        }
        limits.take(sensor.code());
        intake.fromSensor(sensor, List.of(m.reading()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // a subscriber only: nothing is published
    }

    /** Messages taken (kept, or already kept) since start. */
    public long stored() {
        return stored.get();
    }

    /** Messages dropped since start: bad JSON, a wrong credential or room, a bad reading, a flood. */
    public long dropped() {
        return dropped.get();
    }

    /** Whether the subscriber is connected to the broker and subscribed now. */
    public boolean listening() {
        MqttClient c = client;
        return subscribed && c != null && c.isConnected();
    }

    /** Whether the background connector is still trying to reach the broker. */
    boolean trying() {
        Thread t = connector;
        return t != null && t.isAlive();
    }

    @PreDestroy
    void stop() {
        closing = true;
        Thread t = connector;
        if (t != null) {
            t.interrupt();
        }
        close(client);
    }

    private static void close(MqttClient c) {
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1000);
            }
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("MQTT: closing: {}", e.getMessage());
        }
    }
}
