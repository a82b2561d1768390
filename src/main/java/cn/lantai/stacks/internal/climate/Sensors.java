package cn.lantai.stacks.internal.climate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.lantai.audit.AuditEvent;
import cn.lantai.audit.AuditTrail;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.StacksProblem;
import cn.lantai.stacks.internal.RoomStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rooms' sensors, registered and disabled by the stacks staff ({@code MANAGE_STACKS}), audited. Each gets a secret
 * token (256 random bits) shown once; only its SHA-256 digest is kept, so a stolen database posts no readings. A sensor
 * proves itself with the token: by HTTP as a bearer token, over MQTT as the field {@code token}, because the shared
 * broker lets any local client publish on any topic.
 */
@Service
public class Sensors {

    /** The sensor of readings a person entered by hand; no sensor may take this code. */
    public static final String MANUAL = "manual";
    /** A sensor's code: 1 to 32 ASCII letters, digits, dots, hyphens or underscores, starting with a letter or digit. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final String PREFIX = "lts_";

    private final SensorStore store;
    private final RoomStore rooms;
    private final AuditTrail trail;
    private final SecureRandom random = new SecureRandom();

    Sensors(SensorStore store, RoomStore rooms, AuditTrail trail) {
        this.store = store;
        this.rooms = rooms;
        this.trail = trail;
    }

    /**
     * Registers a sensor in a room; the answer carries its token, which is never shown again.
     *
     * @throws StacksProblem 422 {@code stacks.sensor.bad-code}, 404 {@code stacks.sensor.unknown-room}, 409
     *         {@code stacks.sensor.exists}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public IssuedSensor register(String room, String code, Viewer viewer) {
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches() || c.toLowerCase(Locale.ROOT).equals(MANUAL)) {
            throw new StacksProblem(422, "stacks.sensor.bad-code");
        }
        String r = room == null ? "" : room.strip();
        if (rooms.find(r).isEmpty()) {
            throw new StacksProblem(404, "stacks.sensor.unknown-room", r);
        }
        if (store.find(c).isPresent()) {
            throw new StacksProblem(409, "stacks.sensor.exists", c);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Sensor sensor = new Sensor(c, r, true, Instant.now(), viewer.name());
        store.insert(sensor, digest(token));
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.sensor.register", "sensor:" + c, null,
                "room=" + r));
        return new IssuedSensor(sensor, token);
    }

    /**
     * Disables a sensor: its token is refused from now on; its readings stay.
     *
     * @throws StacksProblem 404 {@code stacks.sensor.unknown}, 409 {@code stacks.sensor.disabled}
     */
    @Transactional
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public Sensor disable(String code, Viewer viewer) {
        Sensor sensor = store.find(code == null ? "" : code.strip())
                .orElseThrow(() -> new StacksProblem(404, "stacks.sensor.unknown", code));
        if (!store.disable(sensor.code(), Instant.now())) {
            throw new StacksProblem(409, "stacks.sensor.disabled", sensor.code());
        }
        trail.record(new AuditEvent(viewer.name(), viewer.address(), "stacks.sensor.disable",
                "sensor:" + sensor.code(), "enabled", "disabled"));
        return store.find(sensor.code()).orElseThrow();
    }

    /** The room's sensors, enabled or not. */
    @PreAuthorize("hasAuthority('MANAGE_STACKS')")
    public List<Sensor> ofRoom(String room) {
        return store.ofRoom(room);
    }

    /** The enabled sensor whose token this is (the HTTP path: the bearer token alone names the sensor). */
    public Optional<Sensor> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return store.byDigest(digest(token.strip())).filter(Sensor::enabled);
    }

    /**
     * The enabled sensor of this code if the token is its own (the MQTT path: the payload names the sensor and
     * carries its token), compared in constant time.
     */
    public Optional<Sensor> byCodeAndToken(String code, String token) {
        if (code == null || token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<String> kept = store.digest(code.strip());
        byte[] given = digest(token.strip()).getBytes(StandardCharsets.US_ASCII);
        if (kept.isEmpty() || !MessageDigest.isEqual(kept.get().getBytes(StandardCharsets.US_ASCII), given)) {
            return Optional.empty();
        }
        return store.find(code.strip()).filter(Sensor::enabled);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
