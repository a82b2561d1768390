package cn.lantai.stacks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.lantai.catalog.Classification;
import cn.lantai.catalog.Viewer;
import cn.lantai.stacks.internal.climate.AlertKind;
import cn.lantai.stacks.internal.climate.DayChecks;
import cn.lantai.stacks.internal.climate.Intake;
import cn.lantai.stacks.internal.climate.MonthFigures;
import cn.lantai.stacks.internal.climate.ReadingInput;
import cn.lantai.stacks.internal.climate.ReadingIntake;
import cn.lantai.stacks.internal.climate.Sensor;
import cn.lantai.stacks.internal.climate.Sensors;
import cn.lantai.support.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The climate's store on each database: the daily rollup kept by one MERGE equals the raw readings recounted by SQL
 * (50,000 one-minute readings through the batch path), readings posted by HTTP reach the room's chart and raise each
 * kind of alert once, and the stacks' year is recomputed from the raw readings of a simulated span. Run on H2
 * ({@link ClimateTest}) and PostgreSQL ({@link PostgresClimateTest}).
 */
abstract class ClimateContract {

    static final String KEEPER = "climate-keeper";

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Staff staff;
    @Autowired
    Rooms rooms;
    @Autowired
    Sensors sensors;
    @Autowired
    ReadingIntake intake;
    @Autowired
    DayChecks checks;
    @Autowired
    Climate climate;
    @Autowired
    JdbcClient jdbc;
    @Value("${lantai.archive-zone:Asia/Shanghai}")
    ZoneId zone;

    @BeforeEach
    void keeper() {
        staff.ensure(KEEPER, "库房保管员", null, Classification.NONE, List.of("STACKS"));
    }

    Viewer viewer() {
        return Viewer.staff(KEEPER, Classification.NONE, false);
    }

    /** A room of its own for the test (code {@code C} and a random suffix). */
    String room(RoomKind kind) {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        staff.as(KEEPER, () -> rooms.add(new Room(code, "测试库房 " + code, kind, 2, 2, 2), viewer()));
        return code;
    }

    /** A sensor of the room and its token. */
    String[] sensor(String room) {
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
        String token = staff.as(KEEPER, () -> sensors.register(room, code, viewer())).token();
        return new String[] {code, token};
    }

    static ReadingInput reading(String room, String sensor, Instant at, String t, String h) {
        return new ReadingInput(room, sensor, at, new BigDecimal(t), new BigDecimal(h));
    }

    Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    @Test
    void theDailyRollupEqualsTheRawReadingsRecountedBySql() {
        String room = room(RoomKind.PAPER);
        String[] s = sensor(room);
        Sensor sensor = sensors.byToken(s[1]).orElseThrow();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(50_000, ChronoUnit.MINUTES);
        List<ReadingInput> batch = new ArrayList<>();
        int stored = 0;
        for (int i = 0; i < 50_000; i++) {
            batch.add(reading(room, s[0], start.plus(i, ChronoUnit.MINUTES), BigDecimal.valueOf(180 + i % 97, 1)
                    .toPlainString(), BigDecimal.valueOf(480 + i % 53, 1).toPlainString()));
            if (batch.size() == ReadingIntake.MAX_BATCH) {
                stored += intake.fromSensor(sensor, batch).stored();
                batch.clear();
            }
        }
        assertThat(stored).isEqualTo(50_000);
        // the last batch again: nothing counted twice
        List<ReadingInput> again = new ArrayList<>();
        for (int i = 49_000; i < 50_000; i++) {
            again.add(reading(room, s[0], start.plus(i, ChronoUnit.MINUTES), "30", "99"));
        }
        assertThat(intake.fromSensor(sensor, again)).isEqualTo(new Intake(0, 1000));

        List<String> raw = jdbc.sql("SELECT reading_day, MIN(temperature), MAX(temperature), SUM(temperature), "
                        + "MIN(humidity), MAX(humidity), SUM(humidity), COUNT(*) FROM stacks_reading "
                        + "WHERE room_code = ? GROUP BY reading_day ORDER BY reading_day").param(room)
                .query((rs, n) -> rs.getObject(1, LocalDate.class) + " " + plain(rs.getBigDecimal(2)) + " "
                        + plain(rs.getBigDecimal(3)) + " " + plain(rs.getBigDecimal(4)) + " " + plain(rs.getBigDecimal(5))
                        + " " + plain(rs.getBigDecimal(6)) + " " + plain(rs.getBigDecimal(7)) + " " + rs.getLong(8))
                .list();
        List<String> rollup = jdbc.sql("SELECT reading_day, min_temperature, max_temperature, sum_temperature, "
                        + "min_humidity, max_humidity, sum_humidity, reading_count FROM stacks_climate_day "
                        + "WHERE room_code = ? ORDER BY reading_day").param(room)
                .query((rs, n) -> rs.getObject(1, LocalDate.class) + " " + plain(rs.getBigDecimal(2)) + " "
                        + plain(rs.getBigDecimal(3)) + " " + plain(rs.getBigDecimal(4)) + " " + plain(rs.getBigDecimal(5))
                        + " " + plain(rs.getBigDecimal(6)) + " " + plain(rs.getBigDecimal(7)) + " " + rs.getLong(8))
                .list();
        assertThat(rollup).hasSizeGreaterThanOrEqualTo(35).isEqualTo(raw);
        // the raw days' reading_day is the archive's day of the moment
        assertThat(jdbc.sql("SELECT MIN(reading_day) FROM stacks_reading WHERE room_code = ?").param(room)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.ofInstant(start, zone));
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    @Test
    void httpReadingsReachTheChartAndRaiseEachAlertOnce() throws Exception {
        String room = room(RoomKind.PAPER);
        String[] s = sensor(room);
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        LocalDate before = yesterday.minusDays(1);
        // the day before yesterday swings 5 ℃ within the norm; yesterday has one reading, out of the norm
        String body = "[" + String.join(",", item(room, s[0], at(before, 10), "15.0", "50"),
                item(room, s[0], at(before, 14), "20.0", "52"), item(room, s[0], at(yesterday, 12), "30.5", "50")) + "]";
        JsonNode answer = send(s[1], body, 200);
        assertThat(answer.get("stored").asInt()).isEqualTo(3);
        assertThat(send(s[1], body, 200).get("duplicates").asInt()).isEqualTo(3);

        JsonNode chart = json.readTree(mvc.perform(get("/stacks/climate/{room}/chart.json", room)
                        .param("from", before.toString()).param("to", yesterday.toString()).with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(chart.get("resolution").asString()).isEqualTo("raw");
        assertThat(chart.get("readings")).hasSize(3);
        assertThat(chart.get("readings").get(2).get("temperature").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(chart.get("norm").get("maxTemperature").asInt()).isEqualTo(24);
        JsonNode daily = json.readTree(mvc.perform(get("/stacks/climate/{room}/chart.json", room)
                        .param("from", before.minusDays(20).toString()).param("to", yesterday.toString())
                        .with(Staff.page(KEEPER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(daily.get("resolution").asString()).isEqualTo("daily");
        assertThat(daily.get("days")).hasSize(2);
        assertThat(daily.get("days").get(0).get("averageTemperature").decimalValue()).isEqualByComparingTo("17.5");

        assertThat(checks.checkDay(before)).isZero();
        checks.checkDay(yesterday);
        checks.checkDay(yesterday);
        assertThat(alerts(room)).containsExactlyInAnyOrder(AlertKind.SWING + " " + before,
                AlertKind.OUT_OF_RANGE + " " + yesterday, AlertKind.THIN_DAY + " " + yesterday);
    }

    List<String> alerts(String room) {
        return jdbc.sql("SELECT kind, alert_day FROM stacks_climate_alert WHERE room_code = ?").param(room)
                .query((rs, n) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class)).list();
    }

    static String item(String room, String sensor, Instant at, String t, String h) {
        return "{\"room\":\"" + room + "\",\"sensor\":\"" + sensor + "\",\"at\":\"" + at + "\",\"temperature\":" + t
                + ",\"humidity\":" + h + "}";
    }

    JsonNode send(String token, String body, int expected) throws Exception {
        String answer = mvc.perform(post("/api/v1/stacks/readings").with(Staff.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    @Test
    void aRoomWhoseSensorNeverPostedIsFlaggedFromTheDayAfterItsRegistration() {
        LocalDate today = LocalDate.now(zone);
        String silent = room(RoomKind.PAPER);
        String[] s = sensor(silent);
        // registered three days ago, late in the evening by the archive's clock; never posted since
        jdbc.sql("UPDATE stacks_sensor SET created_at = ? WHERE code = ?")
                .params(LocalDateTime.ofInstant(at(today.minusDays(3), 23), ZoneOffset.UTC), s[0]).update();

        checks.checkDay(today.minusDays(3));
        checks.checkDay(today.minusDays(2));

        assertThat(jdbc.sql("SELECT alert_day FROM stacks_climate_alert WHERE room_code = ? AND kind = ?")
                .params(silent, AlertKind.THIN_DAY.name()).query(LocalDate.class).list())
                .containsExactly(today.minusDays(2));
    }

    @Test
    void theYearIsRecomputedFromTheRawReadingsOfASimulatedSpan() {
        String room = room(RoomKind.FILM_MASTERS); // 13–15 ℃, 35–45 %
        String[] s = sensor(room);
        Sensor sensor = sensors.byToken(s[1]).orElseThrow();
        LocalDate today = LocalDate.now(zone); // read once: the day may turn while the test runs
        LocalDate last = today.minusDays(2);
        LocalDate first = last.minusDays(29);
        Map<LocalDate, String> design = new HashMap<>();
        List<ReadingInput> batch = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            LocalDate day = first.plusDays(d);
            switch (d % 5) {
                case 0 -> { // a good day: four readings within the norm
                    for (int h = 0; h < 4; h++) {
                        batch.add(reading(room, s[0], at(day, 6 * h + 1), "14." + h, "40"));
                    }
                    design.put(day, "good");
                }
                case 1 -> { // out of the norm, not swinging
                    batch.add(reading(room, s[0], at(day, 8), "16.0", "40"));
                    batch.add(reading(room, s[0], at(day, 9), "15.5", "41"));
                    design.put(day, "out");
                }
                case 2 -> { // swinging 12 % RH, out of the norm too
                    batch.add(reading(room, s[0], at(day, 8), "14.0", "36"));
                    batch.add(reading(room, s[0], at(day, 20), "14.0", "48"));
                    design.put(day, "swing");
                }
                case 3 -> { // one reading: thin
                    batch.add(reading(room, s[0], at(day, 12), "14.0", "40"));
                    design.put(day, "thin");
                }
                default -> design.put(day, "none"); // no reading: thin too
            }
        }
        intake.fromSensor(sensor, batch);
        for (LocalDate day = first; !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
            checks.checkDay(day);
        }
        // the room's own figures, from the design
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            int y = year;
            List<LocalDate> days = design.keySet().stream().filter(d -> d.getYear() == y).toList();
            MonthFigures total = staff.as(KEEPER, () -> climate.report(room, y)).total();
            assertThat(total.readings()).isEqualTo(batch.stream()
                    .filter(r -> LocalDate.ofInstant(r.at(), zone).getYear() == y).count());
            assertThat(total.daysOutOfNorm()).isEqualTo(days.stream().filter(d -> design.get(d).matches("out|swing"))
                    .count());
            assertThat(total.swingDays()).isEqualTo(days.stream().filter(d -> design.get(d).equals("swing")).count());
            long thin = days.stream().filter(d -> design.get(d).matches("thin|none")).count()
                    + (y == today.minusDays(1).getYear() ? 1 : 0); // yesterday: no reading
            assertThat(total.thinDays()).isEqualTo(thin);
            assertThat(total.thinDayAlerts()).isEqualTo(thin);
            assertThat(total.swingAlerts()).isEqualTo(total.swingDays());
            assertThat(total.outOfRangeAlerts()).isEqualTo(total.daysOutOfNorm());
            // the stacks' year, from the raw rows of every room
            assertThat(climate.year(y)).isEqualTo(recount(y, today));
        }
    }

    /**
     * The stacks' year counted from the raw readings and the sensors alone, as of the given day: a room is watched
     * from its first reading or the first whole day after its earliest enabled sensor was registered.
     */
    private ClimateYear recount(int year, LocalDate today) {
        Map<String, RoomKind> kinds = new HashMap<>();
        jdbc.sql("SELECT code, kind FROM stacks_room").query((rs, n) -> kinds.put(rs.getString(1),
                RoomKind.valueOf(rs.getString(2)))).list();
        Map<String, LocalDate> firstDays = new HashMap<>();
        jdbc.sql("SELECT room_code, MIN(reading_day) FROM stacks_reading GROUP BY room_code")
                .query((rs, n) -> firstDays.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        jdbc.sql("SELECT room_code, created_at FROM stacks_sensor WHERE enabled")
                .query((rs, n) -> firstDays.merge(rs.getString(1), rs.getObject(2, LocalDateTime.class)
                        .atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate().plusDays(1),
                        (a, b) -> a.isBefore(b) ? a : b)).list();
        long[] counts = new long[4];
        Map<String, Long> watched = new HashMap<>();
        LocalDate yesterday = today.minusDays(1);
        jdbc.sql("SELECT room_code, reading_day, MIN(temperature), MAX(temperature), MIN(humidity), MAX(humidity), "
                        + "COUNT(*) FROM stacks_reading WHERE reading_day BETWEEN ? AND ? GROUP BY room_code, reading_day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> {
                    RoomKind kind = kinds.get(rs.getString(1));
                    BigDecimal minT = rs.getBigDecimal(3);
                    BigDecimal maxT = rs.getBigDecimal(4);
                    BigDecimal minH = rs.getBigDecimal(5);
                    BigDecimal maxH = rs.getBigDecimal(6);
                    counts[0] += rs.getLong(7);
                    if (!kind.temperatureWithin(minT) || !kind.temperatureWithin(maxT) || !kind.humidityWithin(minH)
                            || !kind.humidityWithin(maxH)) {
                        counts[1]++;
                    }
                    if (maxT.subtract(minT).compareTo(BigDecimal.valueOf(4)) > 0
                            || maxH.subtract(minH).compareTo(BigDecimal.valueOf(10)) > 0) {
                        counts[2]++;
                    }
                    if (rs.getLong(7) >= 2 && !rs.getObject(2, LocalDate.class).isAfter(yesterday)) {
                        watched.merge(rs.getString(1), 1L, Long::sum);
                    }
                    return null;
                }).list();
        for (Map.Entry<String, LocalDate> f : firstDays.entrySet()) {
            LocalDate start = f.getValue().isAfter(LocalDate.of(year, 1, 1)) ? f.getValue() : LocalDate.of(year, 1, 1);
            LocalDate end = yesterday.isBefore(LocalDate.of(year, 12, 31)) ? yesterday : LocalDate.of(year, 12, 31);
            if (!start.isAfter(end)) {
                counts[3] += ChronoUnit.DAYS.between(start, end) + 1 - watched.getOrDefault(f.getKey(), 0L);
            }
        }
        return new ClimateYear(year, counts[0], counts[1], counts[2], counts[3]);
    }
}
