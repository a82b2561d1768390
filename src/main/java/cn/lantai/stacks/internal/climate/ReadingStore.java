package cn.lantai.stacks.internal.climate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rooms' readings (table {@code stacks_reading}, raw, indexed by room and moment) and their daily rollup (table
 * {@code stacks_climate_day}), added to by one standard {@code MERGE} that H2 and PostgreSQL 15 both run. Moments are
 * kept in UTC; the day of a reading is the archive's day, decided by the caller.
 */
@Repository
class ReadingStore {

    private static final String DAY_COLUMNS = "room_code, reading_day, min_temperature, max_temperature, "
            + "sum_temperature, min_humidity, max_humidity, sum_humidity, reading_count";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ZoneId zone;

    ReadingStore(JdbcClient jdbc, JdbcTemplate template, @Value("${lantai.archive-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.template = template;
        this.zone = zone;
    }

    /**
     * Holds the room's row until the transaction ends, so that readings, rollup and alerts of one room are written by
     * one transaction at a time; whether the room exists.
     */
    boolean lockRoom(String room) {
        return jdbc.sql("SELECT code FROM stacks_room WHERE code = ? FOR UPDATE").param(room).query(String.class)
                .optional().isPresent();
    }

    /** The moments (UTC) already kept for the sensor in the room between the two, both included. */
    Set<LocalDateTime> kept(String room, String sensor, Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("SELECT at FROM stacks_reading WHERE room_code = ? AND sensor = ? "
                        + "AND at BETWEEN ? AND ?")
                .params(room, sensor, SensorStore.utc(from), SensorStore.utc(to))
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class)).list());
    }

    void insert(List<Reading> readings, Map<Reading, LocalDate> days, String enteredBy, Instant receivedAt) {
        LocalDateTime received = SensorStore.utc(receivedAt);
        template.batchUpdate("INSERT INTO stacks_reading (room_code, sensor, at, reading_day, temperature, humidity, "
                        + "entered_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", readings, 1000,
                (ps, r) -> {
                    ps.setString(1, r.room());
                    ps.setString(2, r.sensor());
                    ps.setObject(3, SensorStore.utc(r.at()));
                    ps.setObject(4, days.get(r));
                    ps.setBigDecimal(5, r.temperature());
                    ps.setBigDecimal(6, r.humidity());
                    ps.setString(7, enteredBy);
                    ps.setObject(8, received);
                });
    }

    /** Adds a batch's figures of one room and day to the rollup: extremes widened, sums and count added. */
    void addToDay(ClimateDay d) {
        jdbc.sql("""
                MERGE INTO stacks_climate_day t
                USING (SELECT CAST(? AS VARCHAR(16)) AS room_code, CAST(? AS DATE) AS reading_day,
                              CAST(? AS DECIMAL(5, 2)) AS min_t, CAST(? AS DECIMAL(5, 2)) AS max_t,
                              CAST(? AS DECIMAL(14, 2)) AS sum_t, CAST(? AS DECIMAL(5, 2)) AS min_h,
                              CAST(? AS DECIMAL(5, 2)) AS max_h, CAST(? AS DECIMAL(14, 2)) AS sum_h,
                              CAST(? AS BIGINT) AS n) s
                ON t.room_code = s.room_code AND t.reading_day = s.reading_day
                WHEN MATCHED THEN UPDATE SET
                    min_temperature = LEAST(t.min_temperature, s.min_t),
                    max_temperature = GREATEST(t.max_temperature, s.max_t),
                    sum_temperature = t.sum_temperature + s.sum_t,
                    min_humidity = LEAST(t.min_humidity, s.min_h),
                    max_humidity = GREATEST(t.max_humidity, s.max_h),
                    sum_humidity = t.sum_humidity + s.sum_h,
                    reading_count = t.reading_count + s.n
                WHEN NOT MATCHED THEN INSERT (room_code, reading_day, min_temperature, max_temperature,
                    sum_temperature, min_humidity, max_humidity, sum_humidity, reading_count)
                    VALUES (s.room_code, s.reading_day, s.min_t, s.max_t, s.sum_t, s.min_h, s.max_h, s.sum_h, s.n)""")
                .params(d.room(), d.day(), d.minTemperature(), d.maxTemperature(), d.sumTemperature(),
                        d.minHumidity(), d.maxHumidity(), d.sumHumidity(), d.readings())
                .update();
    }

    Optional<ClimateDay> day(String room, LocalDate day) {
        return jdbc.sql("SELECT " + DAY_COLUMNS + " FROM stacks_climate_day WHERE room_code = ? AND reading_day = ?")
                .params(room, day).query((rs, n) -> climateDay(rs)).optional();
    }

    /** The room's rolled-up days in the range, both ends included. */
    List<ClimateDay> days(String room, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + DAY_COLUMNS + " FROM stacks_climate_day WHERE room_code = ? "
                        + "AND reading_day BETWEEN ? AND ? ORDER BY reading_day")
                .params(room, from, to).query((rs, n) -> climateDay(rs)).list();
    }

    /** Every room's rolled-up days in the range, both ends included. */
    List<ClimateDay> days(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + DAY_COLUMNS + " FROM stacks_climate_day WHERE reading_day BETWEEN ? AND ? "
                        + "ORDER BY room_code, reading_day")
                .params(from, to).query((rs, n) -> climateDay(rs)).list();
    }

    /**
     * The day each room's watch began: its first measured day, or the first whole day after its earliest enabled
     * sensor was registered, whichever comes first.
     */
    Map<String, LocalDate> firstDays() {
        Map<String, LocalDate> first = new HashMap<>();
        jdbc.sql("SELECT room_code, MIN(reading_day) FROM stacks_climate_day GROUP BY room_code")
                .query((rs, n) -> first.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        // a sensor registered but silent is watched from the first whole day after its registration
        jdbc.sql("SELECT room_code, MIN(created_at) FROM stacks_sensor WHERE enabled GROUP BY room_code")
                .query((rs, n) -> first.merge(rs.getString(1), rs.getObject(2, LocalDateTime.class)
                        .atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate().plusDays(1),
                        (a, b) -> a.isBefore(b) ? a : b)).list();
        return first;
    }

    /** The room's readings between the two moments, both included, in order. */
    List<Reading> readings(String room, Instant from, Instant to) {
        return jdbc.sql("SELECT room_code, sensor, at, temperature, humidity FROM stacks_reading "
                        + "WHERE room_code = ? AND at BETWEEN ? AND ? ORDER BY at, sensor")
                .params(room, SensorStore.utc(from), SensorStore.utc(to)).query((rs, n) -> reading(rs)).list();
    }

    /**
     * The room's latest reading, looked for only from the day before the room's last rolled-up day on (a reading's
     * archive day never starts more than a day before its UTC date), so that a day or two of the room's raw rows is
     * read however many years are kept: H2 reads an index backwards for no {@code ORDER BY … DESC}, and without the
     * bound it read all the room's rows for each room of the overview.
     */
    Optional<Reading> latest(String room) {
        List<LocalDate> days = jdbc.sql("SELECT MAX(reading_day) FROM stacks_climate_day WHERE room_code = ?")
                .param(room).query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
        LocalDate last = days.isEmpty() ? null : days.get(0);
        if (last == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT room_code, sensor, at, temperature, humidity FROM stacks_reading "
                        + "WHERE room_code = ? AND at >= ? ORDER BY at DESC FETCH FIRST 1 ROWS ONLY")
                .params(room, last.minusDays(1).atStartOfDay()).query((rs, n) -> reading(rs)).optional();
    }

    private static Reading reading(ResultSet rs) throws SQLException {
        return new Reading(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)
                .toInstant(ZoneOffset.UTC), rs.getBigDecimal(4), rs.getBigDecimal(5));
    }

    private static ClimateDay climateDay(ResultSet rs) throws SQLException {
        return new ClimateDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getLong(9));
    }
}
