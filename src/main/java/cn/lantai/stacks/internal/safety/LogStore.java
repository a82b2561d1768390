package cn.lantai.stacks.internal.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The repellent changes and the incident log (tables {@code stacks_safety_repellent},
 * {@code stacks_safety_incident}).
 */
@Repository
public class LogStore {

    private static final String INCIDENT = "SELECT id, occurred_on, room_code, protection, description, loss, measures,"
            + " closed_on, recorded_by FROM stacks_safety_incident";

    private final JdbcClient jdbc;

    LogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertChange(String room, LocalDate on, String agent, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stacks_safety_repellent (room_code, changed_on, agent, changed_by, recorded_at)"
                + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)").params(room, on, agent, by).update(key, "id");
        return key.getKey().longValue();
    }

    /** The changes made in a year, by day. */
    List<RepellentChange> changes(int year) {
        return jdbc.sql("SELECT id, room_code, changed_on, agent, changed_by FROM stacks_safety_repellent"
                        + " WHERE changed_on >= ? AND changed_on <= ? ORDER BY changed_on, room_code, id")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new RepellentChange(rs.getLong(1), rs.getString(2), CheckStore.day(rs, 3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Each room's last change up to a day (rooms never changed are absent). */
    public Map<String, LocalDate> lastChanges(LocalDate upTo) {
        return jdbc.sql("SELECT room_code, MAX(changed_on) FROM stacks_safety_repellent WHERE changed_on <= ?"
                        + " GROUP BY room_code").param(upTo)
                .query((rs, n) -> Map.entry(rs.getString(1), CheckStore.day(rs, 2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long insertIncident(NewIncident i, String recordedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stacks_safety_incident (occurred_on, room_code, protection, description, loss, measures,"
                        + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(i.occurredOn(), i.room(), i.protection().name(), i.description(), i.loss(), i.measures(),
                        recordedBy)
                .update(key, "id");
        return key.getKey().longValue();
    }

    List<Incident> incidents(int year) {
        return jdbc.sql(INCIDENT + " WHERE occurred_on >= ? AND occurred_on <= ? ORDER BY occurred_on, id")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(LogStore::incident).list();
    }

    Optional<Incident> incident(long id) {
        return jdbc.sql(INCIDENT + " WHERE id = ?").param(id).query(LogStore::incident).optional();
    }

    void closeIncident(long id, LocalDate on) {
        jdbc.sql("UPDATE stacks_safety_incident SET closed_on = ? WHERE id = ?").params(on, id).update();
    }

    /** The year's repellent changes and incidents. */
    public long[] yearCounts(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        long changes = jdbc.sql("SELECT COUNT(*) FROM stacks_safety_repellent WHERE changed_on >= ?"
                + " AND changed_on <= ?")
                .params(from, to).query(Long.class).single();
        long incidents = jdbc.sql("SELECT COUNT(*) FROM stacks_safety_incident WHERE occurred_on >= ?"
                + " AND occurred_on <= ?").params(from, to).query(Long.class).single();
        return new long[] {changes, incidents};
    }

    private static Incident incident(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong(1), CheckStore.day(rs, 2), rs.getString(3), Protection.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), CheckStore.day(rs, 8), rs.getString(9));
    }
}
