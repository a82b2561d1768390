package cn.lantai.stacks.internal.climate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rooms' sensors (table {@code stacks_sensor}); a sensor's token is kept as its SHA-256 digest only. */
@Repository
class SensorStore {

    private static final String COLUMNS = "code, room_code, enabled, created_at, created_by";

    private final JdbcClient jdbc;

    SensorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Sensor sensor, String tokenDigest) {
        jdbc.sql("INSERT INTO stacks_sensor (code, room_code, token_digest, enabled, created_at, created_by) "
                        + "VALUES (?, ?, ?, TRUE, ?, ?)")
                .params(sensor.code(), sensor.room(), tokenDigest, utc(sensor.createdAt()), sensor.createdBy())
                .update();
    }

    Optional<Sensor> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_sensor WHERE code = ?").param(code)
                .query((rs, n) -> sensor(rs)).optional();
    }

    /** The digest of the sensor's token, for the constant-time check of a credential. */
    Optional<String> digest(String code) {
        return jdbc.sql("SELECT token_digest FROM stacks_sensor WHERE code = ?").param(code).query(String.class)
                .optional();
    }

    Optional<Sensor> byDigest(String digest) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_sensor WHERE token_digest = ?").param(digest)
                .query((rs, n) -> sensor(rs)).optional();
    }

    List<Sensor> ofRoom(String room) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_sensor WHERE room_code = ? ORDER BY code").param(room)
                .query((rs, n) -> sensor(rs)).list();
    }

    boolean disable(String code, Instant at) {
        return jdbc.sql("UPDATE stacks_sensor SET enabled = FALSE, disabled_at = ? WHERE code = ? AND enabled")
                .params(utc(at), code).update() == 1;
    }

    private static Sensor sensor(ResultSet rs) throws SQLException {
        return new Sensor(rs.getString("code"), rs.getString("room_code"), rs.getBoolean("enabled"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("created_by"));
    }

    static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
