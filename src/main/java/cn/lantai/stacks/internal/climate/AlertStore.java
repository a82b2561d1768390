package cn.lantai.stacks.internal.climate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The climate alerts (table {@code stacks_climate_alert}): one per room, kind and day. Callers hold the room's lock
 * ({@link ReadingStore#lockRoom}), so the check for an existing alert and the insert cannot race.
 */
@Repository
class AlertStore {

    private static final String COLUMNS =
            "id, room_code, kind, alert_day, detail, raised_at, acknowledged_at, acknowledged_by";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the alert unless the room already has one of this kind for the day; whether it was raised now. */
    boolean raise(String room, AlertKind kind, LocalDate day, String detail, Instant at) {
        return jdbc.sql("INSERT INTO stacks_climate_alert (room_code, kind, alert_day, detail, raised_at) "
                        + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM stacks_climate_alert "
                        + "WHERE room_code = ? AND kind = ? AND alert_day = ?)")
                .params(room, kind.name(), day, detail, SensorStore.utc(at), room, kind.name(), day)
                .update() == 1;
    }

    /** The first open alerts, newest day first, at most {@code limit}. */
    List<Alert> open(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_climate_alert WHERE acknowledged_at IS NULL "
                + "ORDER BY alert_day DESC, room_code, kind FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, n) -> alert(rs)).list();
    }

    /** How many alerts each room has open; rooms without any are left out. */
    Map<String, Long> openByRoom() {
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("SELECT room_code, COUNT(*) FROM stacks_climate_alert WHERE acknowledged_at IS NULL "
                + "GROUP BY room_code").query((rs, n) -> open.put(rs.getString(1), rs.getLong(2))).list();
        return open;
    }

    List<Alert> ofRoom(String room, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_climate_alert WHERE room_code = ? "
                        + "ORDER BY alert_day DESC, kind FETCH FIRST " + limit + " ROWS ONLY")
                .param(room).query((rs, n) -> alert(rs)).list();
    }

    /** The room's alerts of days in the range, both ends included. */
    List<Alert> ofRoom(String room, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_climate_alert WHERE room_code = ? "
                        + "AND alert_day BETWEEN ? AND ? ORDER BY alert_day, kind")
                .params(room, from, to).query((rs, n) -> alert(rs)).list();
    }

    Optional<Alert> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM stacks_climate_alert WHERE id = ?").param(id)
                .query((rs, n) -> alert(rs)).optional();
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("UPDATE stacks_climate_alert SET acknowledged_at = ?, acknowledged_by = ? "
                        + "WHERE id = ? AND acknowledged_at IS NULL")
                .params(SensorStore.utc(at), by, id).update() == 1;
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        LocalDateTime acknowledged = rs.getObject("acknowledged_at", LocalDateTime.class);
        return new Alert(rs.getLong("id"), rs.getString("room_code"), AlertKind.valueOf(rs.getString("kind")),
                rs.getObject("alert_day", LocalDate.class), rs.getString("detail"),
                rs.getObject("raised_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                acknowledged == null ? null : acknowledged.toInstant(ZoneOffset.UTC),
                rs.getString("acknowledged_by"));
    }
}
